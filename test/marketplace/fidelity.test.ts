/**
 * The Marketplace as its platform has it: one block per difference the platform's own code and
 * docs settle, each naming its source (repository and path).
 */
import { describe, expect, it } from 'vitest';
import { execute, start } from '../../src/index';
import {
  fromMarketplaceSubscription,
  marketplaceOrderMachine as orders,
  marketplaceSubscriptionMachine as subscriptions,
  toMarketplaceSubscription,
} from '../../src/marketplace';
import { expectArrow, expectRefusal, runPure } from './drive';
import { cmd, complete, input, place } from './order.fixtures';
import {
  at,
  CHANGE,
  OTHER,
  orderInput,
  PURCHASE,
  relay,
  SUB,
  cmd as subscriptionCommand,
  T0,
  vendorInput,
} from './subscription.fixtures';

describe('1. order.fail takes statusNotes { id, message }; an order carries an error object', () => {
  // softwareone-platform/mpt-extension-sdk mpt_extension_sdk/services/mpt_api_service/order.py
  // (OrderService.fail sends `statusNotes`); softwareone-platform/docs
  // developer-resources/rest-api/commerce-api/orders/README.md (statusNotes, error: message
  // objects) and developer-resources/api-usage-and-reference/common-api-objects/message.md.
  const notes = { id: 'ERR-123-123', message: 'Vendor API is not responding. Try later' };

  it('keeps the message object, id and all', () => {
    const failed = runPure(orders, input, [
      place,
      cmd('order.fail', 'vendor', 6, { statusNotes: notes }),
    ]);
    expect(failed.value).toBe('Failed');
    expect(failed.context.statusNotes).toEqual(notes);
  });

  it('still takes a plain string, as its text', () => {
    const failed = runPure(orders, input, [
      place,
      cmd('order.fail', 'operations', 6, { statusNotes: 'No stock' }),
    ]);
    expect(failed.context.statusNotes).toEqual({ message: 'No stock' });
  });

  it("keeps validation's error on the order: placing it goes to Querying, processing clears it", () => {
    const error = { id: 'E001234', message: 'The agreement has no licensee' };
    const validated = runPure(orders, input, [cmd('order.validate', 'system', 1, { error })]);
    expect(validated.context.error).toEqual(error);
    const placed = expectArrow(orders, {
      arrow: 'Draft → Querying: validation left an error on the order',
      input,
      before: [cmd('order.validate', 'system', 1, { error })],
      command: place,
      from: 'Draft',
      to: 'Querying',
    });
    const processed = execute(orders, placed, cmd('order.process', 'client', 5));
    expect(processed.ok && processed.snapshot.value).toBe('Processing');
    expect(processed.ok && processed.snapshot.context.error).toBeUndefined();
  });
});

describe('2. parameters are grouped ordering[] / fulfillment[], keyed by externalId, with constraints and any JSON value', () => {
  // softwareone-platform/mpt-extension-sdk mpt_extension_sdk/models/parameter.py (ParameterBag,
  // ParameterValue: value Any, Constraints hidden/readonly/required; get_ordering_parameter by
  // external id); softwareone-platform/docs
  // developer-resources/api-usage-and-reference/common-api-objects/order-parameter.md.
  it('keeps non-string values and constraints, in their group', () => {
    const order = start(orders, {
      ...input,
      parameters: {
        ordering: [
          { externalId: 'seats', value: 25, constraints: { required: true, unique: false } },
          { externalId: 'addons', value: ['teams', 'visio'] },
          { externalId: 'contact', value: { name: 'Ada', email: 'ada@contoso.com' } },
          { externalId: 'trial', value: false, constraints: { hidden: true, readonly: true } },
        ],
        fulfillment: [{ externalId: 'tenantId', id: 'PRM-1234-1234-1234-1234' }],
      },
    });
    expect(order.context.parameters.ordering.map((p) => p.value)).toEqual([
      25,
      ['teams', 'visio'],
      { name: 'Ada', email: 'ada@contoso.com' },
      false,
    ]);
    expect(order.context.parameters.fulfillment).toEqual([
      { externalId: 'tenantId', id: 'PRM-1234-1234-1234-1234' },
    ]);
  });

  it('addresses a parameter by its externalId, in the group the command writes', () => {
    const querying = runPure(orders, input, [
      place,
      cmd('order.query', 'vendor', 4, {
        parameters: { ordering: [{ externalId: 'domain', error: { id: 'E1', message: 'taken' } }] },
      }),
    ]);
    const answered = execute(
      orders,
      querying,
      cmd('order.process', 'client', 5, {
        parameters: { ordering: [{ externalId: 'domain', value: { primary: 'contoso.net' } }] },
      }),
    );
    expect(answered.ok && answered.snapshot.context.parameters.ordering[0]).toMatchObject({
      externalId: 'domain',
      value: { primary: 'contoso.net' },
    });
    const done = execute(orders, answered.ok ? answered.snapshot : querying, {
      ...complete,
      at: at(60 * 24 * 10),
    });
    expect(done.ok && done.snapshot.context.parameters.fulfillment[0]).toMatchObject({
      externalId: 'tenantId',
      value: 'a1b2-c3d4',
    });
  });

  it('refuses a value that is not JSON data, and a key twice in a group', () => {
    const processing = runPure(orders, input, [place]);
    const twice = cmd('order.complete', 'vendor', 6, {
      templateId: 'TPL-1',
      parameters: {
        fulfillment: [
          { externalId: 'tenantId', value: 'a' },
          { externalId: 'tenantId', value: 'b' },
        ],
      },
    });
    expectRefusal(orders, processing, twice, 'INVALID_COMMAND');
    const nan = cmd('order.complete', 'vendor', 6, {
      templateId: 'TPL-1',
      parameters: { fulfillment: [{ externalId: 'seats', value: Number.NaN }] },
    });
    expectRefusal(orders, processing, nan, 'INVALID_COMMAND');
    expect(() =>
      start(orders, {
        ...input,
        parameters: { ordering: [{ externalId: 'x', value: null }] },
      } as never),
    ).toThrow('input.parameters.ordering[0].value: expected a JSON value (not null), got null');
  });
});

describe('3. a vendor deletes a Draft subscription', () => {
  // softwareone-platform/docs developer-resources/rest-api/commerce-api/subscriptions/
  // subscription-states.md ("Deleted: The draft subscription has been deleted by the vendor"), and
  // the commerce API's DELETE /v1/commerce/orders/{orderId}/subscriptions/{id}
  // (.gitbook/assets/commerce.json).
  const del = (minute: number, role: 'vendor' | 'client' = 'vendor') =>
    subscriptionCommand('subscription.delete', role, minute);

  it('Draft → Deleted, without the Purchase order failing', () => {
    const deleted = expectArrow(subscriptions, {
      arrow: 'Draft → Deleted: deleted by the vendor',
      input: orderInput,
      before: [],
      command: { type: 'subscription.delete', at: at(5), by: { role: 'vendor' } },
      from: 'Draft',
      to: 'Deleted',
    });
    expect(deleted.context.openOrder).toBeNull();
    expect(deleted.context.orders).toEqual([]);
    expect(toMarketplaceSubscription(deleted).audit.failed).toBeUndefined();
  });

  it('only a Draft, and only by the vendor', () => {
    expectRefusal(subscriptions, start(subscriptions, vendorInput), del(5), 'INVALID_STATE');
    expectRefusal(
      subscriptions,
      start(subscriptions, orderInput),
      del(5, 'client'),
      'FORBIDDEN_ROLE',
    );
  });
});

describe('4. the reader takes external ids as the docs spell them, externalIDs', () => {
  // softwareone-platform/docs developer-resources/rest-api/commerce-api/subscriptions/README.md
  // (field `externalIDs`, and its examples), orders/README.md (example `externalIDs`).
  const json = {
    ...toMarketplaceSubscription(start(subscriptions, vendorInput)),
    externalIds: undefined,
    externalIDs: { client: '12345678', vendor: 'ABC-2023-C07-dbeee0b302c0' },
  };

  it('reads externalIDs as well as externalIds', () => {
    expect(fromMarketplaceSubscription(json).externalIds).toEqual({
      client: '12345678',
      vendor: 'ABC-2023-C07-dbeee0b302c0',
    });
    const both = {
      ...json,
      externalIds: { client: '12345678', vendor: 'ABC-2023-C07-dbeee0b302c0' },
    };
    expect(fromMarketplaceSubscription(both).externalIds).toEqual(json.externalIDs);
  });

  it('refuses two spellings that disagree, naming the field', () => {
    expect(() =>
      fromMarketplaceSubscription({ ...json, externalIds: { client: 'other' } }),
    ).toThrow(
      'fromMarketplaceSubscription: externalIDs: differs from externalIds; send one of the two',
    );
  });
});

describe('5. terminationDate is the date by which the subscription must end, set ahead', () => {
  // softwareone-platform/docs developer-resources/rest-api/commerce-api/subscriptions/README.md:
  // terminationDate, "(Optional) The date by which the subscription must be terminated".
  const by = '2026-12-31T00:00:00Z';
  const placed = () =>
    runPure(subscriptions, vendorInput, [
      relay('placed', OTHER, 'Termination', 10, { terminationDate: by }),
    ]);

  it('a Termination order sets it ahead; its completion keeps it', () => {
    expect(placed().value).toBe('Terminating');
    expect(toMarketplaceSubscription(placed()).terminationDate).toBe(by);
    const done = execute(subscriptions, placed(), relay('completed', OTHER, 'Termination', 20));
    expect(done.ok && done.snapshot.value).toBe('Terminated');
    expect(done.ok && done.snapshot.context.terminationDate).toBe(by);
  });

  it('a failed Termination order drops it', () => {
    const failed = execute(subscriptions, placed(), relay('failed', OTHER, 'Termination', 20));
    expect(failed.ok && failed.snapshot.value).toBe('Active');
    expect(failed.ok && failed.snapshot.context.terminationDate).toBeUndefined();
  });

  it('without one, the completion dates the end', () => {
    const done = runPure(subscriptions, vendorInput, [
      relay('placed', OTHER, 'Termination', 10),
      relay('completed', OTHER, 'Termination', 20),
    ]);
    expect(done.context.terminationDate).toBe(at(20));
  });

  it('refuses one before the order, and one on another order type', () => {
    const active = start(subscriptions, vendorInput);
    expectRefusal(
      subscriptions,
      active,
      relay('placed', OTHER, 'Termination', 10, { terminationDate: T0 }),
      'INVALID_DATE',
    );
    const rejection = expectRefusal(
      subscriptions,
      active,
      relay('placed', CHANGE, 'Change', 10, { terminationDate: by }),
      'INVALID_COMMAND',
    );
    expect(rejection).toMatchObject({ details: { field: 'terminationDate' } });
  });
});

describe('6. a completed Change names existing lines by id; only a new line needs its item', () => {
  // softwareone-platform/docs developer-resources/rest-api/commerce-api/orders/README.md (lines:
  // an upsize names the subscription's line, a new purchase its item);
  // softwareone-platform/mpt-extension-sdk mpt_extension_sdk/models/order.py (OrderLine:
  // oldQuantity 0 is a new line).
  const existing = vendorInput.lines[0]?.id as string;
  const placed = () => runPure(subscriptions, vendorInput, [relay('placed', CHANGE, 'Change', 10)]);

  it('takes { id, quantity } for a line the subscription has, and { id, item, quantity } for a new one', () => {
    const done = execute(
      subscriptions,
      placed(),
      relay('completed', CHANGE, 'Change', 20, {
        lines: [
          { id: existing, quantity: 25 },
          {
            id: 'ALI-2119-4550-8674-5962-0002',
            item: { id: 'ITM-4444-4444-4444-0031' },
            quantity: 1,
          },
        ],
      }),
    );
    expect(done.ok && done.snapshot.context.lines).toEqual([
      { id: existing, item: { id: 'ITM-1111-2222-0001' }, quantity: 25 },
      { id: 'ALI-2119-4550-8674-5962-0002', item: { id: 'ITM-4444-4444-4444-0031' }, quantity: 1 },
    ]);
  });

  it('refuses a new line without its item, naming the field', () => {
    const rejection = expectRefusal(
      subscriptions,
      placed(),
      relay('completed', CHANGE, 'Change', 20, {
        lines: [{ id: 'ALI-2119-4550-8674-5962-0009', quantity: 3 }],
      }),
      'INVALID_COMMAND',
    );
    expect(rejection).toMatchObject({ details: { field: 'lines[0].item' } });
  });
});

describe('subscriptions created by an order or the vendor keep the purchase relay as before', () => {
  it('completes the Purchase order it was created by', () => {
    const active = runPure(subscriptions, orderInput, [
      relay('completed', PURCHASE, 'Purchase', 5),
    ]);
    expect(active.value).toBe('Active');
    expect(toMarketplaceSubscription(active).id).toBe(SUB);
  });
});
