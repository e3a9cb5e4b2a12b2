/**
 * The Connect API call that performs a command (the Connect OpenAPI spec,
 * cloudblue/connect-python-openapi-client `tests/data/specs.yml`: `/requests/{id}/…` and
 * `/tier/config-requests/{id}/…`), for a processor that decides with the machines and acts on
 * Connect.
 */
import type { JsonObject } from './json';
import type { ParameterEdit, ParameterUpdate } from './request.types';
import type { SubscriptionCommand } from './subscription.types';
import type { TierConfigRequestCommand } from './tier-config.types';

/** One Connect API call: `POST /requests/PR-…/approve` with its JSON body. */
export interface ConnectCall {
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  readonly body: JsonObject;
}

/** A command a {@link connectCall} maps: a subscription's, a request's or a tier request's. */
export type ConnectCommand = SubscriptionCommand | TierConfigRequestCommand;

const paramsBody = (params: readonly (ParameterUpdate | ParameterEdit)[]) =>
  params.map((p) => ({
    id: p.id,
    ...(p.value === undefined ? {} : { value: p.value }),
    ...('valueError' in p && p.valueError !== undefined ? { value_error: p.valueError } : {}),
    ...(p.structuredValue === undefined ? {} : { structured_value: p.structuredValue }),
  }));

/** `{ [key]: value }`, or nothing for an absent value. */
const some = (key: string, value: string | undefined): JsonObject =>
  value === undefined ? {} : { [key]: value };

/**
 * The one Connect API call that performs `command`, or `null` for a command Connect takes by
 * itself (the system's moves: tier configuration, draft removal, the clock) or that needs more than
 * the command says (`request.create`: Connect's `POST /requests` names the asset).
 *
 * An inquire or approve that carries `params` needs the `PUT` that writes them first: Connect's
 * inquire and approve bodies take no parameters. {@link connectCalls} gives both; this gives the
 * action.
 *
 * @example
 * ```ts
 * connectCall({ type: 'request.approve', requestId: 'PR-5120-0433-8712-001', templateId: 'TL-662-440-096', at, by });
 * // { method: 'POST', path: '/requests/PR-5120-0433-8712-001/approve', body: { template_id: 'TL-662-440-096' } }
 * ```
 */
export function connectCall(command: ConnectCommand): ConnectCall | null {
  const request = (id: string, action?: string) =>
    `/requests/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
  const tier = (id: string, action?: string) =>
    `/tier/config-requests/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
  const post = (path: string, body: JsonObject = {}): ConnectCall => ({
    method: 'POST',
    path,
    body,
  });
  const put = (path: string, body: JsonObject): ConnectCall => ({ method: 'PUT', path, body });
  switch (command.type) {
    case 'request.submit':
      return post(request(command.requestId, 'purchase'));
    case 'request.update':
    case 'request.validate':
    case 'request.answer':
      return put(request(command.requestId), { asset: { params: paramsBody(command.params) } });
    case 'request.inquire':
      return post(request(command.requestId, 'inquire'), some('template_id', command.templateId));
    case 'request.pend':
      return post(request(command.requestId, 'pend'));
    case 'request.approve':
      return post(request(command.requestId, 'approve'), {
        ...some('template_id', command.templateId),
        ...some('activation_tile', command.activationTile),
        ...some('effective_date', command.effectiveDate),
      });
    case 'request.fail':
      return post(request(command.requestId, 'fail'), { reason: command.reason });
    case 'request.schedule':
      return post(request(command.requestId, 'schedule'), { planned_date: command.plannedDate });
    case 'request.revoke':
      return post(request(command.requestId, 'revoke'), { reason: command.reason });
    case 'request.confirmRevocation':
      return post(request(command.requestId, 'confirm'));
    case 'tcr.submit':
      return post(tier(command.requestId, 'submit'));
    case 'tcr.validate':
    case 'tcr.answer':
      return put(tier(command.requestId), { params: paramsBody(command.params) });
    case 'tcr.inquire':
      return post(tier(command.requestId, 'inquire'));
    case 'tcr.pend':
      return post(tier(command.requestId, 'pend'));
    case 'tcr.approve':
      return post(tier(command.requestId, 'approve'), { template: { id: command.templateId } });
    case 'tcr.fail':
      return post(tier(command.requestId, 'fail'), { reason: command.reason });
    default:
      return null;
  }
}

/**
 * Every Connect API call that performs `command`, in order: for an inquire or approve that carries
 * `params`, the `PUT` that writes them, then the action (Connect's processor template does the
 * same: `update_subscription_parameters`, then `approve`).
 *
 * @example
 * ```ts
 * for (const call of connectCalls(command)) await connect.request(call.method, call.path, call.body);
 * ```
 */
export function connectCalls(command: ConnectCommand): ConnectCall[] {
  const action = connectCall(command);
  if (action === null) return [];
  const written =
    (command.type === 'request.inquire' || command.type === 'request.approve') &&
    command.params !== undefined &&
    command.params.length > 0
      ? {
          method: 'PUT' as const,
          path: `/requests/${encodeURIComponent(command.requestId)}`,
          body: { asset: { params: paramsBody(command.params) } },
        }
      : (command.type === 'tcr.inquire' || command.type === 'tcr.approve') &&
          command.params !== undefined &&
          command.params.length > 0
        ? {
            method: 'PUT' as const,
            path: `/tier/config-requests/${encodeURIComponent(command.requestId)}`,
            body: { params: paramsBody(command.params) },
          }
        : null;
  return written === null ? [action] : [written, action];
}
