/**
 * From Opencell's subscription DTO (opencell-api-dto `SubscriptionDto`) to a snapshot of
 * {@link opencellSubscriptionMachine}: each field is checked as it is read, and a bad one throws a
 * `TypeError` naming its path in the DTO. Dates may be ISO-8601 strings or epoch milliseconds (as
 * Jackson writes a `Date` by default); `null` counts as absent; fields the machine does not model
 * (charges, custom fields, prices) are ignored.
 */
import type { By } from '../core/command';
import { compiledOf } from '../core/compiled';
import { restore, SnapshotError } from '../core/persist';
import { describe } from '../core/schema';
import {
  absent,
  count,
  DtoProblem,
  date,
  fail,
  flag,
  join,
  listAt,
  maybeCount,
  maybeDate,
  maybeText,
  objectAt,
  oneOf,
  some,
  text,
} from './dto.read';
import {
  END_OF_TERM_ACTIONS,
  INITIAL_TERM_TYPES,
  RENEWAL_PERIOD_UNITS,
  type RenewalRule,
} from './renewal';
import {
  type OpencellSubscriptionSnapshot,
  opencellSubscriptionMachine,
} from './subscription.machine';
import {
  OPENCELL_STATUSES,
  type OpencellRole,
  type OpencellStatus,
  type OpencellSubscriptionContext,
  PRODUCT_STATUSES,
  type Product,
} from './subscription.types';
import type { TerminationReason } from './termination';

/** How to read a DTO. */
export interface FromOpencellOptions {
  /**
   * The termination reasons by code, with their flags (Opencell's `SubscriptionTerminationReason`
   * entities); the DTO names a reason by its code only, so without them a reason has no flags.
   */
  readonly terminationReasons?: readonly TerminationReason[];
  /** When the snapshot's history is dated. Default: the DTO's `statusDate`, else `subscriptionDate`. */
  readonly at?: string;
  /** Who its history is recorded as. Default: `{ role: 'system' }`, Opencell handing it over. */
  readonly by?: By<OpencellRole>;
}

function reasonFrom(code: string | undefined, options: FromOpencellOptions) {
  if (code === undefined) return undefined;
  return options.terminationReasons?.find((r) => r.code === code) ?? { code };
}

function ruleAt(v: unknown, options: FromOpencellOptions): RenewalRule {
  const r = absent(v) ? {} : objectAt(v, 'renewalRule');
  const p = (key: string) => join('renewalRule', key);
  if (!absent(r.renewalTermType) && r.renewalTermType !== 'RECURRING')
    fail(
      `${p('renewalTermType')}: only RECURRING renewals are modelled, got ${describe(r.renewalTermType)}`,
    );
  const initialyActiveFor = maybeCount(r.initialyActiveFor, p('initialyActiveFor'), 1);
  const renewFor = maybeCount(r.renewFor, p('renewFor'), 1);
  const unit = (key: string, given: number | undefined) =>
    given === undefined
      ? undefined
      : absent(r[key])
        ? 'MONTH'
        : oneOf(RENEWAL_PERIOD_UNITS, r[key], p(key));
  return {
    initialTermType: absent(r.initialTermType)
      ? 'RECURRING'
      : oneOf(INITIAL_TERM_TYPES, r.initialTermType, p('initialTermType')),
    autoRenew: flag(r.autoRenew, p('autoRenew')) ?? false,
    ...some('initialyActiveFor', initialyActiveFor),
    ...some('initialyActiveForUnit', unit('initialyActiveForUnit', initialyActiveFor)),
    ...some('renewFor', renewFor),
    ...some('renewForUnit', unit('renewForUnit', renewFor)),
    ...some(
      'endOfTermAction',
      absent(r.endOfTermAction)
        ? undefined
        : oneOf(END_OF_TERM_ACTIONS, r.endOfTermAction, p('endOfTermAction')),
    ),
    ...some(
      'terminationReason',
      reasonFrom(maybeText(r.terminationReasonCode, p('terminationReasonCode')), options),
    ),
    ...some('daysNotifyRenewal', maybeCount(r.daysNotifyRenewal, p('daysNotifyRenewal'), 0)),
    ...(flag(
      r.extendAgreementPeriodToSubscribedTillDate,
      p('extendAgreementPeriodToSubscribedTillDate'),
    )
      ? { extendAgreementPeriodToSubscribedTillDate: true }
      : {}),
  };
}

function attributesAt(v: unknown, path: string) {
  const list = listAt(v, path);
  if (list.length === 0) return undefined;
  const out: Record<string, string | number | boolean> = {};
  list.forEach((a, i) => {
    const at = join(path, i);
    const o = objectAt(a, at);
    const key = text(o.attributeCode, join(at, 'attributeCode'));
    const value = [o.stringValue, o.doubleValue, o.booleanValue].find((x) => !absent(x));
    if (
      !(
        typeof value === 'string' ||
        typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isFinite(value))
      )
    )
      fail(`${at}: expected a stringValue, doubleValue or booleanValue, got ${describe(value)}`);
    if (Object.hasOwn(out, key))
      fail(`${join(at, 'attributeCode')}: ${JSON.stringify(key)} appears twice`);
    out[key] = value as string | number | boolean;
  });
  return out;
}

function productAt(v: unknown, path: string, at: string, options: FromOpencellOptions): Product {
  const s = objectAt(v, path);
  const status = oneOf(PRODUCT_STATUSES, s.status, join(path, 'status'));
  const activated = maybeDate(s.subscriptionDate, join(path, 'subscriptionDate'));
  // A running product was activated; a TERMINATED one may have ended before it was.
  const activatedAt =
    status === 'INACTIVE' ? undefined : status === 'TERMINATED' ? activated : (activated ?? at);
  const statusDate = maybeDate(s.statusDate, join(path, 'statusDate')) ?? at;
  return {
    code: text(s.code, join(path, 'code')),
    quantity: absent(s.quantity) ? 1 : count(s.quantity, join(path, 'quantity'), 1),
    ...some('attributes', attributesAt(s.attributeInstances, join(path, 'attributeInstances'))),
    status,
    ...some('activatedAt', activatedAt),
    ...(status === 'TERMINATED'
      ? { terminatedAt: date(s.terminationDate, join(path, 'terminationDate')) }
      : {}),
    ...some(
      'terminationReason',
      status === 'TERMINATED'
        ? reasonFrom(maybeText(s.terminationReason, join(path, 'terminationReason')), options)
        : undefined,
    ),
    ...(status === 'SUSPENDED' ? { suspendedIntervals: [{ from: statusDate }] } : {}),
  };
}

/** The path the machine's status took from CREATED, as its chart draws it. */
const PATHS: Readonly<Record<OpencellStatus, readonly (readonly [string, OpencellStatus])[]>> = {
  CREATED: [],
  ACTIVE: [['subscription.activate', 'ACTIVE']],
  SUSPENDED: [
    ['subscription.activate', 'ACTIVE'],
    ['subscription.suspend', 'SUSPENDED'],
  ],
  CANCELED: [['subscription.cancel', 'CANCELED']],
  RESILIATED: [
    ['subscription.activate', 'ACTIVE'],
    ['subscription.terminate', 'RESILIATED'],
  ],
};

/** A restore problem, with the machine's paths turned back into the DTO's. */
const dtoPath = (message: string) =>
  message
    .replace(/^context\.products\[/, 'services.serviceInstance[')
    .replace(/^context\.accessPoints\[/, 'accesses.access[')
    .replace(/^context\.consumerId/, 'userAccount');

/**
 * The subscription an Opencell DTO describes, as a snapshot in its status: the latest version,
 * the service instances as products, the access points and the renewal rule exactly as the DTO
 * has them. A rule that ends the term with TERMINATE reads as a rule (a scheduled termination
 * looks the same in the DTO, and behaves the same).
 *
 * @throws TypeError naming the DTO path, e.g. `fromOpencellSubscription:
 * services.serviceInstance[0].status: expected one of "INACTIVE", "ACTIVE", "SUSPENDED",
 * "TERMINATED", got "CLOSED"`.
 *
 * @example
 * ```ts
 * import { fromOpencellSubscription } from 'subscription-machines/opencell';
 *
 * const snapshot = fromOpencellSubscription(await (await fetch(`${api}/billing/subscription?subscriptionCode=SUB-42`)).json(), {
 *   terminationReasons: [{ code: 'CC_TERM', applyTerminationCharges: true }],
 * });
 * ```
 */
export function fromOpencellSubscription(
  dto: unknown,
  options: FromOpencellOptions = {},
): OpencellSubscriptionSnapshot {
  try {
    return read(dto, options);
  } catch (error) {
    if (error instanceof DtoProblem)
      throw new TypeError(`fromOpencellSubscription: ${error.message}`);
    throw error;
  }
}

function read(dto: unknown, options: FromOpencellOptions): OpencellSubscriptionSnapshot {
  const root = objectAt(dto, '');
  const status = oneOf(OPENCELL_STATUSES, root.status, 'status');
  const code = text(root.code, 'code');
  const subscriptionDate = date(root.subscriptionDate, 'subscriptionDate');
  const at =
    (options.at === undefined ? undefined : date(options.at, 'options.at')) ??
    maybeDate(root.statusDate, 'statusDate') ??
    subscriptionDate;
  const by = options.by ?? { role: 'system' };
  const ended = status === 'CANCELED' || status === 'RESILIATED';
  const terminationDate = maybeDate(root.terminationDate, 'terminationDate');
  const terminationReason = reasonFrom(
    maybeText(root.terminationReason, 'terminationReason'),
    options,
  );
  if (ended && (terminationDate === undefined || terminationReason === undefined))
    fail(
      `${terminationDate === undefined ? 'terminationDate' : 'terminationReason'}: a ${status} subscription has one`,
    );
  const services = absent(root.services) ? {} : objectAt(root.services, 'services');
  const accesses = absent(root.accesses) ? {} : objectAt(root.accesses, 'accesses');
  const path = PATHS[status];
  const context: OpencellSubscriptionContext = {
    code,
    consumerId: text(root.userAccount, 'userAccount'),
    subscriptionDate,
    renewalRule: ruleAt(root.renewalRule, options),
    ...some('subscribedTillDate', maybeDate(root.subscribedTillDate, 'subscribedTillDate')),
    renewed: flag(root.renewed, 'renewed') ?? false,
    ...some('renewalNotifiedDate', maybeDate(root.renewalNotifiedDate, 'renewalNotifiedDate')),
    ...some('endAgreementDate', maybeDate(root.endAgreementDate, 'endAgreementDate')),
    versions: [
      {
        version: absent(root.versionNumber) ? 1 : count(root.versionNumber, 'versionNumber', 1),
        offerCode: text(root.offerTemplate, 'offerTemplate'),
        validFrom: maybeDate(root.validityDate, 'validityDate') ?? subscriptionDate,
      },
    ],
    products: listAt(services.serviceInstance, 'services.serviceInstance').map((s, i) =>
      productAt(s, join('services.serviceInstance', i), at, options),
    ),
    accessPoints: listAt(accesses.access, 'accesses.access').map((a, i) => {
      const where = join('accesses.access', i);
      const o = objectAt(a, where);
      return {
        code: text(o.code, join(where, 'code')),
        ...some('endDate', maybeDate(o.endDate, join(where, 'endDate'))),
        enabled: !(flag(o.disabled, join(where, 'disabled')) ?? false),
      };
    }),
    pendingAmendments: [],
    amendments: [],
    suspensions: status === 'SUSPENDED' ? [{ from: at }] : [],
    ownerTransfers: [],
    ...(ended ? { terminationDate, terminationReason } : {}),
    version: path.length + 1,
    updatedAt: at,
    audit: [
      { version: 1, at, by, command: 'create', from: null, to: 'CREATED' as OpencellStatus },
      ...path.map(([command, to], i) => ({
        version: i + 2,
        at,
        by,
        command,
        from: i === 0 ? ('CREATED' as OpencellStatus) : (path[i - 1]?.[1] as OpencellStatus),
        to,
      })),
    ],
  };
  const { schema, schemaVersion } = compiledOf(opencellSubscriptionMachine).spec;
  try {
    return restore(opencellSubscriptionMachine, { schema, schemaVersion, status, context });
  } catch (error) {
    if (error instanceof SnapshotError) return fail(dtoPath(error.message));
    throw error;
  }
}
