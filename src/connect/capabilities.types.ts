/**
 * The product capabilities that gate the Connect lifecycles, as types: Connect's
 * `product.capabilities` object, each switch under the name of what it allows.
 */
import type { JsonValue } from './json';

/** The request types that may be scheduled, one switch each. */
export interface SchedulingCapabilities {
  readonly purchase: boolean;
  readonly change: boolean;
  readonly suspend: boolean;
  readonly resume: boolean;
  readonly cancel: boolean;
  readonly renew: boolean;
}

/** A switch per request type whose parameters the buyer (or vendor) may edit. */
export interface EditableParameters {
  readonly change: boolean;
  readonly renew: boolean;
  readonly transfer: boolean;
}

/** Offline cancel or suspend: `no`, `auto` or `allowed`, as Connect writes it. */
export type OfflineMode = 'no' | 'auto' | 'allowed';

/** Pay-as-you-go (`ppu`): kept as Connect states it; the machines do not read it. */
export interface PayAsYouGo {
  readonly enabled: boolean;
  /** `TR`, `CR`, `PR` or `QT`. */
  readonly schema?: 'TR' | 'CR' | 'PR' | 'QT';
  readonly dynamic: boolean;
  readonly predictive: boolean;
  readonly future: boolean;
  readonly late: boolean;
  readonly requiredCustomFields: readonly string[];
}

/**
 * A product's capabilities, all resolved (see {@link defineCapabilities} and
 * {@link capabilitiesFromConnect}). Each field names its key in Connect's `product.capabilities`.
 * The ones marked "kept" are carried as Connect states them; the machines do not act on them.
 */
export interface Capabilities {
  /** Administrative Hold (`subscription.hold`): suspend and resume requests exist. */
  readonly administrativeHold: boolean;
  /** Dynamic Validation of the Draft Requests (`cart.validation`): purchases may start as draft. */
  readonly draftValidation: boolean;
  /** Validation of Draft Change Request (`subscription.change.validation`). */
  readonly changeDraftValidation: boolean;
  /** Draft validation of renew requests (`subscription.renew.validation`). */
  readonly renewDraftValidation: boolean;
  /** Draft validation of transfer requests (`subscription.transfer.validation`). */
  readonly transferDraftValidation: boolean;
  /**
   * Dynamic Validation of the Inquiring Form (`inquiring.validation`): purchases, and the request
   * types without a switch of their own.
   */
  readonly inquiringValidation: boolean;
  /** `subscription.change.inquiring_validation`. */
  readonly changeInquiringValidation: boolean;
  /** `subscription.renew.inquiring_validation`. */
  readonly renewInquiringValidation: boolean;
  /** `subscription.transfer.inquiring_validation`. */
  readonly transferInquiringValidation: boolean;
  /** Reseller Authorization Level (`tiers.configs.level`): 0 is off; 1 or 2 turn on tiers_setup. */
  readonly resellerAuthorizationLevel: 0 | 1 | 2;
  /** `subscription.<type>.scheduling`: the vendor may schedule that request type. */
  readonly scheduling: SchedulingCapabilities;
  /** `subscription.renew.enable_renew`: renew requests exist. */
  readonly renew: boolean;
  /** `subscription.transfer.enable_transfer`: transfer requests exist. */
  readonly transfer: boolean;
  /** `subscription.transfer.transfer_autoapprove`: transfers are approved at creation. */
  readonly transferAutoApprove: boolean;
  /** Kept: `subscription.cancel.offline`. */
  readonly cancelOffline: OfflineMode;
  /** Kept: `subscription.suspend.offline`. */
  readonly suspendOffline: OfflineMode;
  /** Kept: `subscription.change.simultaneous_adjustment`. */
  readonly simultaneousAdjustment: boolean;
  /** Kept: `subscription.<type>.editable_ordering_parameters`. */
  readonly editableOrderingParameters: EditableParameters;
  /** Kept: `subscription.<type>.editable_fulfillment_parameters`. */
  readonly editableFulfillmentParameters: EditableParameters;
  /** Kept: `subscription.parameter.versions`. */
  readonly parameterVersions: boolean;
  /** Kept: `subscription.schema`, when Connect states one. */
  readonly subscriptionSchema?: 'explicit' | 'evergreen';
  /** Kept: `reservation.consumption`. */
  readonly reservationConsumption: boolean;
  /** Kept: `ppu`. */
  readonly payAsYouGo: PayAsYouGo;
  /** Tier configuration update requests (`tiers.updates`). */
  readonly tierConfigUpdates: boolean;
  /** Dynamic Validation – Tier Config Request – Draft (`tiers.validation`): setup drafts. */
  readonly tierConfigDraftValidation: boolean;
  /** `tiers.configs.setup.inquiring_validation`. */
  readonly tierConfigSetupInquiringValidation: boolean;
  /** `tiers.configs.update.validation`: update requests may start as drafts. */
  readonly tierConfigUpdateDraftValidation: boolean;
  /** `tiers.configs.update.inquiring_validation`. */
  readonly tierConfigUpdateInquiringValidation: boolean;
  /**
   * Keys of `product.capabilities` this library does not know, by dotted path, with their values:
   * {@link capabilitiesFromConnect} drops nothing silently.
   */
  readonly unknown?: Readonly<Record<string, JsonValue>>;
}

/** A partial set of capabilities, at any depth. */
export type CapabilitiesInput = Partial<
  Omit<
    Capabilities,
    'scheduling' | 'editableOrderingParameters' | 'editableFulfillmentParameters' | 'payAsYouGo'
  >
> & {
  readonly scheduling?: Partial<SchedulingCapabilities>;
  readonly editableOrderingParameters?: Partial<EditableParameters>;
  readonly editableFulfillmentParameters?: Partial<EditableParameters>;
  readonly payAsYouGo?: Partial<PayAsYouGo>;
};
