/**
 * Which endpoint a request is for. A path is split on `/` before its segments are decoded, so an
 * id may contain an encoded slash.
 */
import { type Hosted, hostedMachine } from '../machines';

export type Route =
  | { readonly endpoint: 'health' }
  | { readonly endpoint: 'create'; readonly hosted: Hosted }
  | { readonly endpoint: 'command'; readonly hosted: Hosted; readonly id: string }
  | {
      readonly endpoint: 'read';
      readonly hosted: Hosted;
      readonly id: string;
      readonly role?: string;
    }
  | { readonly endpoint: 'history'; readonly hosted: Hosted; readonly id: string }
  | { readonly endpoint: 'not-found'; readonly message: string }
  | { readonly endpoint: 'method-not-allowed'; readonly allow: string };

const decode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

export function route(method: string, rawUrl: string): Route {
  const url = new URL(rawUrl, 'http://service.invalid');
  const segments = url.pathname.split('/').slice(1).map(decode);
  // No stored id is empty or holds U+0000 (PostgreSQL's text cannot).
  if (segments.some((s) => s === undefined || s === '' || s.includes('\u0000'))) {
    return { endpoint: 'not-found', message: `no endpoint at ${url.pathname}` };
  }
  const [first, id, last, ...rest] = segments as string[];
  const allow = (expected: string, found: Route): Route =>
    method === expected || (expected === 'GET' && method === 'HEAD')
      ? found
      : { endpoint: 'method-not-allowed', allow: expected };

  if (first === 'health' && id === undefined) return allow('GET', { endpoint: 'health' });
  const hosted = first === undefined ? undefined : hostedMachine(first);
  if (!hosted)
    return { endpoint: 'not-found', message: `no machine ${JSON.stringify(first ?? '')}` };
  if (rest.length > 0) return { endpoint: 'not-found', message: `no endpoint at ${url.pathname}` };
  if (id === undefined) return allow('POST', { endpoint: 'create', hosted });
  if (last === undefined) {
    const role = url.searchParams.get('role') ?? undefined;
    return allow('GET', { endpoint: 'read', hosted, id, ...(role === undefined ? {} : { role }) });
  }
  if (last === 'commands') return allow('POST', { endpoint: 'command', hosted, id });
  if (last === 'history') return allow('GET', { endpoint: 'history', hosted, id });
  return { endpoint: 'not-found', message: `no endpoint at ${url.pathname}` };
}
