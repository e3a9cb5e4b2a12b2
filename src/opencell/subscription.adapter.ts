/**
 * Opencell's subscription DTO (opencell-api-dto `SubscriptionDto`, with its `SubscriptionRenewalDto`,
 * `AccessDto` and `ServiceInstanceDto`), and `toOpencellSubscription(snapshot)`, which writes it;
 * `fromOpencellSubscription(dto)` (subscription.adapter.read.ts) reads it back into a snapshot. The
 * machine's products are Opencell's service instances (`services.serviceInstance`), its access
 * points `accesses.access`.
 */
import type { EndOfTermAction, InitialTermType, RenewalPeriodUnit, RenewalRule } from './renewal';
import type {
  OpencellStatus,
  OpencellSubscriptionContext,
  Product,
  ProductStatus,
} from './subscription.types';
import { latestVersion } from './versions';

/** `SubscriptionRenewalDto`. */
export interface OpencellRenewalRuleDto {
  readonly initialTermType: InitialTermType;
  readonly renewalTermType: 'RECURRING';
  readonly initialyActiveFor?: number;
  readonly initialyActiveForUnit?: RenewalPeriodUnit;
  readonly autoRenew: boolean;
  readonly daysNotifyRenewal?: number;
  readonly endOfTermAction?: EndOfTermAction;
  readonly terminationReasonCode?: string;
  readonly renewFor?: number;
  readonly renewForUnit?: RenewalPeriodUnit;
  readonly extendAgreementPeriodToSubscribedTillDate: boolean;
}

/** `AttributeInstanceDto`: one attribute of a service instance, in the field of its type. */
export interface OpencellAttributeDto {
  readonly attributeCode: string;
  readonly stringValue?: string;
  readonly doubleValue?: number;
  readonly booleanValue?: boolean;
}

/** `ServiceInstanceDto`: a product of the subscription. */
export interface OpencellServiceInstanceDto {
  readonly code: string;
  readonly status: ProductStatus;
  readonly quantity: number;
  /** When it was activated. */
  readonly subscriptionDate?: string;
  readonly terminationDate?: string;
  /** The code of the reason the subscription's end terminated it with. */
  readonly terminationReason?: string;
  readonly attributeInstances?: readonly OpencellAttributeDto[];
}

/** `AccessDto`: an access point. */
export interface OpencellAccessDto {
  readonly code: string;
  readonly subscription: string;
  readonly endDate?: string;
  readonly disabled: boolean;
}

/** Opencell's `SubscriptionDto`, restricted to what the machine models. */
export interface OpencellSubscriptionDto {
  readonly code: string;
  /** The latest version (the machine's `versions`, last). */
  readonly versionNumber: number;
  /** The consumer: the user account's code. */
  readonly userAccount: string;
  /** The latest version's offer. */
  readonly offerTemplate: string;
  readonly subscriptionDate: string;
  /** When the latest version starts. */
  readonly validityDate: string;
  readonly status: OpencellStatus;
  readonly terminationDate?: string;
  /** The code of the reason the subscription ended for. */
  readonly terminationReason?: string;
  readonly endAgreementDate?: string;
  /** The end of the current term; a scheduled termination's date while one is scheduled. */
  readonly subscribedTillDate?: string;
  readonly renewed: boolean;
  readonly renewalNotifiedDate?: string;
  /** The renewal rule; while a termination is scheduled, as Opencell overwrites it. */
  readonly renewalRule: OpencellRenewalRuleDto;
  readonly accesses: { readonly access: readonly OpencellAccessDto[] };
  readonly services: { readonly serviceInstance: readonly OpencellServiceInstanceDto[] };
}

const some = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

function attributesOf(p: Product): OpencellAttributeDto[] | undefined {
  if (p.attributes === undefined) return undefined;
  return Object.entries(p.attributes).map(([attributeCode, v]) =>
    typeof v === 'string'
      ? { attributeCode, stringValue: v }
      : typeof v === 'number'
        ? { attributeCode, doubleValue: v }
        : { attributeCode, booleanValue: v },
  );
}

/** The rule as Opencell shows it; a scheduled termination overwrites it, as Opencell does. */
function ruleDto(c: OpencellSubscriptionContext): OpencellRenewalRuleDto {
  const scheduled = c.scheduledTermination;
  const r: RenewalRule = scheduled
    ? {
        ...c.renewalRule,
        initialTermType: 'FIXED',
        autoRenew: false,
        endOfTermAction: 'TERMINATE',
        terminationReason: scheduled.reason,
      }
    : c.renewalRule;
  const { terminationReason, initialyActiveFor, initialyActiveForUnit, ...rest } = r;
  return {
    ...rest,
    ...(r.initialTermType === 'FIXED' ? {} : some('initialyActiveFor', initialyActiveFor)),
    ...(r.initialTermType === 'FIXED' ? {} : some('initialyActiveForUnit', initialyActiveForUnit)),
    renewalTermType: 'RECURRING',
    extendAgreementPeriodToSubscribedTillDate: r.extendAgreementPeriodToSubscribedTillDate === true,
    ...some('terminationReasonCode', terminationReason?.code),
  };
}

/**
 * Opencell's subscription DTO of a snapshot: the latest version, the products as service
 * instances, the access points, and the renewal rule as Opencell shows it.
 *
 * @example
 * ```ts
 * import { toOpencellSubscription } from 'subscription-machines/opencell';
 *
 * const dto = toOpencellSubscription(snapshot);
 * dto.status; // 'ACTIVE'
 * dto.services.serviceInstance[0]; // { code: 'PR_DATA', status: 'ACTIVE', quantity: 1, … }
 * ```
 */
export function toOpencellSubscription(snapshot: {
  readonly value: unknown;
  readonly context: OpencellSubscriptionContext;
}): OpencellSubscriptionDto {
  const c = snapshot.context;
  const latest = latestVersion(c.versions);
  return {
    code: c.code,
    versionNumber: latest?.version ?? 1,
    userAccount: c.consumerId,
    offerTemplate: latest?.offerCode ?? '',
    subscriptionDate: c.subscriptionDate,
    validityDate: latest?.validFrom ?? c.subscriptionDate,
    status: snapshot.value as OpencellStatus,
    ...some('terminationDate', c.terminationDate),
    ...some('terminationReason', c.terminationReason?.code),
    ...some('endAgreementDate', c.endAgreementDate),
    ...some('subscribedTillDate', c.scheduledTermination?.terminationDate ?? c.subscribedTillDate),
    renewed: c.renewed,
    ...some('renewalNotifiedDate', c.renewalNotifiedDate),
    renewalRule: ruleDto(c),
    accesses: {
      access: c.accessPoints.map((a) => ({
        code: a.code,
        subscription: c.code,
        ...some('endDate', a.endDate),
        disabled: !a.enabled,
      })),
    },
    services: {
      serviceInstance: c.products.map((p) => ({
        code: p.code,
        status: p.status,
        quantity: p.quantity,
        ...some('subscriptionDate', p.activatedAt),
        ...some('terminationDate', p.terminatedAt),
        ...some('terminationReason', p.terminationReason?.code),
        ...some('attributeInstances', attributesOf(p)),
      })),
    },
  };
}
