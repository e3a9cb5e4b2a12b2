/**
 * Opencell's subscription DTO and back: toOpencellSubscription and fromOpencellSubscription, on a
 * DTO shaped after opencellsoft/opencell-core's opencell-api-dto `SubscriptionDto`
 * (`SubscriptionRenewalDto`, `AccessDto`, `ServiceInstanceDto`, `AttributeInstanceDto`), with
 * invented codes.
 */
import { execute, persist, restore, statusOf } from 'subscription-machines';
import {
  fromOpencellSubscription,
  type OpencellSubscriptionInput,
  toOpencellSubscription,
} from 'subscription-machines/opencell';
import { reachablePaths } from 'subscription-machines/testing';
import { describe, expect, it } from 'vitest';
import { day, input, machine, operator } from './fixtures';

/** An ACTIVE subscription as Opencell's API returns it: ids, custom fields, charges and all. */
const dto = {
  id: 4021,
  code: 'SUB-FIBER-0042',
  description: 'Fiber 1G for Contoso',
  versionNumber: 2,
  nextVersion: null,
  previousVersion: 4007,
  userAccount: 'UA-CONTOSO-01',
  offerTemplate: 'OF_FIBER_PRO',
  subscriptionDate: '2026-01-31T00:00:00Z',
  validityDate: '2026-03-01T00:00:00Z',
  terminationDate: null,
  endAgreementDate: '2027-01-31T00:00:00Z',
  status: 'ACTIVE',
  statusDate: 1_772_323_200_000, // 2026-03-01, as Jackson writes a Date by default
  subscribedTillDate: '2026-03-28T00:00:00Z',
  renewed: true,
  renewalNotifiedDate: null,
  renewalRule: {
    initialTermType: 'RECURRING',
    renewalTermType: 'RECURRING',
    initialyActiveFor: 1,
    initialyActiveForUnit: 'MONTH',
    autoRenew: true,
    daysNotifyRenewal: 7,
    endOfTermAction: null,
    terminationReasonCode: null,
    renewFor: 1,
    renewForUnit: 'MONTH',
    extendAgreementPeriodToSubscribedTillDate: false,
  },
  billingCycle: 'BC_MONTHLY',
  seller: 'SELLER_FR',
  customFields: { customField: [] },
  accesses: {
    access: [
      {
        code: 'AP-0612345678',
        subscription: 'SUB-FIBER-0042',
        startDate: '2026-01-31T00:00:00Z',
        disabled: false,
      },
    ],
  },
  services: {
    serviceInstance: [
      {
        id: 9001,
        code: 'SE_FIBER_1G',
        description: 'Fiber access',
        status: 'ACTIVE',
        statusDate: '2026-03-01T00:00:00Z',
        subscriptionDate: '2026-03-01T00:00:00Z',
        quantity: 1,
        attributeInstances: [
          { attributeCode: 'speed', stringValue: '1G' },
          { attributeCode: 'ipv6', booleanValue: true },
          { attributeCode: 'sla', doubleValue: 99.9 },
        ],
        recurringChargeInstances: [{ code: 'RC_FIBER', status: 'ACTIVE' }],
      },
      {
        id: 8990,
        code: 'SE_ADSL',
        status: 'TERMINATED',
        subscriptionDate: '2026-01-31T00:00:00Z',
        terminationDate: '2026-03-01T00:00:00Z',
        terminationReason: 'TR_UPGRADE',
        quantity: '1',
      },
    ],
  },
  productInstances: [],
};

describe('fromOpencellSubscription', () => {
  it('reads the DTO into a snapshot in its status, ignoring ids, charges and custom fields', () => {
    const s = fromOpencellSubscription(dto, {
      terminationReasons: [{ code: 'TR_UPGRADE', applyTerminationCharges: false }],
    });
    expect(statusOf(s)).toBe('ACTIVE');
    expect(s.context).toMatchObject({
      code: 'SUB-FIBER-0042',
      consumerId: 'UA-CONTOSO-01',
      subscriptionDate: '2026-01-31T00:00:00Z',
      subscribedTillDate: '2026-03-28T00:00:00Z',
      renewed: true,
      endAgreementDate: '2027-01-31T00:00:00Z',
      versions: [{ version: 2, offerCode: 'OF_FIBER_PRO', validFrom: '2026-03-01T00:00:00Z' }],
      renewalRule: {
        initialTermType: 'RECURRING',
        initialyActiveFor: 1,
        initialyActiveForUnit: 'MONTH',
        autoRenew: true,
        renewFor: 1,
        renewForUnit: 'MONTH',
        daysNotifyRenewal: 7,
      },
      accessPoints: [{ code: 'AP-0612345678', enabled: true }],
      updatedAt: '2026-03-01T00:00:00Z',
    });
    expect(s.context.products).toEqual([
      {
        code: 'SE_FIBER_1G',
        quantity: 1,
        attributes: { speed: '1G', ipv6: true, sla: 99.9 },
        status: 'ACTIVE',
        activatedAt: '2026-03-01T00:00:00Z',
      },
      {
        code: 'SE_ADSL',
        quantity: 1,
        status: 'TERMINATED',
        activatedAt: '2026-01-31T00:00:00Z',
        terminatedAt: '2026-03-01T00:00:00Z',
        terminationReason: { code: 'TR_UPGRADE', applyTerminationCharges: false },
      },
    ]);
    // A real snapshot: it persists, restores, and renews on the next run of the clock.
    expect(persist(restore(machine, persist(s)))).toEqual(persist(s));
    const renewed = execute(machine, s, {
      type: 'clock.tick',
      at: '2026-03-29T00:00:00Z',
      by: { role: 'system' },
    });
    expect(renewed.ok && renewed.snapshot.context.subscribedTillDate).toBe('2026-04-28T00:00:00Z');
  });

  it.each([
    ['not an object', 'SUB-1', 'value: expected an object, got "SUB-1"'],
    ['an unknown status', { ...dto, status: 'CLOSED' }, 'status: expected one of "CREATED"'],
    ['no code', { ...dto, code: '' }, 'code: expected a non-empty string, got ""'],
    [
      'a bad date',
      { ...dto, subscriptionDate: '31/01/2026' },
      'subscriptionDate: expected an ISO-8601 timestamp with a zone, or epoch milliseconds, got "31/01/2026"',
    ],
    [
      'a calendar renewal',
      { ...dto, renewalRule: { ...dto.renewalRule, renewalTermType: 'CALENDAR' } },
      'renewalRule.renewalTermType: only RECURRING renewals are modelled, got "CALENDAR"',
    ],
    [
      'an unknown unit',
      { ...dto, renewalRule: { ...dto.renewalRule, renewForUnit: 'WEEK' } },
      'renewalRule.renewForUnit: expected one of "MONTH", "DAY", got "WEEK"',
    ],
    [
      'a service instance status Opencell has but the machine does not',
      {
        ...dto,
        services: { serviceInstance: [{ ...dto.services.serviceInstance[0], status: 'PENDING' }] },
      },
      'services.serviceInstance[0].status: expected one of "INACTIVE", "ACTIVE", "SUSPENDED", "TERMINATED", got "PENDING"',
    ],
    [
      'an attribute without a value',
      {
        ...dto,
        services: {
          serviceInstance: [
            {
              ...dto.services.serviceInstance[0],
              attributeInstances: [{ attributeCode: 'speed' }],
            },
          ],
        },
      },
      'services.serviceInstance[0].attributeInstances[0]: expected a stringValue, doubleValue or booleanValue, got undefined',
    ],
    [
      'a TERMINATED service without its date',
      {
        ...dto,
        services: {
          serviceInstance: [{ code: 'SE_ADSL', status: 'TERMINATED', quantity: 1 }],
        },
      },
      'services.serviceInstance[0].terminationDate: expected an ISO-8601 timestamp',
    ],
    [
      'a service whose status the subscription cannot have',
      {
        ...dto,
        services: { serviceInstance: [{ code: 'SE_X', status: 'SUSPENDED', quantity: 1 }] },
      },
      'services.serviceInstance[0].status: a SUSPENDED product cannot be on a ACTIVE subscription',
    ],
    [
      'a RESILIATED subscription without its reason',
      { ...dto, status: 'RESILIATED', terminationDate: '2026-03-10T00:00:00Z' },
      'terminationReason: a RESILIATED subscription has one',
    ],
    [
      'an auto-renewing term without renewFor',
      { ...dto, renewalRule: { ...dto.renewalRule, renewFor: null } },
      'context.renewalRule.renewFor: an auto-renewing term needs one',
    ],
  ])('throws a TypeError naming the field: %s', (_, json, message) => {
    expect(() => fromOpencellSubscription(json)).toThrow(TypeError);
    expect(() => fromOpencellSubscription(json)).toThrow(`fromOpencellSubscription: ${message}`);
  });
});

describe('toOpencellSubscription', () => {
  it('writes a scheduled termination as Opencell does: a FIXED term that ends with TERMINATE', () => {
    const renewing: OpencellSubscriptionInput = {
      ...input,
      renewalRule: { initialyActiveFor: 12, autoRenew: true, renewFor: 12 },
    };
    let s = fromOpencellSubscription(toOpencellSubscription(restoreStart(renewing)));
    const scheduled = execute(machine, s, {
      type: 'subscription.terminate',
      at: day(5),
      by: operator,
      terminationDate: day(30),
      reason: 'TR_MOVED',
    });
    if (!scheduled.ok) throw new Error(scheduled.rejection.message);
    s = scheduled.snapshot;
    expect(toOpencellSubscription(s)).toMatchObject({
      subscribedTillDate: day(30),
      renewalRule: {
        initialTermType: 'FIXED',
        autoRenew: false,
        endOfTermAction: 'TERMINATE',
        terminationReasonCode: 'TR_MOVED',
      },
    });
  });
});

/** A CREATED subscription's snapshot, through the DTO's own status. */
function restoreStart(from: OpencellSubscriptionInput) {
  return reachablePaths(machine, { input: from })[0]?.snapshot as never;
}

describe('round trips', () => {
  it('toOpencellSubscription(fromOpencellSubscription(dto)) is the DTO, on every field the library models', () => {
    const written = toOpencellSubscription(fromOpencellSubscription(dto));
    expect(written).toEqual({
      code: dto.code,
      versionNumber: 2,
      userAccount: dto.userAccount,
      offerTemplate: dto.offerTemplate,
      subscriptionDate: dto.subscriptionDate,
      validityDate: dto.validityDate,
      status: 'ACTIVE',
      endAgreementDate: dto.endAgreementDate,
      subscribedTillDate: dto.subscribedTillDate,
      renewed: true,
      renewalRule: {
        initialTermType: 'RECURRING',
        renewalTermType: 'RECURRING',
        initialyActiveFor: 1,
        initialyActiveForUnit: 'MONTH',
        autoRenew: true,
        daysNotifyRenewal: 7,
        renewFor: 1,
        renewForUnit: 'MONTH',
        extendAgreementPeriodToSubscribedTillDate: false,
      },
      accesses: {
        access: [{ code: 'AP-0612345678', subscription: 'SUB-FIBER-0042', disabled: false }],
      },
      services: {
        serviceInstance: [
          {
            code: 'SE_FIBER_1G',
            status: 'ACTIVE',
            subscriptionDate: '2026-03-01T00:00:00Z',
            quantity: 1,
            attributeInstances: [
              { attributeCode: 'speed', stringValue: '1G' },
              { attributeCode: 'ipv6', booleanValue: true },
              { attributeCode: 'sla', doubleValue: 99.9 },
            ],
          },
          {
            code: 'SE_ADSL',
            status: 'TERMINATED',
            subscriptionDate: '2026-01-31T00:00:00Z',
            terminationDate: '2026-03-01T00:00:00Z',
            terminationReason: 'TR_UPGRADE',
            quantity: 1,
          },
        ],
      },
    });
  });

  const renewing: OpencellSubscriptionInput = {
    ...input,
    renewalRule: {
      initialyActiveFor: 1,
      autoRenew: true,
      renewFor: 1,
      daysNotifyRenewal: 5,
      extendAgreementPeriodToSubscribedTillDate: true,
    },
  };
  const paths = [input, renewing].flatMap((from) =>
    reachablePaths(machine, { input: from }).map(
      (p) =>
        [
          `${p.status} via ${p.commands.map((c) => c.type).join(', ') || 'creation'}`,
          p.snapshot,
        ] as const,
    ),
  );

  it.each(paths)(
    'toOpencellSubscription(fromOpencellSubscription(toOpencellSubscription(s))) is toOpencellSubscription(s): %s',
    (_, s) => {
      const written = toOpencellSubscription(s);
      expect(toOpencellSubscription(fromOpencellSubscription(written))).toEqual(written);
    },
  );

  it('covers every status', () => {
    expect(new Set(paths.map(([, s]) => s.value))).toEqual(
      new Set(['CREATED', 'ACTIVE', 'SUSPENDED', 'CANCELED', 'RESILIATED']),
    );
  });
});
