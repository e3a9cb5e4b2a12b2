/**
 * A vendor's processor for CloudBlue Connect, after Connect's Processor SDK template
 * (cloudblue/connect-processor-template-for-python: `processor.py` dispatches on the request type,
 * `purchase.py` writes the fulfillment parameters then approves, `dynamic_validation.py` answers
 * the draft validation webhook) and its use case "Subscription Resumption".
 *
 * It reads request JSON as Connect's API returns it (here, files in `requests/`), keeps each
 * subscription as a snapshot, decides with `explain` and `availableCommands`, and prints the API
 * calls it would make: a dry run. `npm run processor` runs it; docs/connect.md shows its output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  availableCommands,
  type Capabilities,
  capabilitiesFromConnect,
  connectCalls,
  connectCommands,
  execute,
  explain,
  fromConnectRequest,
  type SubscriptionCommand,
  type SubscriptionSnapshot,
  statusOf,
  subscriptionMachine,
  toConnectRequest,
} from 'subscription-machines';
import { vendorSystem } from './vendor';

/** The product's templates, as the processor template looks them up by name. */
const TEMPLATES = { activation: 'TL-662-440-096', inquire: 'TL-662-440-090' };

// biome-ignore lint/suspicious/noExplicitAny: the request JSON is Connect's, read field by field
type Json = Record<string, any>;

/** A command before its time and sender (one per command type: the union is distributed). */
type Draft = SubscriptionCommand extends infer C
  ? C extends unknown
    ? Omit<C, 'at' | 'by'>
    : never
  : never;

/** What the processor does with one request: commands for the vendor, or nothing. */
interface Decision {
  readonly why: string;
  readonly commands?: readonly Draft[];
}

const DONE = { suspend: 'suspended', resume: 'resumed', cancel: 'cancelled' };

const param = (json: Json, id: string): string =>
  (json.asset.params as Json[]).find((p) => p.id === id)?.value ?? '';

/** The processor's own policy, by request type (processor.py dispatches the same way). */
function decide(json: Json): Decision {
  const requestId: string = json.id;
  const domain = param(json, 'tenant_domain');
  switch (json.type) {
    case 'purchase': {
      const problems = [
        ['tenant_domain', vendorSystem.domainProblem(domain)],
        ['admin_email', vendorSystem.mailboxProblem(param(json, 'admin_email'))],
      ].filter((p): p is [string, string] => p[1] !== null);
      const params = problems.map(([id, valueError]) => ({ id, valueError }));
      if (json.status === 'draft')
        return {
          why: problems.length ? 'the validation webhook marks the values it refuses' : 'valid',
          commands: [{ type: 'request.validate', requestId, params }],
        };
      if (problems.length > 0)
        return {
          why: `${problems.map(([id]) => id).join(', ')} refused by the vendor system: inquire`,
          commands: [{ type: 'request.inquire', requestId, params, templateId: TEMPLATES.inquire }],
        };
      const subscriptionId = vendorSystem.subscriptionOf(domain);
      return {
        why: subscriptionId
          ? `tenant ${domain} provisioned as ${subscriptionId}: approve`
          : `tenant ${domain} still provisioning: approve without its subscription_id`,
        commands: [
          {
            type: 'request.approve',
            requestId,
            templateId: TEMPLATES.activation,
            params: subscriptionId ? [{ id: 'subscription_id', value: subscriptionId }] : [],
          },
        ],
      };
    }
    case 'change': {
      const seats = Number((json.asset.items as Json[])[0]?.quantity);
      return seats > vendorSystem.seatLimit
        ? {
            why: `${seats} seats is above the plan's ${vendorSystem.seatLimit}: fail`,
            commands: [
              {
                type: 'request.fail',
                requestId,
                reason: `The plan allows ${vendorSystem.seatLimit} seats; ${seats} were asked`,
              },
            ],
          }
        : {
            why: 'approve',
            commands: [{ type: 'request.approve', requestId, templateId: TEMPLATES.activation }],
          };
    }
    case 'suspend':
    case 'resume':
    case 'cancel':
      return {
        why: `the vendor system ${DONE[json.type as 'suspend' | 'resume' | 'cancel']} ${param(json, 'subscription_id')}: approve`,
        commands: [{ type: 'request.approve', requestId, templateId: TEMPLATES.activation }],
      };
    default:
      return { why: `${json.type} requests are left to an operator` };
  }
}

const body = (value: unknown) => JSON.stringify(value);
const minutesAfter = (at: string, minutes: number) =>
  new Date(Date.parse(at) + minutes * 60_000).toISOString().replace('.000Z', 'Z');

/** Processes every request JSON in `dir`, in file order, and returns what it printed. */
export function runProcessor(
  dir = join(import.meta.dirname, 'requests'),
  log: (line: string) => void = console.log,
): string[] {
  const lines: string[] = [];
  const say = (line = '') => {
    lines.push(line);
    log(line);
  };
  const product = JSON.parse(readFileSync(join(import.meta.dirname, 'product.json'), 'utf8'));
  const capabilities: Capabilities = capabilitiesFromConnect(product.capabilities);
  const subscriptions = new Map<string, SubscriptionSnapshot>();
  say(`Connect processor for ${product.id}, a dry run: the API calls it would make`);

  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const json: Json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    say();
    say(`${file}: ${json.id} ${json.type} ${json.status} on ${json.asset.id}`);
    // The first read starts the snapshot; later reads bring it to what Connect says now.
    const known = subscriptions.get(json.asset.id);
    let snapshot = known ?? fromConnectRequest(json, { capabilities });
    if (known) {
      const caught = connectCommands(known, json);
      for (const command of caught) {
        const result = execute(subscriptionMachine, snapshot, command);
        if (result.ok) snapshot = result.snapshot;
      }
      if (caught.length > 0)
        say(`  caught up: ${caught.map((c) => `${c.type} (${c.by.role})`).join(', ')}`);
    }
    say(
      `  the vendor may: ${availableCommands(subscriptionMachine, snapshot, 'vendor').join(', ')}`,
    );
    const decision = decide(json);
    say(`  decides: ${decision.why}`);
    let at = json.updated as string;
    for (const draft of decision.commands ?? []) {
      at = minutesAfter(at, 5);
      const command = { ...draft, at, by: { role: 'vendor' } } as SubscriptionCommand;
      const refusal = explain(subscriptionMachine, snapshot, command);
      if (refusal) {
        say(`  ✗ ${command.type} would be refused, ${refusal.code}: ${refusal.message}`);
        say('    left for the next poll');
        continue;
      }
      const result = execute(subscriptionMachine, snapshot, command);
      if (!result.ok) continue;
      snapshot = result.snapshot;
      if (json.status === 'draft') {
        // The validation webhook answers with the request, its errors written.
        const errors = toConnectRequest(snapshot).asset.params.filter((p) => p.value_error);
        say(`  responds: ${body(errors.map((p) => ({ id: p.id, value_error: p.value_error })))}`);
      } else
        for (const call of connectCalls(command))
          say(`  ${call.method.padEnd(4)} ${call.path} ${body(call.body)}`);
    }
    const request = snapshot.context.pendingRequest ?? snapshot.context.requests.at(-1);
    say(`  now: request ${request?.status}, subscription ${statusOf(snapshot)}`);
    subscriptions.set(json.asset.id, snapshot);
  }
  return lines;
}
