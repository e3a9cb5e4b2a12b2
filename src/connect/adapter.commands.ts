/**
 * From Connect's request JSON to the commands that bring a subscription snapshot to it. Between two
 * reads of the same request Connect may have moved several steps; each step becomes one command,
 * by the role that takes it on Connect (connect-workflows `subscriptions-fulfillment-request/`),
 * and each is tried on the way, so the list either applies in full or is not given at all.
 */
import { execute } from '../core/api';
import { type ReadRequest, readRequest } from './adapter.objects';
import { changes, hasError } from './parameters';
import type {
  ConnectRole,
  FulfillmentRequestContext,
  Parameter,
  ParameterEdit,
  ParameterUpdate,
  RequestStatus,
} from './request.types';
import { type SubscriptionSnapshot, subscriptionMachine } from './subscription.machine';
import type { SubscriptionCommand } from './subscription.types';

/** At most this many steps between two reads: more means the JSON cannot be reached. */
const MAX_STEPS = 16;

/** A command before its time, sender and id: one per command type. */
type Draft = SubscriptionCommand extends infer C
  ? C extends unknown
    ? Omit<C, 'at' | 'by' | 'commandId'>
    : never
  : never;

/** What differs between the request's parameters and the JSON's, for the params it has. */
function differences(request: FulfillmentRequestContext, json: ReadRequest) {
  const wanted = new Map(json.asset.params.map((p) => [p.id, p]));
  const out: { readonly have: Parameter; readonly want: Parameter }[] = [];
  for (const have of request.params) {
    const want = wanted.get(have.id);
    // Parameters come from the product: one the request does not have is not a command's to add.
    if (want === undefined || want.phase !== have.phase) continue;
    const update = { id: want.id, value: want.value ?? '', ...structured(want) };
    if (changes(have, update) || (have.valueError ?? '') !== (want.valueError ?? ''))
      out.push({ have, want });
  }
  return out;
}

const structured = (p: Parameter) =>
  p.structuredValue === undefined ? {} : { structuredValue: p.structuredValue };

/** A vendor's write of the JSON's value and error. */
const update = ({ want }: { want: Parameter }): ParameterUpdate => ({
  id: want.id,
  value: want.value ?? '',
  valueError: want.valueError ?? '',
  ...structured(want),
});
/** A buyer's edit (or answer) of the JSON's value. */
const edit = ({ want }: { want: Parameter }): ParameterEdit => ({
  id: want.id,
  value: want.value ?? '',
  ...structured(want),
});

const valueChanged = ({ have, want }: { have: Parameter; want: Parameter }) =>
  changes(have, { id: want.id, value: want.value ?? '', ...structured(want) });
const errorChanged = ({ have, want }: { have: Parameter; want: Parameter }) =>
  (have.valueError ?? '') !== (want.valueError ?? '');
const ordering = ({ have }: { have: Parameter }) => have.phase === 'ordering';

type Step = { readonly role: ConnectRole; readonly command: Draft } | null;

/** The next step from the request's status toward the JSON's, or `null` when it is there. */
function nextStep(
  request: FulfillmentRequestContext,
  status: RequestStatus,
  json: ReadRequest,
  fail: (field: string, message: string) => never,
): Step {
  const requestId = request.id;
  const target = json.status;
  const diffs = differences(request, json);
  const orderingDiffs = diffs.filter(ordering);
  const vendor = (command: Draft): Step => ({ role: 'vendor', command });
  const buyer = (command: Draft): Step => ({ role: 'buyer', command });
  const system = (command: Draft): Step => ({ role: 'system', command });
  const reason = () =>
    json.reason ?? fail('reason', `a ${target} request needs one, and the JSON gives none`);
  switch (status) {
    case 'draft': {
      const edits = orderingDiffs.filter(valueChanged);
      if (edits.length > 0)
        return buyer({ type: 'request.update', requestId, params: edits.map(edit) });
      // Errors the vendor's validation writes; beyond draft, only the ones the JSON cleared.
      const errors = orderingDiffs.filter(
        (d) => errorChanged(d) && (target === 'draft' || !hasError(d.want)),
      );
      if (errors.length > 0)
        return vendor({ type: 'request.validate', requestId, params: errors.map(update) });
      if (target === 'draft') return null;
      if (target === 'deleted') return system({ type: 'request.delete', requestId });
      return buyer({ type: 'request.submit', requestId });
    }
    case 'pending': {
      // The vendor's PUT: everything but what the next move carries itself.
      const carried =
        target === 'inquiring'
          ? orderingDiffs
          : target === 'approved'
            ? diffs.filter((d) => !ordering(d))
            : [];
      const written = diffs.filter((d) => !carried.includes(d));
      if (written.length > 0 && target !== 'failed')
        return vendor({ type: 'request.validate', requestId, params: written.map(update) });
      switch (target) {
        case 'pending':
          return null;
        case 'inquiring': {
          const params = carried.map(update);
          // No error to show: the system inquires for a missing required value (t-8).
          const errors = json.asset.params.some((p) => p.phase === 'ordering' && hasError(p));
          const command: Draft = { type: 'request.inquire', requestId, params };
          return errors ? vendor(command) : system(command);
        }
        case 'approved':
          return vendor(approval(json, requestId, carried.map(update), fail));
        case 'failed':
          return vendor({ type: 'request.fail', requestId, reason: reason() });
        case 'tiers_setup':
          return system({ type: 'tierConfig.require', requestId });
        case 'scheduled':
        case 'revoking':
        case 'revoked':
          return vendor({
            type: 'request.schedule',
            requestId,
            plannedDate: json.plannedDate ?? fail('planned_date', `a ${target} request has one`),
          });
        default:
          return fail('status', `a pending request does not go back to ${target}`);
      }
    }
    case 'inquiring': {
      if (target === 'inquiring') {
        const edits = orderingDiffs.filter(valueChanged);
        if (edits.length > 0)
          return buyer({ type: 'request.update', requestId, params: edits.map(edit) });
        const errors = orderingDiffs.filter(errorChanged);
        if (errors.length > 0)
          return vendor({ type: 'request.validate', requestId, params: errors.map(update) });
        return null;
      }
      if (target === 'draft' || target === 'deleted' || target === 'tiers_setup')
        return fail('status', `an inquiring request does not go back to ${target}`);
      // The buyer's answer: the values the JSON shows, the errors it no longer shows.
      const answered = orderingDiffs.filter((d) => valueChanged(d) || !hasError(d.want));
      if (answered.length > 0)
        return buyer({ type: 'request.answer', requestId, params: answered.map(edit) });
      if (target === 'approved')
        return vendor(
          approval(json, requestId, diffs.filter((d) => !ordering(d)).map(update), fail),
        );
      if (target === 'failed') return vendor({ type: 'request.fail', requestId, reason: reason() });
      return vendor({ type: 'request.pend', requestId });
    }
    case 'tiers_setup':
      if (target === 'tiers_setup') return null;
      if (target === 'failed')
        return system({ type: 'tierConfig.fail', requestId, reason: reason() });
      return system({ type: 'tierConfig.approve', requestId });
    case 'scheduled':
      if (target === 'scheduled') return null;
      if (target === 'revoking' || target === 'revoked')
        return buyer({ type: 'request.revoke', requestId, reason: reason() });
      return system({ type: 'clock.tick' } as Draft);
    case 'revoking':
      if (target === 'revoking') return null;
      if (target === 'revoked') return vendor({ type: 'request.confirmRevocation', requestId });
      return fail('status', `a revoking request goes to revoked, not ${target}`);
    default:
      return target === status ? null : fail('status', `a ${status} request does not move`);
  }
}

function approval(
  json: ReadRequest,
  requestId: string,
  params: ParameterUpdate[],
  fail: (field: string, message: string) => never,
): Draft {
  if (json.templateId === undefined && json.activationTile === undefined)
    fail('template', 'an approved request names its template.id or its activation_key');
  return {
    type: 'request.approve',
    requestId,
    ...(json.templateId === undefined ? {} : { templateId: json.templateId }),
    ...(json.activationTile === undefined ? {} : { activationTile: json.activationTile }),
    ...(params.length > 0 ? { params } : {}),
    ...(json.effectiveDate === undefined ? {} : { effectiveDate: json.effectiveDate }),
  } as Draft;
}

/**
 * The request a subscription opens for the JSON's request: its items and the values it changes.
 * Errors come after, at `updated`, as the vendor's validation or inquiry wrote them.
 */
function creation(snapshot: SubscriptionSnapshot, json: ReadRequest): Step {
  const have = new Map(snapshot.context.params.map((p) => [p.id, p]));
  const params = json.asset.params
    .filter((p) => p.phase !== 'configuration' && have.has(p.id))
    .flatMap((want) => {
      const value = { id: want.id, value: want.value ?? '', ...structured(want) };
      return changes(have.get(want.id) as Parameter, value) ? [value] : [];
    });
  return {
    role: json.type === 'adjustment' ? 'vendor' : 'buyer',
    command: {
      type: 'request.create',
      requestId: json.id,
      requestType: json.type,
      items: json.asset.items,
      ...(params.length > 0 ? { params } : {}),
      ...(json.status === 'draft' || json.status === 'deleted' ? { draft: true } : {}),
      ...(json.status === 'tiers_setup' ? { tierConfigRequired: true } : {}),
    } as Draft,
  };
}

/** The commands that bring `snapshot` to `json`, and where they lead; or a `TypeError` naming the field. */
export function planCommands(
  snapshot: SubscriptionSnapshot,
  json: ReadRequest,
  what: string,
): { readonly commands: SubscriptionCommand[]; readonly snapshot: SubscriptionSnapshot } {
  const fail = (field: string, message: string): never => {
    throw new TypeError(`${what}: ${field}: ${message}`);
  };
  if (json.asset.id !== snapshot.context.id)
    fail('asset.id', `${json.asset.id} is not this subscription (${snapshot.context.id})`);
  const out: SubscriptionCommand[] = [];
  const used = new Set<string>();
  let current = snapshot;
  for (let n = 0; n < MAX_STEPS; n++) {
    const context = current.context;
    const open = context.pendingRequest;
    const closed = context.requests.find((r) => r.id === json.id);
    const from = open?.id === json.id ? open.status : 'new';
    let step: Step;
    if (open?.id === json.id && context.request !== null)
      step = nextStep(context.request, open.status, json, fail);
    else if (closed !== undefined) {
      if (closed.status !== json.status)
        fail(
          'status',
          `${json.id} closed as ${closed.status}; a closed request does not move to ${json.status}`,
        );
      step = null;
    } else if (open !== null)
      return fail('id', `${json.id} is not the open request ${open.id}: its end comes first`);
    else if (json.type === 'purchase')
      return fail(
        'type',
        `a purchase opens its subscription: read ${json.id} with fromConnectRequest`,
      );
    else step = creation(current, json);
    if (step === null) break;
    const at = step.command.type === 'request.create' ? json.created : json.updated;
    let commandId = `connect:${json.id}:${json.status}:${json.updated}:${from}:${step.command.type}`;
    for (let k = 2; used.has(commandId); k++) commandId = `${commandId.replace(/#\d+$/, '')}#${k}`;
    used.add(commandId);
    const command = {
      ...step.command,
      at,
      by: { role: step.role },
      commandId,
    } as SubscriptionCommand;
    const result = execute(subscriptionMachine, current, command);
    if (!result.ok)
      fail(
        'status',
        `${json.id} cannot go on from ${from} to ${json.status}: ${result.rejection.message}`,
      );
    if (result.snapshot === current)
      fail(
        'status',
        `${json.id} stays ${from}: ${command.type} at ${at} changes nothing (planned_date?)`,
      );
    out.push(command);
    current = result.snapshot;
    if (n === MAX_STEPS - 1) fail('status', `${json.id} is not reached in ${MAX_STEPS} steps`);
  }
  const status = current.value as string;
  // A deleted draft purchase is gone on Connect, whatever its asset says.
  const deleted = json.type === 'purchase' && json.status === 'deleted';
  if (status !== (deleted ? 'deleted' : json.asset.status))
    fail(
      'asset.status',
      `Connect says ${json.asset.status}; after ${json.id} the subscription is ${status}`,
    );
  return { commands: out, snapshot: current };
}

/**
 * The commands that bring a subscription snapshot to the state Connect's request JSON shows
 * (from the REST API, a webhook or a processor SDK). Connect may have moved several steps between
 * two reads: each step is one command, by the role that takes it on Connect, with a `commandId`
 * made of the request id, its status and `updated`, so applying the same JSON twice is a no-op.
 * Every command is tried on the way: the list applies in full with `execute`, in order. Malformed
 * JSON, or a state the snapshot cannot reach, is a `TypeError` naming the field, and nothing is
 * returned.
 *
 * @example
 * ```ts
 * for (const command of connectCommands(snapshot, await connect.get(`/requests/${id}`))) {
 *   const result = execute(subscriptionMachine, snapshot, command);
 *   if (result.ok) snapshot = result.snapshot;
 * }
 * ```
 */
export function connectCommands(
  snapshot: SubscriptionSnapshot,
  requestJson: unknown,
): SubscriptionCommand[] {
  return planCommands(snapshot, readRequest(requestJson, 'connectCommands'), 'connectCommands')
    .commands;
}
