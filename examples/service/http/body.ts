/**
 * Reading a request's JSON body at the edge: the content type must be JSON, the body at most
 * `limit` bytes of UTF-8, and the text must parse. The value is handed on as `JSON.parse` made it:
 * a `__proto__` key stays an own key (it never becomes a prototype), for the library to refuse.
 */
import type { IncomingMessage } from 'node:http';

/** 1 MB. */
export const BODY_LIMIT = 1024 * 1024;
/** Past this, an oversized body is no longer read to its end: the connection is closed instead. */
const DRAIN_LIMIT = 16 * BODY_LIMIT;

export type Body =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly status: 400 | 413 | 415;
      readonly code: string;
      readonly message: string;
      /** The body was not read to its end: the connection must close after the answer. */
      readonly close?: boolean;
    };

/** `application/json`, with or without parameters; a charset, when given, must be UTF-8. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => {
    const [name, value = ''] = param.split('=').map((part) => part.trim());
    return name !== 'charset' || ['utf-8', 'utf8', '"utf-8"'].includes(value);
  });
}

const refusal = (status: 400 | 413 | 415, code: string, message: string, close = false): Body => ({
  ok: false,
  status,
  code,
  message,
  ...(close ? { close } : {}),
});

const tooLarge = (close: boolean) =>
  refusal(413, 'PAYLOAD_TOO_LARGE', `the body is over ${BODY_LIMIT} bytes`, close);

/**
 * The body's bytes, when there are at most `limit` of them. An oversized body is still read to its
 * end, up to a bound, so the client gets its 413 rather than a reset connection.
 */
function readBytes(
  request: IncomingMessage,
  limit: number,
): Promise<{ readonly bytes: Buffer } | { readonly refusal: Body }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: { bytes: Buffer } | { refusal: Body }) => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) {
        request.pause();
        settle({ refusal: tooLarge(true) });
      }
    };
    request.on('data', onData);
    request.once('end', () =>
      settle(size > limit ? { refusal: tooLarge(false) } : { bytes: Buffer.concat(chunks) }),
    );
    request.once('error', () =>
      settle({ refusal: refusal(400, 'BAD_REQUEST', 'the body could not be read', true) }),
    );
    request.once('close', () =>
      settle({ refusal: refusal(400, 'BAD_REQUEST', 'the body ended early', true) }),
    );
  });
}

/** Reads and parses the body, or says why it cannot be used. */
export async function readJsonBody(request: IncomingMessage, limit = BODY_LIMIT): Promise<Body> {
  if (!isJsonContentType(request.headers['content-type'])) {
    request.resume();
    return refusal(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `the content type must be application/json, got ${JSON.stringify(request.headers['content-type'] ?? null)}`,
    );
  }
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > DRAIN_LIMIT) return tooLarge(true);

  const read = await readBytes(request, limit);
  if ('refusal' in read) return read.refusal;

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    return refusal(400, 'INVALID_JSON', 'the body is not valid UTF-8');
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return refusal(400, 'INVALID_JSON', `the body is not JSON: ${(error as Error).message}`);
  }
}
