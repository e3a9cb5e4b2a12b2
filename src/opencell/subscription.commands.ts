/**
 * The commands of the Opencell subscription (Opencell): payloads, roles and probes, and the input
 * that creates a subscription.
 */
import { created } from '../core/bookkeeping';
import { tickSpec } from '../core/command';
import {
  array,
  boolean,
  instant,
  literal,
  nonEmptyString,
  object,
  optional,
  refine,
  type Schema,
  string,
} from '../core/schema';
import type { CommandSpec } from '../core/spec';
import { dayAfter } from '../core/time';
import { latest } from './dates';
import { changesSchema, productOrderSchema } from './products';
import {
  OPENCELL_ROLES,
  type OpencellSubscriptionContext,
  type OpencellSubscriptionInput,
} from './subscription.types';
import { latestVersion } from './versions';

// Reasons are checked by their rule (REASON_REQUIRED), so only their type is checked here.
const reason = optional(string);

/** Payload fields of each command (beside the envelope). */
export const opencellPayloads = {
  'subscription.activate': {},
  'subscription.suspend': { reason },
  'subscription.reactivate': {},
  'subscription.cancel': { reason },
  'subscription.terminate': { terminationDate: instant, reason },
  'offer.change': { offerCode: nonEmptyString, effectiveDate: instant },
  'amendment.submit': {
    amendmentId: nonEmptyString,
    effectiveDate: instant,
    changes: changesSchema,
  },
  'amendment.cancel': { amendmentId: nonEmptyString },
  'product.add': { product: productOrderSchema },
  'product.deactivate': { productCode: nonEmptyString },
  'owner.transfer': { consumerId: nonEmptyString },
} as const;

export type OpencellCommandType = keyof typeof opencellPayloads;

type Ctx = OpencellSubscriptionContext;
type Probe = Readonly<Record<string, unknown>>;

/**
 * Well-formed payloads that can succeed in `c`, for `availableCommands` and graph paths. Made-up
 * codes carry the version, so each is new to the subscription.
 */
function probesOf(type: OpencellCommandType, c: Ctx): readonly Probe[] {
  const fresh = `PROBE-${c.version}`;
  const now = c.updatedAt;
  const later = dayAfter(now);
  switch (type) {
    case 'subscription.cancel':
      return [{ reason: 'probe' }];
    case 'subscription.terminate':
      return [
        { terminationDate: now, reason: 'probe' },
        { terminationDate: later, reason: 'probe' },
      ];
    case 'offer.change': {
      const from = latestVersion(c.versions)?.validFrom ?? now;
      return [{ offerCode: fresh, effectiveDate: dayAfter(latest(from, now)) }];
    }
    case 'amendment.submit': {
      const changes = [{ op: 'add', product: { code: fresh, quantity: 1 } }];
      return [
        { amendmentId: `AMD-${fresh}-NOW`, effectiveDate: now, changes },
        { amendmentId: `AMD-${fresh}-LATER`, effectiveDate: later, changes },
      ];
    }
    case 'amendment.cancel':
      return [
        { amendmentId: c.pendingAmendments[c.pendingAmendments.length - 1]?.amendmentId ?? fresh },
      ];
    case 'product.add':
      return [{ product: { code: fresh, quantity: 1 } }];
    case 'product.deactivate': {
      const live = c.products.find((p) => p.status !== 'TERMINATED');
      return [{ productCode: live?.code ?? fresh }];
    }
    case 'owner.transfer':
      return [{ consumerId: `${c.consumerId}-${fresh}` }];
    default:
      return [{}];
  }
}

/** The command specs: every command is the operator's; `clock.tick` is the system's. */
export const opencellCommands = (() => {
  const specs = {} as Record<OpencellCommandType | 'clock.tick', CommandSpec<Ctx>>;
  for (const type of Object.keys(opencellPayloads) as OpencellCommandType[]) {
    specs[type] = {
      payload: opencellPayloads[type],
      roles: ['operator'],
      probes: (c) => probesOf(type, c),
    };
  }
  specs['clock.tick'] = tickSpec;
  return specs;
})();

/** Lists whose items are unique by `code`. */
export function uniqueCodes<T extends { readonly code: string }>(what: string, item: Schema<T>) {
  return refine(array(item), (list, path) => {
    const seen = new Set<string>();
    for (const { code } of list) {
      if (seen.has(code)) return `${path}: ${what} ${JSON.stringify(code)} appears twice`;
      seen.add(code);
    }
    return null;
  });
}

const inputSchema = object({
  code: nonEmptyString,
  offerCode: nonEmptyString,
  consumerId: nonEmptyString,
  at: instant,
  by: object({ role: literal(...OPENCELL_ROLES), id: optional(nonEmptyString) }),
  products: optional(uniqueCodes('product', productOrderSchema)),
  accessPoints: optional(
    uniqueCodes('access point', object({ code: nonEmptyString, endDate: optional(instant) })),
  ),
  autoRenew: optional(boolean),
});

/**
 * The context of a new subscription: CREATED, its products INACTIVE until activation, version 1
 * of its offer valid from `at`. Throws a `TypeError` naming the bad input field.
 */
export function opencellContext(input: OpencellSubscriptionInput): Ctx {
  const error = inputSchema(input, 'input');
  if (error) throw new TypeError(`opencellSubscriptionMachine ${error}`);
  return {
    code: input.code,
    consumerId: input.consumerId,
    autoRenew: input.autoRenew === true,
    versions: [{ version: 1, offerCode: input.offerCode, validFrom: input.at }],
    products: (input.products ?? []).map((p) => ({ ...p, status: 'INACTIVE' })),
    accessPoints: (input.accessPoints ?? []).map((a) => ({ ...a, enabled: true })),
    pendingAmendments: [],
    amendments: [],
    suspensions: [],
    ownerTransfers: [],
    ...created(input),
  };
}
