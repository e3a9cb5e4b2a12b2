/**
 * The lists an Opencell subscription keeps as windows: the most recent entries of each list that
 * grows with its history (closed amendments, suspensions, owner transfers, versions, TERMINATED
 * products and each product's suspended intervals). The full history is the host's: it appends
 * every `audit.recorded` entry to its own log. So a snapshot's size, and a command's cost, do not
 * grow with the number of commands a subscription has seen.
 */

/** How many entries each history list keeps. */
export const HISTORY_WINDOW = 20;

/** `list` with `added` appended, keeping the last {@link HISTORY_WINDOW} entries. */
export function appendKept<T>(list: readonly T[], ...added: readonly T[]): readonly T[] {
  const all = added.length === 0 ? list : [...list, ...added];
  return all.length > HISTORY_WINDOW ? all.slice(all.length - HISTORY_WINDOW) : all;
}

/** `list` with its last entry replaced by `update(last)`, without copying it twice. */
export function withLast<T>(list: readonly T[], update: (last: T) => T): readonly T[] {
  const last = list[list.length - 1];
  return last === undefined ? list : [...list.slice(0, -1), update(last)];
}
