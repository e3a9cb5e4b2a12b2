/**
 * The HTTP service over a database: `createService(db)` returns a `node:http` request listener.
 * Refusals by a machine answer with the rejection itself as the body (409 for STALE_VERSION, 422
 * otherwise); refusals by the service answer `{ code, message }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Rejection } from 'subscription-machines';
import type { Db } from './db/db';
import { readJsonBody } from './http/body';
import { problem, reply } from './http/reply';
import { route } from './http/routes';
import { sendCommand } from './store/commands';
import { createSubject } from './store/create';
import type { Outcome } from './store/outcomes';
import { readHistory, readView } from './store/read';
import { Timings } from './timings';

export interface ServiceOptions {
  /** Told after every commit that added events to the outbox (the in-process relay listens). */
  readonly onOutbox?: () => void;
  /** Attempts per command before a contended subject answers 503 (default 10). */
  readonly maxAttempts?: number;
  /** Where unexpected errors are reported (default `console.error`). */
  readonly logError?: (error: unknown) => void;
}

export type Listener = (request: IncomingMessage, response: ServerResponse) => void;

const rejectionStatus = (rejection: Rejection): number =>
  rejection.code === 'STALE_VERSION' ? 409 : 422;

/** The status code and body of a store outcome. */
function answer(outcome: Outcome): { status: number; body: unknown } {
  switch (outcome.kind) {
    case 'created': {
      const { id, status, version, emitted } = outcome;
      return { status: 201, body: { id, status, version, emitted } };
    }
    case 'accepted': {
      const { status, version, duplicate, emitted } = outcome;
      return { status: 200, body: { status, version, duplicate, emitted } };
    }
    case 'rejected':
      return { status: rejectionStatus(outcome.rejection), body: outcome.rejection };
    case 'invalid-input':
      return { status: 422, body: problem('INVALID_INPUT', outcome.message) };
    case 'exists':
      return { status: 409, body: problem('ALREADY_EXISTS', `${outcome.id} exists already`) };
    case 'not-found':
      return { status: 404, body: problem('NOT_FOUND', 'no such subject') };
    case 'corrupt':
      return { status: 500, body: problem('SNAPSHOT_INVALID', outcome.message) };
    case 'contended':
      return {
        status: 503,
        body: problem('CONTENDED', `the subject changed under ${outcome.attempts} attempts`),
      };
  }
}

export function createService(db: Db, options: ServiceOptions = {}): Listener {
  const logError = options.logError ?? ((error: unknown) => console.error(error));

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const found = route(request.method ?? 'GET', request.url ?? '/');
    const timings = new Timings();
    const timed = () => ({
      headers: {
        'server-timing': timings.header(),
        ...(timings.attempts > 0 ? { 'x-write-attempts': String(timings.attempts) } : {}),
      },
    });
    switch (found.endpoint) {
      case 'not-found':
        request.resume();
        return reply(response, 404, problem('NOT_FOUND', found.message));
      case 'method-not-allowed':
        request.resume();
        return reply(response, 405, problem('METHOD_NOT_ALLOWED', `use ${found.allow}`), {
          headers: { allow: found.allow },
        });
      case 'health': {
        const ready = await db.query('SELECT 1').then(
          () => true,
          () => false,
        );
        return reply(response, ready ? 200 : 503, { ok: ready });
      }
      case 'read': {
        const read = await readView(db, found.hosted, found.id, found.role, timings);
        if (read.kind === 'found') return reply(response, 200, read.view, timed());
        const { status, body } = answer(read);
        return reply(response, status, body, timed());
      }
      case 'history': {
        const entries = await readHistory(db, found.hosted, found.id);
        if (!entries) return reply(response, 404, problem('NOT_FOUND', 'no such subject'));
        // The entries are stored as JSON text: they are answered as they are.
        return reply(response, 200, `{"entries":[${entries.join(',')}]}`);
      }
      case 'create':
      case 'command': {
        const body = await readJsonBody(request);
        if (!body.ok) {
          return reply(response, body.status, problem(body.code, body.message), {
            close: body.close === true,
          });
        }
        const outcome =
          found.endpoint === 'create'
            ? await createSubject(db, found.hosted, body.value, timings)
            : await sendCommand(
                db,
                found.hosted,
                found.id,
                body.value,
                timings,
                options.maxAttempts,
              );
        if ((outcome.kind === 'created' || outcome.kind === 'accepted') && outcome.emitted.length) {
          options.onOutbox?.();
        }
        const { status, body: answered } = answer(outcome);
        return reply(response, status, answered, timed());
      }
    }
  }

  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      logError(error);
      if (!response.headersSent) {
        reply(response, 500, problem('INTERNAL', 'the service failed'));
      } else response.destroy();
    });
  };
}
