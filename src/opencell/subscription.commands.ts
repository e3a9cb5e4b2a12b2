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
import { compareInstants, dayAfter } from '../core/time';
import { latest } from './dates';
import { changesSchema, productOrderSchema } from './products';
import { firstTermEnd, renewalRuleInputSchema, ruleOf, ruleProblem } from './renewal';
import {
  OPENCELL_ROLES,
  type OpencellSubscriptionContext,
  type OpencellSubscriptionInput,
} from './subscription.types';
import { reasonGivenSchema } from './termination';
import { latestVersion } from './versions';

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

// A missing or blank reason is REASON_REQUIRED (a rule), so only its shape is checked here.
const reason = optional(reasonGivenSchema);
const note = optional(string);

/** Payload fields of each command (beside the envelope). */
export const opencellPayloads = {
  'subscription.activate': {},
  'subscription.suspend': { reason: optional(string) },
  'subscription.reactivate': {},
  // Dated as Opencell's subscriptionCancellation(subscription, cancelationDate): by default `at`.
  'subscription.cancel': { reason, note, cancelationDate: optional(instant) },
  'subscription.terminate': { terminationDate: instant, reason, note },
  // The new version's products, as Opencell's patchSubscription instantiates and activates them.
  'offer.change': {
    offerCode: nonEmptyString,
    effectiveDate: instant,
    products: optional(uniqueCodes('product', productOrderSchema)),
  },
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
    case 'offer.change': {
      const from = latestVersion(c.versions)?.validFrom ?? now;
      const effectiveDate = dayAfter(latest(from, now));
      return [
        { offerCode: fresh, effectiveDate },
        { offerCode: fresh, effectiveDate, products: [{ code: fresh, quantity: 1 }] },
      ];
    }
    case 'subscription.terminate':
      return [
        { terminationDate: now, reason: 'probe' },
        { terminationDate: later, reason: 'probe' },
      ];
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
  subscriptionDate: optional(instant),
  renewalRule: optional(renewalRuleInputSchema),
  autoRenew: optional(boolean),
  subscribedTillDate: optional(instant),
  endAgreementDate: optional(instant),
});

/** Facts across fields that the field schemas cannot see. */
function crossFieldError(input: OpencellSubscriptionInput): string | null {
  const given = input.renewalRule?.autoRenew;
  if (given !== undefined && input.autoRenew !== undefined && given !== input.autoRenew)
    return 'input.autoRenew: differs from input.renewalRule.autoRenew';
  const rule = ruleOf(input.renewalRule, input.autoRenew);
  if (input.subscribedTillDate !== undefined && rule.initialTermType !== 'FIXED')
    return 'input.subscribedTillDate: only a FIXED renewal rule takes the end of its term';
  const since = input.subscriptionDate ?? input.at;
  const end = input.subscribedTillDate ?? firstTermEnd(since, rule);
  if (end !== undefined && compareInstants(end, since) <= 0)
    return `input.subscribedTillDate: ${end} must be after the subscription date ${since}`;
  return ruleProblem(rule, end !== undefined, 'input.renewalRule');
}

/**
 * The context of a new subscription: CREATED, its products INACTIVE until activation, version 1
 * of its offer valid from the subscription date, and the end of its first term when its renewal
 * rule gives one. Throws a `TypeError` naming the bad input field.
 */
export function opencellContext(input: OpencellSubscriptionInput): Ctx {
  const error = inputSchema(input, 'input') ?? crossFieldError(input);
  if (error) throw new TypeError(`opencellSubscriptionMachine ${error}`);
  const subscriptionDate = input.subscriptionDate ?? input.at;
  const renewalRule = ruleOf(input.renewalRule, input.autoRenew);
  const end = input.subscribedTillDate ?? firstTermEnd(subscriptionDate, renewalRule);
  return {
    code: input.code,
    consumerId: input.consumerId,
    subscriptionDate,
    renewalRule,
    ...(end === undefined ? {} : { subscribedTillDate: end }),
    renewed: false,
    ...(input.endAgreementDate === undefined ? {} : { endAgreementDate: input.endAgreementDate }),
    versions: [{ version: 1, offerCode: input.offerCode, validFrom: subscriptionDate }],
    products: (input.products ?? []).map((p) => ({ ...p, status: 'INACTIVE' })),
    accessPoints: (input.accessPoints ?? []).map((a) => ({ ...a, enabled: true })),
    pendingAmendments: [],
    amendments: [],
    suspensions: [],
    ownerTransfers: [],
    ...created(input),
  };
}
