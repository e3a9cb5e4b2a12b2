/**
 * Rules every platform shares, written once.
 */
import { type Rule, refuse } from './rejection';
import type { AnyCommand } from './spec';

/**
 * A required reason (SPEC.md "Required reasons"): missing, empty or blank is `REASON_REQUIRED`,
 * never `INVALID_COMMAND`. `field` is the payload field that carries it (`reason`, `statusNotes`).
 */
export function reasonRequired(field = 'reason'): Rule<unknown, AnyCommand> {
  const what = field === 'reason' ? 'a reason' : field;
  return (_, command) => {
    const value = (command as unknown as Record<string, unknown>)[field];
    return typeof value === 'string' && value.trim() !== ''
      ? null
      : refuse('REASON_REQUIRED', `${command.type} needs ${what}`);
  };
}
