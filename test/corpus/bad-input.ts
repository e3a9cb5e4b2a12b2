/**
 * The bad-input corpus: commands a service exposed to JSON bodies will receive, each with the
 * rejection code it must get. Every case names its machine, the input that creates the subject and
 * the commands that bring it to the state where the bad command arrives.
 *
 * The reference host (`examples/service`) sends the cases whose `json` is true as HTTP bodies.
 */
import type { RejectionCode } from 'subscription-machines';

export type CorpusMachine =
  | 'connect'
  | 'fulfillment-request'
  | 'tier-config-request'
  | 'marketplace-order'
  | 'marketplace-subscription'
  | 'marketplace-agreement'
  | 'opencell';

export interface BadInputCase {
  readonly machine: CorpusMachine;
  readonly name: string;
  /** The input that creates the subject. */
  readonly input: unknown;
  /** Commands accepted before the bad one. */
  readonly setup: readonly Record<string, unknown>[];
  /** The bad command (a function for values that must be built fresh: proxies, getters). */
  readonly command: unknown;
  readonly code: RejectionCode;
  /** Whether the command is JSON data, so that it can be sent as an HTTP body unchanged. */
  readonly json: boolean;
  /** A command the subject accepts in the same state: a refusal must leave it able to. */
  readonly good: Record<string, unknown>;
  /**
   * Whether an XState actor can be sent the value at all. XState's own `Actor.send` throws for a
   * string, and its mailbox reads `event.type` after every step, which throws for `null`,
   * `undefined` and a Proxy whose traps throw, leaving the actor's mailbox stuck. The pure API
   * refuses those values like any other; an actor never gets to see them.
   */
  readonly actor: boolean;
}

type Command = Record<string, unknown>;

/** One subject in a state, with a command it accepts there, and what it refuses. */
interface Base {
  readonly machine: CorpusMachine;
  readonly input: Record<string, unknown>;
  readonly setup: readonly Command[];
  /** A command the subject accepts in that state. */
  readonly good: Command;
  /** Paths (in `good`) of nested objects, to plant bad keys in. */
  readonly nested: readonly (readonly (string | number)[])[];
  /** The subject's version after setup. */
  readonly version: number;
  /** Refused by the rules of step 5 to 7, each with its code. */
  readonly refused: readonly {
    readonly name: string;
    readonly command: Command;
    readonly code: RejectionCode;
  }[];
}

const T = (minute: number) =>
  new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString().replace('.000Z', 'Z');

/** Keys that name `Object.prototype` members (and XState's own marker): never a field. */
const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'toLocaleString',
  'propertyIsEnumerable',
  'xstate$$type',
];

/** `value` with an own key `key` set to `extra`, as `JSON.parse` makes it (even for `__proto__`). */
function withOwnKey(value: Command, key: string, extra: unknown): Command {
  const json = JSON.stringify(value);
  return JSON.parse(`${json.slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(extra)}}`);
}

/** A deep copy of `command` with the object at `path` replaced by `replace(object)`. */
function at(
  command: Command,
  path: readonly (string | number)[],
  replace: (o: Command) => Command,
): Command {
  const copy = JSON.parse(JSON.stringify(command));
  if (path.length === 0) return replace(copy);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path[path.length - 1] as string | number;
  node[last] = replace(node[last]);
  return copy;
}

const PR = 'PR-3071-1051-2166-001';
const connectInput = {
  id: 'AS-3071-1051-2166',
  purchaseRequestId: PR,
  at: T(0),
  by: { role: 'buyer' },
  items: [{ id: 'SKU-A', quantity: 10 }],
  params: [
    { id: 'email', phase: 'ordering', value: 'ops@example.com', required: true },
    { id: 'subscription_id', phase: 'fulfillment', required: true },
  ],
  capabilities: { administrativeHold: true, scheduling: { change: true } },
};
const approvePurchase = {
  type: 'request.approve',
  requestId: PR,
  templateId: 'TL-1',
  params: [{ id: 'subscription_id', value: 'S-1' }],
  at: T(1),
  by: { role: 'vendor' },
};
const draftInput = {
  ...connectInput,
  draft: true,
  capabilities: { ...connectInput.capabilities, draftValidation: true },
};
const TCR = 'TCR-3071-1051-2166-001';
const tierConfigInput = {
  id: TCR,
  requestType: 'setup',
  configuration: { tierLevel: 1, accountId: 'TA-3071-1051-2166', productId: 'PRD-276-377-545' },
  at: T(0),
  by: { role: 'system' },
  params: [
    { id: 'reseller_tax_id', phase: 'ordering', value: 'IE-1234567', required: true },
    { id: 'vendor_reseller_id', phase: 'fulfillment', required: true },
  ],
};
const orderInput = {
  id: 'ORD-1234-5678-9012-3456',
  orderType: 'Purchase',
  agreementId: 'AGR-1234-5678-9012-3456',
  at: T(0),
  by: { role: 'client' },
  lines: [{ id: 'ALI-0001', item: { id: 'ITM-0001' }, quantity: 10 }],
  parameters: { ordering: [{ externalId: 'domain', value: 'contoso.com' }] },
};
const marketplaceSubscriptionInput = {
  id: 'SUB-2119-4550-8674-5962',
  agreementId: 'AGR-2119-4550-8674-0001',
  productId: 'PRD-1111-2222',
  at: T(0),
  by: { role: 'vendor' },
  terms: { period: '1m', commitment: '1y' },
  createdBy: 'vendor',
  lines: [{ id: 'ALI-2119-4550-8674-5962-0001', item: { id: 'ITM-1111-2222-0001' }, quantity: 10 }],
  parameters: {
    fulfillment: [{ id: 'PRM-1111-2222-0001', externalId: 'tenantId', value: 'contoso' }],
  },
};
const opencellInput = {
  code: 'SUB-42',
  offerCode: 'OF_BASIC',
  consumerId: 'CUST-1',
  at: T(0),
  by: { role: 'operator' },
  products: [{ code: 'PR_DATA', quantity: 1, attributes: { speed: '100M' } }],
};

const BASES: readonly Base[] = [
  {
    machine: 'connect',
    input: connectInput,
    setup: [approvePurchase],
    version: 2,
    good: {
      type: 'request.create',
      requestId: 'PR-3071-1051-2166-002',
      requestType: 'change',
      items: [{ id: 'SKU-A', quantity: 12 }],
      params: [{ id: 'email', value: 'it@example.com' }],
      at: T(2),
      by: { role: 'buyer' },
    },
    nested: [
      ['items', 0],
      ['params', 0],
    ],
    refused: [
      {
        name: 'a vendor change off preview',
        code: 'FORBIDDEN_ROLE',
        command: {
          type: 'request.create',
          requestId: 'PR-9',
          requestType: 'change',
          at: T(2),
          by: { role: 'vendor' },
        },
      },
      {
        name: 'an approval with nothing open',
        code: 'UNKNOWN_REQUEST',
        command: {
          type: 'request.approve',
          requestId: PR,
          templateId: 'TL',
          at: T(2),
          by: { role: 'vendor' },
        },
      },
      {
        name: 'a reused request id',
        code: 'DUPLICATE_REQUEST',
        command: {
          type: 'request.create',
          requestId: PR,
          requestType: 'change',
          at: T(2),
          by: { role: 'buyer' },
        },
      },
      {
        name: 'a resume on an active subscription',
        code: 'INVALID_STATE',
        command: {
          type: 'request.create',
          requestId: 'PR-9',
          requestType: 'resume',
          at: T(2),
          by: { role: 'buyer' },
        },
      },
      {
        name: 'a transfer without the capability',
        code: 'CAPABILITY_DISABLED',
        command: {
          type: 'request.create',
          requestId: 'PR-9',
          requestType: 'transfer',
          at: T(2),
          by: { role: 'buyer' },
        },
      },
    ],
  },
  {
    machine: 'connect',
    input: connectInput,
    setup: [],
    version: 1,
    good: approvePurchase,
    nested: [['params', 0], ['by']],
    refused: [
      {
        name: 'a blank fail reason',
        code: 'REASON_REQUIRED',
        command: {
          type: 'request.fail',
          requestId: PR,
          reason: '   ',
          at: T(1),
          by: { role: 'vendor' },
        },
      },
      {
        name: 'an approval without the fulfillment value',
        code: 'REQUIRED_PARAMETERS_MISSING',
        command: {
          type: 'request.approve',
          requestId: PR,
          templateId: 'TL',
          at: T(1),
          by: { role: 'vendor' },
        },
      },
      {
        name: 'an inquire without errors',
        code: 'NO_PARAMETER_ERRORS',
        command: { type: 'request.inquire', requestId: PR, at: T(1), by: { role: 'vendor' } },
      },
      {
        name: 'another request id',
        code: 'UNKNOWN_REQUEST',
        command: { ...approvePurchase, requestId: 'PR-OTHER' },
      },
      {
        name: 'scheduling a purchase without the capability',
        code: 'CAPABILITY_DISABLED',
        command: {
          type: 'request.schedule',
          requestId: PR,
          plannedDate: T(9),
          at: T(1),
          by: { role: 'vendor' },
        },
      },
      {
        name: 'a buyer approving',
        code: 'FORBIDDEN_ROLE',
        command: { ...approvePurchase, by: { role: 'buyer' } },
      },
      {
        name: 'a change on a processing subscription',
        code: 'INVALID_STATE',
        command: {
          type: 'request.create',
          requestId: 'PR-9',
          requestType: 'change',
          at: T(1),
          by: { role: 'buyer' },
        },
      },
    ],
  },
  {
    machine: 'connect',
    input: draftInput,
    setup: [
      {
        type: 'request.validate',
        requestId: PR,
        params: [{ id: 'email', valueError: 'no such mailbox' }],
        at: T(1),
        by: { role: 'vendor' },
      },
    ],
    version: 2,
    good: {
      type: 'request.update',
      requestId: PR,
      params: [{ id: 'email', value: 'it@example.com', structuredValue: { verified: false } }],
      at: T(2),
      by: { role: 'buyer' },
    },
    nested: [['params', 0], ['params', 0, 'structuredValue'], ['by']],
    refused: [
      {
        name: 'submitting with a validation error',
        code: 'REQUIRED_PARAMETERS_MISSING',
        command: { type: 'request.submit', requestId: PR, at: T(2), by: { role: 'buyer' } },
      },
      {
        name: 'an edit of a fulfillment parameter',
        code: 'INVALID_COMMAND',
        command: {
          type: 'request.update',
          requestId: PR,
          params: [{ id: 'subscription_id', value: 'x' }],
          at: T(2),
          by: { role: 'buyer' },
        },
      },
      {
        name: 'an edit that writes an error',
        code: 'INVALID_COMMAND',
        command: {
          type: 'request.update',
          requestId: PR,
          params: [{ id: 'email', valueError: 'mine' }],
          at: T(2),
          by: { role: 'buyer' },
        },
      },
      {
        name: 'the vendor editing for the buyer',
        code: 'FORBIDDEN_ROLE',
        command: {
          type: 'request.update',
          requestId: PR,
          params: [],
          at: T(2),
          by: { role: 'vendor' },
        },
      },
      {
        name: 'approving a draft',
        code: 'INVALID_STATE',
        command: { ...approvePurchase, at: T(2) },
      },
      {
        name: 'an edit of another request',
        code: 'UNKNOWN_REQUEST',
        command: {
          type: 'request.update',
          requestId: 'PR-OTHER',
          params: [],
          at: T(2),
          by: { role: 'buyer' },
        },
      },
    ],
  },
  {
    machine: 'fulfillment-request',
    input: {
      ...connectInput,
      id: PR,
      subscriptionId: connectInput.id,
      requestType: 'purchase',
      purchaseRequestId: undefined,
    },
    setup: [],
    version: 1,
    good: {
      type: 'request.inquire',
      requestId: PR,
      params: [{ id: 'email', valueError: 'taken' }],
      at: T(1),
      by: { role: 'vendor' },
    },
    nested: [['params', 0], ['by']],
    refused: [
      {
        name: 'a blank revoke reason on pending',
        code: 'INVALID_STATE',
        command: {
          type: 'request.revoke',
          requestId: PR,
          reason: '',
          at: T(1),
          by: { role: 'buyer' },
        },
      },
      {
        name: 'an empty fail reason',
        code: 'REASON_REQUIRED',
        command: {
          type: 'request.fail',
          requestId: PR,
          reason: '',
          at: T(1),
          by: { role: 'vendor' },
        },
      },
      {
        name: 'a system approval',
        code: 'FORBIDDEN_ROLE',
        command: { ...approvePurchase, by: { role: 'system' } },
      },
      {
        name: 'an approval with neither a template nor a tile',
        code: 'INVALID_COMMAND',
        command: {
          type: 'request.approve',
          requestId: PR,
          params: [{ id: 'subscription_id', value: 'S-1' }],
          at: T(1),
          by: { role: 'vendor' },
        },
      },
      {
        name: 'a blank activation tile',
        code: 'INVALID_COMMAND',
        command: { ...approvePurchase, templateId: undefined, activationTile: ' ' },
      },
      {
        name: 'an edit of a pending request',
        code: 'INVALID_STATE',
        command: {
          type: 'request.update',
          requestId: PR,
          params: [{ id: 'email', value: 'x@example.com' }],
          at: T(1),
          by: { role: 'buyer' },
        },
      },
    ],
  },
  {
    machine: 'tier-config-request',
    input: tierConfigInput,
    setup: [],
    version: 1,
    good: {
      type: 'tcr.inquire',
      requestId: TCR,
      params: [{ id: 'reseller_tax_id', valueError: 'not a VAT number' }],
      templateId: 'TL-tier-inquire',
      at: T(1),
      by: { role: 'vendor' },
    },
    nested: [['params', 0], ['by']],
    refused: [
      {
        name: 'a blank fail reason',
        code: 'REASON_REQUIRED',
        command: {
          type: 'tcr.fail',
          requestId: TCR,
          reason: ' ',
          at: T(1),
          by: { role: 'vendor' },
        },
      },
      {
        name: 'an approval without the vendor reseller id',
        code: 'REQUIRED_PARAMETERS_MISSING',
        command: {
          type: 'tcr.approve',
          requestId: TCR,
          templateId: 'TL-tier',
          at: T(1),
          by: { role: 'vendor' },
        },
      },
      {
        name: 'an inquire without errors',
        code: 'NO_PARAMETER_ERRORS',
        command: { type: 'tcr.inquire', requestId: TCR, at: T(1), by: { role: 'vendor' } },
      },
      {
        name: 'another request id',
        code: 'UNKNOWN_REQUEST',
        command: {
          type: 'tcr.fail',
          requestId: 'TCR-OTHER',
          reason: 'duplicate',
          at: T(1),
          by: { role: 'vendor' },
        },
      },
      {
        name: 'a reseller approving',
        code: 'FORBIDDEN_ROLE',
        command: {
          type: 'tcr.approve',
          requestId: TCR,
          templateId: 'TL-tier',
          at: T(1),
          by: { role: 'buyer' },
        },
      },
      {
        name: 'an answer while pending',
        code: 'INVALID_STATE',
        command: {
          type: 'tcr.answer',
          requestId: TCR,
          params: [],
          at: T(1),
          by: { role: 'buyer' },
        },
      },
      {
        name: 'the tier-2 request approved when nothing waits for it',
        code: 'INVALID_STATE',
        command: { type: 'tierConfig.approve', requestId: TCR, at: T(1), by: { role: 'system' } },
      },
    ],
  },
  {
    machine: 'marketplace-order',
    input: orderInput,
    setup: [{ type: 'order.place', at: T(1), by: { role: 'client' } }],
    version: 2,
    good: {
      type: 'order.query',
      parameters: {
        ordering: [{ externalId: 'domain', error: { id: 'ERR-1', message: 'taken' } }],
      },
      templateId: 'TPL-q',
      at: T(2),
      by: { role: 'vendor' },
    },
    nested: [['parameters'], ['parameters', 'ordering', 0], ['parameters', 'ordering', 0, 'error']],
    refused: [
      {
        name: 'blank statusNotes',
        code: 'REASON_REQUIRED',
        command: { type: 'order.fail', statusNotes: ' ', at: T(2), by: { role: 'vendor' } },
      },
      {
        name: 'statusNotes whose message is blank',
        code: 'REASON_REQUIRED',
        command: {
          type: 'order.fail',
          statusNotes: { id: 'ERR-1', message: '' },
          at: T(2),
          by: { role: 'vendor' },
        },
      },
      {
        name: 'no statusNotes',
        code: 'REASON_REQUIRED',
        command: { type: 'order.fail', at: T(2), by: { role: 'vendor' } },
      },
      {
        name: 'statusNotes that are a number',
        code: 'INVALID_COMMAND',
        command: { type: 'order.fail', statusNotes: 42, at: T(2), by: { role: 'vendor' } },
      },
      {
        name: 'a flat parameter list',
        code: 'INVALID_COMMAND',
        command: {
          type: 'order.query',
          parameters: [{ id: 'PAR-domain', error: { id: 'ERR-1', message: 'taken' } }],
          at: T(2),
          by: { role: 'vendor' },
        },
      },
      {
        name: 'a query on a fulfillment parameter',
        code: 'INVALID_COMMAND',
        command: {
          type: 'order.query',
          parameters: { fulfillment: [{ externalId: 'x', error: { id: 'E', message: 'm' } }] },
          at: T(2),
          by: { role: 'vendor' },
        },
      },
      {
        name: 'a fulfillment value that is null',
        code: 'INVALID_COMMAND',
        command: {
          type: 'order.complete',
          templateId: 'TPL-1',
          parameters: { fulfillment: [{ externalId: 'tenantId', value: null }] },
          at: T(2),
          by: { role: 'vendor' },
        },
      },
      {
        name: 'a query without errors',
        code: 'NO_PARAMETER_ERRORS',
        command: {
          type: 'order.query',
          parameters: { ordering: [] },
          at: T(2),
          by: { role: 'vendor' },
        },
      },
      {
        name: 'a client completing',
        code: 'FORBIDDEN_ROLE',
        command: { type: 'order.complete', templateId: 'T', at: T(2), by: { role: 'client' } },
      },
      {
        name: 'deleting a processing order',
        code: 'INVALID_STATE',
        command: { type: 'order.delete', at: T(2), by: { role: 'client' } },
      },
    ],
  },
  {
    machine: 'marketplace-subscription',
    input: marketplaceSubscriptionInput,
    setup: [],
    version: 1,
    good: {
      type: 'order.placed',
      orderId: 'ORD-2119-4550-8674-0002',
      orderType: 'Change',
      at: T(1),
      by: { role: 'system' },
    },
    nested: [['by']],
    refused: [
      {
        name: 'a blank termination reason',
        code: 'REASON_REQUIRED',
        command: { type: 'subscription.terminate', reason: '', at: T(1), by: { role: 'vendor' } },
      },
      {
        name: 'a Purchase order against a subscription',
        code: 'INVALID_STATE',
        command: {
          type: 'order.placed',
          orderId: 'ORD-2119-4550-8674-0002',
          orderType: 'Purchase',
          at: T(1),
          by: { role: 'system' },
        },
      },
      {
        name: 'completing an order never placed',
        code: 'INVALID_STATE',
        command: {
          type: 'order.completed',
          orderId: 'ORD-2119-4550-8674-0002',
          orderType: 'Change',
          at: T(1),
          by: { role: 'system' },
        },
      },
      {
        name: 'a termination date before the order',
        code: 'INVALID_DATE',
        command: {
          type: 'order.placed',
          orderId: 'ORD-2119-4550-8674-0002',
          orderType: 'Termination',
          terminationDate: T(0),
          at: T(1),
          by: { role: 'system' },
        },
      },
      {
        name: 'a termination date on a Change order',
        code: 'INVALID_COMMAND',
        command: {
          type: 'order.placed',
          orderId: 'ORD-2119-4550-8674-0002',
          orderType: 'Change',
          terminationDate: T(5),
          at: T(1),
          by: { role: 'system' },
        },
      },
      {
        name: 'deleting an Active subscription',
        code: 'INVALID_STATE',
        command: { type: 'subscription.delete', at: T(1), by: { role: 'vendor' } },
      },
      {
        name: 'a client deleting',
        code: 'FORBIDDEN_ROLE',
        command: { type: 'subscription.delete', at: T(1), by: { role: 'client' } },
      },
      {
        name: 'a client relaying an order',
        code: 'FORBIDDEN_ROLE',
        command: {
          type: 'order.placed',
          orderId: 'ORD-2119-4550-8674-0002',
          orderType: 'Change',
          at: T(1),
          by: { role: 'client' },
        },
      },
    ],
  },
  {
    machine: 'marketplace-agreement',
    input: {
      id: 'AGR-2119-4550-8674-0001',
      orderId: 'ORD-2119-4550-8674-0001',
      at: T(0),
      by: { role: 'system' },
    },
    setup: [
      {
        type: 'order.completed',
        orderId: 'ORD-2119-4550-8674-0001',
        orderType: 'Purchase',
        at: T(1),
        by: { role: 'system' },
      },
    ],
    version: 2,
    good: {
      type: 'order.placed',
      orderId: 'ORD-2119-4550-8674-0002',
      orderType: 'Change',
      at: T(2),
      by: { role: 'system' },
    },
    nested: [['by']],
    refused: [
      {
        name: 'a vendor terminating',
        code: 'FORBIDDEN_ROLE',
        command: { type: 'agreement.terminate', at: T(2), by: { role: 'vendor' } },
      },
      {
        name: 'completing an order not open',
        code: 'INVALID_STATE',
        command: {
          type: 'order.completed',
          orderId: 'ORD-2119-4550-8674-0002',
          orderType: 'Change',
          at: T(2),
          by: { role: 'system' },
        },
      },
    ],
  },
  {
    machine: 'opencell',
    input: opencellInput,
    setup: [{ type: 'subscription.activate', at: T(1), by: { role: 'operator' } }],
    version: 2,
    good: {
      type: 'amendment.submit',
      amendmentId: 'AMD-1',
      effectiveDate: T(2),
      changes: [{ op: 'update', productCode: 'PR_DATA', quantity: 3, attributes: { speed: '1G' } }],
      at: T(2),
      by: { role: 'operator' },
    },
    nested: [
      ['changes', 0],
      ['changes', 0, 'attributes'],
    ],
    refused: [
      {
        name: 'a blank termination reason',
        code: 'REASON_REQUIRED',
        command: {
          type: 'subscription.terminate',
          terminationDate: T(2),
          reason: ' ',
          at: T(2),
          by: { role: 'operator' },
        },
      },
      {
        name: 'a termination reason whose code is blank',
        code: 'REASON_REQUIRED',
        command: {
          type: 'subscription.terminate',
          terminationDate: T(2),
          reason: { code: ' ', applyTerminationCharges: true },
          at: T(2),
          by: { role: 'operator' },
        },
      },
      {
        name: 'a termination reason with a flag Opencell does not have',
        code: 'INVALID_COMMAND',
        command: {
          type: 'subscription.terminate',
          terminationDate: T(2),
          reason: { code: 'CC', refundEverything: true },
          at: T(2),
          by: { role: 'operator' },
        },
      },
      {
        name: 'an overrideProrata Opencell does not have',
        code: 'INVALID_COMMAND',
        command: {
          type: 'subscription.terminate',
          terminationDate: T(2),
          reason: { code: 'CC', overrideProrata: 'SOMETIMES' },
          at: T(2),
          by: { role: 'operator' },
        },
      },
      {
        name: 'a termination dated the day before the subscription',
        code: 'INVALID_DATE',
        command: {
          type: 'subscription.terminate',
          terminationDate: '2026-01-04T09:00:00Z',
          reason: 'CC',
          at: T(2),
          by: { role: 'operator' },
        },
      },
      {
        name: 'a cancellation dated before the last change',
        code: 'INVALID_DATE',
        command: {
          type: 'subscription.cancel',
          reason: 'CC',
          cancelationDate: T(0),
          at: T(2),
          by: { role: 'operator' },
        },
      },
      {
        name: 'an offer change with a product twice',
        code: 'INVALID_COMMAND',
        command: {
          type: 'offer.change',
          offerCode: 'OF_PRO',
          effectiveDate: T(3),
          products: [
            { code: 'PR_FIBER', quantity: 1 },
            { code: 'PR_FIBER', quantity: 2 },
          ],
          at: T(2),
          by: { role: 'operator' },
        },
      },
      {
        name: 'a system suspending',
        code: 'FORBIDDEN_ROLE',
        command: { type: 'subscription.suspend', at: T(2), by: { role: 'system' } },
      },
      {
        name: 'activating twice',
        code: 'INVALID_STATE',
        command: { type: 'subscription.activate', at: T(2), by: { role: 'operator' } },
      },
      {
        name: 'cancelling an unknown amendment',
        code: 'UNKNOWN_REQUEST',
        command: {
          type: 'amendment.cancel',
          amendmentId: 'AMD-9',
          at: T(2),
          by: { role: 'operator' },
        },
      },
      {
        name: 'a change op named constructor',
        code: 'INVALID_COMMAND',
        command: {
          type: 'amendment.submit',
          amendmentId: 'AMD-2',
          effectiveDate: T(2),
          changes: [{ op: 'constructor' }],
          at: T(2),
          by: { role: 'operator' },
        },
      },
      {
        name: 'a change op named hasOwnProperty',
        code: 'INVALID_COMMAND',
        command: {
          type: 'amendment.submit',
          amendmentId: 'AMD-2',
          effectiveDate: T(2),
          changes: [{ op: 'hasOwnProperty' }],
          at: T(2),
          by: { role: 'operator' },
        },
      },
      {
        name: 'a change op named __proto__',
        code: 'INVALID_COMMAND',
        command: {
          type: 'amendment.submit',
          amendmentId: 'AMD-2',
          effectiveDate: T(2),
          changes: [{ op: '__proto__' }],
          at: T(2),
          by: { role: 'operator' },
        },
      },
      {
        name: 'a change op named valueOf',
        code: 'INVALID_COMMAND',
        command: {
          type: 'amendment.submit',
          amendmentId: 'AMD-2',
          effectiveDate: T(2),
          changes: [{ op: 'valueOf' }],
          at: T(2),
          by: { role: 'operator' },
        },
      },
    ],
  },
];

function casesOf(base: Base): BadInputCase[] {
  const { good } = base;
  const out: BadInputCase[] = [];
  const add = (name: string, command: unknown, code: RejectionCode, json = true, actor = true) =>
    out.push({
      machine: base.machine,
      name,
      input: base.input,
      setup: base.setup,
      command,
      code,
      json,
      good,
      actor,
    });
  const bad = (name: string, command: unknown, json = true, actor = true) =>
    add(name, command, 'INVALID_COMMAND', json, actor);

  // Not a plain object.
  bad('null', null, true, false);
  bad('a number', 42);
  bad('a string', JSON.stringify(good), true, false);
  bad('true', true);
  bad('an array', [good]);
  bad('undefined', undefined, false, false);
  bad('a Date', () => new Date(0), false);
  bad('a Map', () => new Map(Object.entries(good)), false);
  bad(
    'an object with another prototype',
    () => Object.assign(Object.create({ inherited: 1 }), good),
    false,
  );
  bad(
    'a Proxy whose get trap throws',
    () =>
      new Proxy(
        { ...good },
        {
          get: () => {
            throw new Error('trap');
          },
        },
      ),
    false,
    false,
  );
  bad(
    'a Proxy whose get trap lies',
    () => new Proxy({ ...good }, { get: () => 'clock.tick' }),
    false,
  );
  bad(
    'a Proxy whose ownKeys trap throws',
    () =>
      new Proxy(
        { ...good },
        {
          ownKeys: () => {
            throw new Error('trap');
          },
        },
      ),
    false,
  );
  bad(
    'a revoked Proxy',
    () => {
      const p = Proxy.revocable({ ...good }, {});
      p.revoke();
      return p.proxy;
    },
    false,
    false,
  );
  bad(
    'a getter that throws',
    () =>
      Object.defineProperty({ ...good }, 'at', {
        enumerable: true,
        get: () => {
          throw new Error('getter');
        },
      }),
    false,
  );
  bad(
    'a null-prototype object with an unknown key',
    () => Object.assign(Object.create(null), good, { x: 1 }),
    false,
  );
  bad(
    'an array with a hole',
    () => ({ ...good, by: Object.assign(new Array(2), { 1: 'vendor' }) }),
    false,
  );
  bad('a function value', () => ({ ...good, commandId: () => 'x' }), false);
  bad('a NaN version', () => ({ ...good, expectedVersion: Number.NaN }), false);
  // Keys named after Object.prototype members, at every level.
  for (const key of PROTO_KEYS) {
    bad(`an own ${key} key on the command`, withOwnKey(good, key, { id: 'spoofed' }));
    bad(
      `an own ${key} key in by`,
      at(good, ['by'], (by) => withOwnKey(by, key, { id: 'spoofed' })),
    );
    for (const path of base.nested)
      bad(
        `an own ${key} key in ${path.join('.')}`,
        at(good, path, (o) => withOwnKey(o, key, 'x')),
      );
  }
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])
    bad(`type ${name}`, { ...good, type: name });
  for (const name of ['constructor', 'toString', '__proto__'])
    bad(`role ${name}`, { ...good, by: { role: name } });
  // The envelope.
  const { type: _t, ...noType } = good;
  const { at: _a, ...noAt } = good;
  const { by: _b, ...noBy } = good;
  bad('no type', noType);
  bad('no at', noAt);
  bad('no by', noBy);
  bad('an unknown type', { ...good, type: 'request.explode' });
  bad('at without a zone', { ...good, at: '2026-01-05T09:30:00' });
  bad('at on February 30', { ...good, at: '2026-02-30T09:30:00Z' });
  bad('at as a number', { ...good, at: 1767605400000 });
  bad('an unknown role', { ...good, by: { role: 'admin' } });
  bad('a blank by.id', { ...good, by: { ...(good.by as object), id: ' ' } });
  bad('an unknown key in by', { ...good, by: { ...(good.by as object), team: 'x' } });
  bad('an unknown key', { ...good, extra: true });
  bad('a blank commandId', { ...good, commandId: '' });
  bad('a numeric commandId', { ...good, commandId: 7 });
  bad('a negative expectedVersion', { ...good, expectedVersion: -1 });
  bad('a fractional expectedVersion', { ...good, expectedVersion: 1.5 });
  bad('a string expectedVersion', { ...good, expectedVersion: String(base.version) });
  // The checks after the envelope, in their order.
  add('a stale expectedVersion', { ...good, expectedVersion: base.version + 1 }, 'STALE_VERSION');
  add('an at before the last change', { ...good, at: '2025-12-31T00:00:00Z' }, 'OUT_OF_ORDER');
  for (const r of base.refused) add(r.name, r.command, r.code);
  return out;
}

/** Every case, over every machine. */
export const BAD_INPUT: readonly BadInputCase[] = BASES.flatMap(casesOf);

/** The command of a case, built fresh (proxies and getters are made anew each time). */
export const commandOf = (c: BadInputCase): unknown =>
  typeof c.command === 'function' ? (c.command as () => unknown)() : c.command;
