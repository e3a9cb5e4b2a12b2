/**
 * Persisted snapshots changed on purpose, for restore's tests.
 */

/** The persisted snapshot with its status moved to `status`, and its last audit entry with it, so
 * that the bookkeeping still adds up and only the machine's own facts can object. */
export function retarget<J extends { readonly status: string; readonly context: unknown }>(
  json: J,
  status: string,
): J {
  const context = json.context as { audit: { to: string }[] };
  const audit = context.audit.map((entry, i, all) =>
    i === all.length - 1 ? { ...entry, to: status } : entry,
  );
  return { ...json, status, context: { ...context, audit } };
}
