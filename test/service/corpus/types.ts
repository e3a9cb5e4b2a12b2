/**
 * The shape of a bad-input case, as the edge test reads it. Any corpus of this shape plugs in
 * through `index.ts`.
 */
import type { RejectionCode } from 'subscription-machines';

/** A machine by its name in the service's URLs. */
export type MachineName = 'connect' | 'marketplace-subscription' | 'marketplace-order' | 'opencell';

export interface BadCommand {
  readonly machine: MachineName;
  readonly name: string;
  /** The subject's input, as `POST /:machine` takes it. */
  readonly input: unknown;
  /** Commands that are each accepted, bringing the subject to the state the case needs. */
  readonly setup?: readonly unknown[];
  /**
   * The bad command: any JSON value, sent as `JSON.stringify` writes it. Build `__proto__` keys
   * with `JSON.parse`, so that they are own keys, as they are in a parsed HTTP body.
   */
  readonly command: unknown;
  /** The rejection code the library answers: 409 for STALE_VERSION, 422 for the others. */
  readonly code: RejectionCode;
}

export interface BadInput {
  readonly machine: MachineName;
  readonly name: string;
  /** Sent as the body of `POST /:machine`: 422, and no subject is created. */
  readonly input: unknown;
}

/** `JSON.parse(text)`: a value with own `__proto__` keys, as a parsed body has them. */
export const json = (text: string): unknown => JSON.parse(text);
