/**
 * `subscription-machines`: CloudBlue Connect machines, capabilities, the command API and persistence.
 *
 * @example
 * ```ts
 * import { execute, start, statusOf, subscriptionMachine } from 'subscription-machines';
 *
 * const snapshot = start(subscriptionMachine, {
 *   id: 'AS-3071-1051-2166', purchaseRequestId: 'PR-3071-1051-2166-001',
 *   at: '2026-01-05T09:00:00Z', by: { role: 'buyer' },
 * });
 * const result = execute(subscriptionMachine, snapshot, {
 *   type: 'request.approve', requestId: 'PR-3071-1051-2166-001', templateId: 'TL-activation',
 *   at: '2026-01-06T08:00:00Z', by: { role: 'vendor' },
 * });
 * if (result.ok) statusOf(result.snapshot); // 'active'
 * ```
 * @module subscription-machines
 */
export * from './connect/index';
export * from './core/index';
