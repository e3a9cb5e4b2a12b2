/**
 * The load: concurrent clients, each on its own connection, sending commands to a set of Connect
 * subscriptions. The mix has blind commands (the service retries a lost race), commands with an
 * `expectedVersion` that is often stale, out-of-order commands, the same new command sent twice at
 * once, and replays of commands accepted long ago. Every answer goes into a ledger; a command is
 * resent with the same body until it gets a definitive answer (a network error or a 5xx is not
 * one), which is what lets a client ride through a killed service.
 */
import { Client } from './client';
import { EARLIER_AT, nextCommand, type RequestState } from './connect';

export interface Answered {
  readonly status: number;
  readonly duplicate?: boolean;
  readonly version?: number;
  readonly code?: string;
  readonly emitted?: readonly unknown[];
}

export interface Sent {
  readonly commandId: string;
  readonly subject: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly answers: Answered[];
  /** Times it was resent after getting no definitive answer. */
  resends?: number;
}

export class Ledger {
  readonly sent = new Map<string, Sent>();
  /** Requests that got no definitive answer: a network error or a 5xx, then resent. */
  transient = 0;
  /** Answers 500 or more other than 503: the service failed. Never expected. */
  serverErrors = 0;
  /** What the first of those were, to tell a failure from a fault a test caused. */
  readonly transientErrors: string[] = [];
  /** Of those, the 503s of a contended subject. */
  contended = 0;
  /** Requests sent, resends and replays included. */
  requests = 0;
  /** Answers from a service that lost a race and retried the command (`x-write-attempts` > 1). */
  lostRaces = 0;
  /** Commands that were replays of accepted ones. */
  replays = 0;
  /** Commands answered definitively at least once. */
  settled = 0;

  /** Command ids with a 200 answer: accepted, now or before. */
  accepted(): Sent[] {
    return [...this.sent.values()].filter((s) => s.answers.some((a) => a.status === 200));
  }
}

export interface LoadOptions {
  /** The service's current URL (it changes when a test restarts the service). */
  readonly baseUrl: () => string;
  readonly subjects: readonly string[];
  readonly clients: number;
  /** Commands to send in all, replays of accepted ones included (resends after errors are not). */
  readonly commands: number;
  readonly seed?: number;
  /**
   * The share of answers the clients drop and resend, as if the connection had died after the
   * service committed (default 0).
   */
  readonly loseAnswers?: number;
  /** Called after each definitive answer (the fault tests kill the service from here). */
  readonly onSettled?: (ledger: Ledger) => void;
}

/** A small seeded generator (mulberry32), so a failing run can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Belief {
  version: number;
  request: RequestState;
}

export async function runLoad(options: LoadOptions): Promise<Ledger> {
  const ledger = new Ledger();
  const rng = random(options.seed ?? 20_260_105);
  const beliefs = new Map<string, Belief>(
    options.subjects.map((s) => [s, { version: 1, request: 'pending' }]),
  );
  let issued = 0;
  const deadline = Date.now() + 10 * 60_000;

  /** Sends until the answer is definitive; records every definitive answer. */
  async function deliver(client: Client, sent: Sent): Promise<Answered> {
    for (;;) {
      if (Date.now() > deadline) throw new Error(`no definitive answer for ${sent.commandId}`);
      ledger.requests++;
      try {
        const url = `${options.baseUrl()}/connect/${encodeURIComponent(sent.subject)}/commands`;
        const answer = await client.post(url, sent.body);
        if (answer.status >= 500) {
          ledger.transient++;
          sent.resends = (sent.resends ?? 0) + 1;
          if (ledger.transientErrors.length < 10) ledger.transientErrors.push(answer.text);
          if (answer.status === 503) ledger.contended++;
          else ledger.serverErrors++;
          await sleep(20);
          continue;
        }
        if (Number(answer.headers['x-write-attempts'] ?? 1) > 1) ledger.lostRaces++;
        if (rng() < (options.loseAnswers ?? 0)) throw new Error('answer dropped by the client');
        const b = answer.body ?? {};
        const answered: Answered = {
          status: answer.status,
          ...(answer.status === 200
            ? { duplicate: b.duplicate, version: b.version, emitted: b.emitted }
            : { code: b.code, ...(b.details?.version ? { version: b.details.version } : {}) }),
        };
        if (sent.answers.length === 0) ledger.settled++;
        sent.answers.push(answered);
        options.onSettled?.(ledger);
        return answered;
      } catch (error) {
        ledger.transient++;
        sent.resends = (sent.resends ?? 0) + 1;
        if (ledger.transientErrors.length < 10) ledger.transientErrors.push(String(error));
        await sleep(100); // the service is down or restarting
      }
    }
  }

  /** What the clients believe about a subject after an answer. */
  async function learn(client: Client, subject: string, answered: Answered): Promise<void> {
    const belief = beliefs.get(subject) as Belief;
    if (answered.status === 200 && !answered.duplicate && answered.version !== undefined) {
      belief.version = Math.max(belief.version, answered.version);
      for (const event of answered.emitted ?? []) {
        const e = event as { type: string; to?: RequestState };
        if (e.type === 'request.changed' && e.to) belief.request = e.to;
      }
    } else if (answered.status === 409 && answered.version !== undefined) {
      belief.version = Math.max(belief.version, answered.version);
    } else if (answered.status === 422) {
      // Refused for the state it is in: look, as a client would.
      try {
        const read = await client.send(
          `${options.baseUrl()}/connect/${encodeURIComponent(subject)}?role=vendor`,
        );
        if (read.status === 200) {
          belief.version = read.body.version;
          belief.request = read.body.availableCommands.includes('request.inquire')
            ? 'pending'
            : 'inquiring';
        }
      } catch {
        // down; the next answer teaches us
      }
    }
  }

  async function worker(index: number): Promise<void> {
    const client = new Client();
    const twin = new Client();
    try {
      while (issued < options.commands) {
        const n = issued++;
        const roll = rng();
        const accepted = roll < 0.1 ? ledger.accepted() : [];
        if (accepted.length > 0) {
          // A retry of a command accepted before, perhaps long before: must answer duplicate.
          const old = accepted[Math.floor(rng() * accepted.length)] as Sent;
          ledger.replays++;
          await deliver(client, old);
          continue;
        }
        const subject = options.subjects[Math.floor(rng() * options.subjects.length)] as string;
        const belief = beliefs.get(subject) as Belief;
        const commandId = `load-${index}-${n}`;
        const body = nextCommand(subject, belief.request, commandId, {
          ...(roll < 0.4 ? { expectedVersion: belief.version } : {}),
          ...(roll >= 0.4 && roll < 0.45 ? { at: EARLIER_AT } : {}),
        });
        const sent: Sent = { commandId, subject, body, answers: [] };
        ledger.sent.set(commandId, sent);
        if (roll >= 0.45 && roll < 0.5) {
          // The same command twice at once, on two connections: one applies, one is a duplicate.
          const [a, b] = await Promise.all([deliver(client, sent), deliver(twin, sent)]);
          await learn(client, subject, a);
          await learn(client, subject, b);
        } else {
          await learn(client, subject, await deliver(client, sent));
        }
      }
    } finally {
      client.close();
      twin.close();
    }
  }

  await Promise.all(Array.from({ length: options.clients }, (_, i) => worker(i)));
  return ledger;
}
