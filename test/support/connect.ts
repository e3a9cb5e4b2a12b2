/** Shared fixtures for the Connect tests. */
import type {
  CapabilitiesInput,
  FulfillmentRequestInput,
  NewSubscriptionInput,
  Parameter,
  TierConfigRequestInput,
} from 'subscription-machines';
import {
  fulfillmentRequestMachine,
  subscriptionMachine,
  tierConfigRequestMachine,
} from 'subscription-machines';
import { commandFactory, testClock } from 'subscription-machines/testing';

export const T0 = '2026-01-05T09:00:00Z';

/** Every capability on, so every status is reachable. */
export const ALL_ON: CapabilitiesInput = {
  administrativeHold: true,
  draftValidation: true,
  inquiringValidation: true,
  changeDraftValidation: true,
  resellerAuthorizationLevel: 1,
  scheduling: {
    purchase: true,
    change: true,
    suspend: true,
    resume: true,
    cancel: true,
    renew: true,
  },
  renew: true,
  transfer: true,
  renewDraftValidation: true,
  transferDraftValidation: true,
  changeInquiringValidation: true,
  renewInquiringValidation: true,
  transferInquiringValidation: true,
  tierConfigDraftValidation: true,
  tierConfigUpdateDraftValidation: true,
  tierConfigSetupInquiringValidation: true,
  tierConfigUpdateInquiringValidation: true,
};

export const PARAMS: Parameter[] = [
  { id: 'email', phase: 'ordering', value: 'ops@example.com', required: true },
  { id: 'seats_note', phase: 'ordering' },
  { id: 'subscription_id', phase: 'fulfillment', required: true },
];

export function requestInput(
  overrides: Partial<FulfillmentRequestInput> = {},
): FulfillmentRequestInput {
  return {
    id: 'PR-3071-1051-2166-001',
    subscriptionId: 'AS-3071-1051-2166',
    requestType: 'purchase',
    at: T0,
    by: { role: 'buyer' },
    items: [{ id: 'SKU-A', quantity: 10 }],
    params: PARAMS,
    ...overrides,
  };
}

export function subscriptionInput(
  overrides: Partial<NewSubscriptionInput> = {},
): NewSubscriptionInput {
  return {
    id: 'AS-3071-1051-2166',
    purchaseRequestId: 'PR-3071-1051-2166-001',
    at: T0,
    by: { role: 'buyer' },
    items: [{ id: 'SKU-A', quantity: 10 }],
    params: PARAMS,
    ...overrides,
  };
}

/** Command factories starting just after {@link T0}. */
export const requestCommands = () => commandFactory(fulfillmentRequestMachine, testClock(T0));
export const subscriptionCommands = () => commandFactory(subscriptionMachine, testClock(T0));

/** Tier parameters of a reseller's tier configuration: one the reseller fills, one the vendor. */
export const TIER_PARAMS: Parameter[] = [
  { id: 'reseller_tax_id', phase: 'ordering', scope: 'tier1', value: 'IE-1234567', required: true },
  { id: 'reseller_note', phase: 'ordering', scope: 'tier1' },
  { id: 'vendor_reseller_id', phase: 'fulfillment', scope: 'tier1', required: true },
];

export function tierConfigInput(
  overrides: Partial<TierConfigRequestInput> = {},
): TierConfigRequestInput {
  return {
    id: 'TCR-3071-1051-2166-001',
    requestType: 'setup',
    configuration: { tierLevel: 1, accountId: 'TA-3071-1051-2166', productId: 'PRD-276-377-545' },
    at: T0,
    by: { role: 'system' },
    capabilities: ALL_ON,
    params: TIER_PARAMS,
    ...overrides,
  };
}

export const tierConfigCommands = () => commandFactory(tierConfigRequestMachine, testClock(T0));
