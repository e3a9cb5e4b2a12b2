/** JSON answers. */
import type { ServerResponse } from 'node:http';

export interface ReplyOptions {
  readonly headers?: Readonly<Record<string, string>>;
  /** Close the connection after the answer (the request body was not read to its end). */
  readonly close?: boolean;
}

/** Answers `status` with `body` as JSON. `body` may be JSON text already. */
export function reply(
  response: ServerResponse,
  status: number,
  body: unknown,
  options: ReplyOptions = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...(options.close ? { connection: 'close' } : {}),
    ...options.headers,
  });
  response.end(text);
}

/** A refusal by the service itself (not by a machine): `{ code, message }`. */
export const problem = (code: string, message: string) => ({ code, message });
