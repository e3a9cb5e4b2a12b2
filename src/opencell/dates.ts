/**
 * Comparing the instants the subscription records. Every date here already passed the command or
 * context schemas, so it parses; the comparison is by instant, never by text.
 */
import { compareInstants } from '../core/time';

/** `a` is at or before `b`. */
export const atOrBefore = (a: string, b: string): boolean => compareInstants(a, b) <= 0;

/** The later of two instants (the first when they are the same instant). */
export const latest = (a: string, b: string): string => (compareInstants(b, a) > 0 ? b : a);
