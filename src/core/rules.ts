/**
 * Rules every platform shares, written once.
 */
import { type Rule, refuse } from './rejection';

/**
 * A required reason: missing, empty or blank is `REASON_REQUIRED`, never `INVALID_COMMAND`.
 * `field` is the payload field that carries it (`reason`, `statusNotes`).
 */
export function reasonRequired(field = 'reason'): Rule<unknown, { readonly type: string }> {
  const what = field === 'reason' ? 'a reason' : field;
  return (_, command) => {
    const value = Object.hasOwn(command, field) ? Reflect.get(command, field) : undefined;
    return typeof value === 'string' && value.trim() !== ''
      ? null
      : refuse('REASON_REQUIRED', `${command.type} needs ${what}`);
  };
}
