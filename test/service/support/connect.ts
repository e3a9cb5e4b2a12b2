/**
 * Connect subscriptions for the load: a purchase request that the vendor inquires about and the
 * buyer answers, over and over, so every subject can take any number of accepted commands.
 */
export const CREATED_AT = '2026-01-05T09:00:00Z';
/** Every load command's `at`: equal times are in order, so racing clients are not out of order. */
export const COMMAND_AT = '2026-01-06T00:00:00Z';
/** Earlier than COMMAND_AT: OUT_OF_ORDER once a subject took a command at COMMAND_AT. */
export const EARLIER_AT = '2026-01-05T12:00:00Z';

export const requestIdOf = (subject: string) => `PR-${subject}-001`;

export const connectInput = (subject: string) => ({
  id: subject,
  purchaseRequestId: requestIdOf(subject),
  at: CREATED_AT,
  by: { role: 'buyer', id: 'UR-buyer' },
  params: [{ id: 'email', phase: 'ordering', value: 'it@contoso.example', required: true }],
});

/** The purchase request is `pending` (the vendor may inquire) or `inquiring` (the buyer may answer). */
export type RequestState = 'pending' | 'inquiring';

export function nextCommand(
  subject: string,
  state: RequestState,
  commandId: string,
  extra: { readonly at?: string; readonly expectedVersion?: number } = {},
) {
  const common = { requestId: requestIdOf(subject), at: extra.at ?? COMMAND_AT, commandId };
  const version =
    extra.expectedVersion === undefined ? {} : { expectedVersion: extra.expectedVersion };
  return state === 'pending'
    ? {
        type: 'request.inquire',
        ...common,
        by: { role: 'vendor' },
        params: [{ id: 'email', valueError: `check ${commandId}` }],
        ...version,
      }
    : {
        type: 'request.answer',
        ...common,
        by: { role: 'buyer' },
        params: [{ id: 'email', value: `${commandId}@contoso.example` }],
        ...version,
      };
}
