// subscription-api.ts: your service's endpoint that turns HTTP calls into commands.
import {
  type ConnectRole,
  execute,
  persist,
  type RejectionCode,
  restore,
  type SubscriptionCommand,
  statusOf,
  subscriptionMachine,
} from 'subscription-machines';

/** Where the service keeps each subscription, as the JSON text of `persist`. */
export interface Store {
  load(id: string): Promise<string | undefined>;
  save(id: string, json: string): Promise<void>;
}

export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  /** Who is calling, from your authentication. */
  readonly caller: { readonly role: ConnectRole; readonly id: string };
  /** The server's clock, read once per request: the command's `at`. */
  readonly now: string;
}

export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
}

const HTTP_STATUS: Partial<Record<RejectionCode, number>> = {
  INVALID_COMMAND: 400,
  FORBIDDEN_ROLE: 403,
  UNKNOWN_REQUEST: 404,
  STALE_VERSION: 409,
  OUT_OF_ORDER: 409,
  REQUEST_IN_PROGRESS: 409,
  DUPLICATE_REQUEST: 409,
}; // the others (INVALID_STATE, REASON_REQUIRED, …) are 422

/**
 * `POST /subscriptions/:id/commands` with a command without `at` and `by` as its body, e.g.
 * `{ "type": "request.approve", "requestId": "PR-…", "templateId": "TL-…" }`.
 */
export async function handle(store: Store, request: ApiRequest): Promise<ApiResponse> {
  const id = /^\/subscriptions\/([\w-]+)\/commands$/.exec(request.path)?.[1];
  const json = id === undefined ? undefined : await store.load(id);
  if (request.method !== 'POST' || id === undefined || json === undefined)
    return { status: 404, body: { error: 'not found' } };

  // `execute` checks the whole command, so the body can go in as it came.
  const command = { ...(request.body as object), at: request.now, by: request.caller };
  const result = execute(
    subscriptionMachine,
    restore(subscriptionMachine, json),
    command as SubscriptionCommand,
  );
  if (!result.ok) {
    const { code, message, details } = result.rejection;
    return { status: HTTP_STATUS[code] ?? 422, body: { code, message, details } };
  }
  if (!result.duplicate) await store.save(id, JSON.stringify(persist(result.snapshot)));
  const { version } = result.snapshot.context;
  return { status: 200, body: { status: statusOf(result.snapshot), version } };
}
