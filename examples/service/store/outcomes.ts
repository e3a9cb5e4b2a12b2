/** What the store answers; the HTTP layer maps each kind to a status code. */
import type { Rejection } from 'subscription-machines';

export type Outcome =
  | {
      readonly kind: 'created';
      readonly id: string;
      readonly status: string;
      readonly version: number;
      readonly emitted: readonly unknown[];
    }
  | {
      readonly kind: 'accepted';
      readonly status: string;
      readonly version: number;
      readonly duplicate: boolean;
      readonly emitted: readonly unknown[];
    }
  | { readonly kind: 'rejected'; readonly rejection: Rejection }
  /** The machine refused the input of a creation (`initial` threw a `TypeError`). */
  | { readonly kind: 'invalid-input'; readonly message: string }
  | { readonly kind: 'exists'; readonly id: string }
  | { readonly kind: 'not-found' }
  /** The stored snapshot does not restore: `restore` threw a `SnapshotError`. */
  | { readonly kind: 'corrupt'; readonly message: string }
  /** Every attempt lost the race to other writers of the same subject. */
  | { readonly kind: 'contended'; readonly attempts: number };
