/**
 * Every refusal code the Opencell subscription can produce, with `explain` agreeing with
 * `execute` (and the actor, through `both`). The codes it never produces are listed at the end.
 */
import { explain, REJECTION_CODES, type RejectionCode } from 'subscription-machines';
import { OPENCELL_REJECTION_CODES, type OpencellCommand } from 'subscription-machines/opencell';
import { describe, expect, it } from 'vitest';
import { activate, both, day, machine, operator, system } from './fixtures';

const submit = (id: string, n: number, date: string, changes: unknown): OpencellCommand =>
  ({
    type: 'amendment.submit',
    at: day(n),
    by: operator,
    amendmentId: id,
    effectiveDate: date,
    changes,
  }) as OpencellCommand;
const removeLater = submit('AMD-RM', 2, day(30), [{ op: 'remove', productCode: 'PR_VOICE' }]);

const cases: {
  code: RejectionCode;
  why: string;
  setup: OpencellCommand[];
  command: OpencellCommand;
  details?: object;
  /** What the user reads, for the refusals the subscription's own rules word. */
  message?: string;
}[] = [
  {
    code: 'INVALID_COMMAND',
    why: 'effectiveDate is not a timestamp',
    message:
      'amendment.submit: effectiveDate: expected an ISO-8601 timestamp with a zone designator, got "2026-02-30"',
    setup: [activate(1)],
    command: submit('AMD-1', 2, '2026-02-30', [{ op: 'remove', productCode: 'PR_VOICE' }]),
    details: { field: 'effectiveDate' },
  },
  {
    code: 'INVALID_COMMAND',
    why: 'an unknown role',
    setup: [],
    command: {
      type: 'subscription.activate',
      at: day(1),
      by: { role: 'buyer' },
    } as unknown as OpencellCommand,
    details: { field: 'by.role' },
  },
  {
    code: 'INVALID_COMMAND',
    why: 'an amendment with no change',
    message: 'amendment.submit: changes: expected at least one change',
    setup: [activate(1)],
    command: submit('AMD-1', 2, day(2), []),
    details: { field: 'changes' },
  },
  {
    code: 'INVALID_COMMAND',
    why: 'a change to a product the subscription does not have',
    message: 'amendment.submit: changes[0]: product PR_NONE is not on the subscription',
    setup: [activate(1)],
    command: submit('AMD-1', 2, day(2), [{ op: 'update', productCode: 'PR_NONE', quantity: 2 }]),
    details: { field: 'changes[0]' },
  },
  {
    code: 'INVALID_COMMAND',
    why: 'a removal now that would leave a pending removal nothing to remove',
    message:
      'product.deactivate would leave pending amendment AMD-RM unable to apply: product PR_VOICE is not on the subscription',
    setup: [activate(1), removeLater],
    command: { type: 'product.deactivate', at: day(3), by: operator, productCode: 'PR_VOICE' },
    details: { amendmentId: 'AMD-RM' },
  },
  {
    code: 'INVALID_COMMAND',
    why: 'adding a product that is already on the subscription',
    message: 'product.add: product.code: product PR_DATA is already on the subscription',
    setup: [activate(1)],
    command: {
      type: 'product.add',
      at: day(3),
      by: operator,
      product: { code: 'PR_DATA', quantity: 1 },
    },
    details: { field: 'product.code' },
  },
  {
    code: 'INVALID_COMMAND',
    why: 'an owner transfer to the current owner',
    message: 'the subscription already belongs to CUST-1',
    setup: [activate(1)],
    command: { type: 'owner.transfer', at: day(3), by: operator, consumerId: 'CUST-1' },
    details: { field: 'consumerId' },
  },
  {
    code: 'STALE_VERSION',
    why: 'expectedVersion is behind',
    setup: [activate(1)],
    command: { type: 'subscription.suspend', at: day(3), by: operator, expectedVersion: 1 },
    details: { version: 2 },
  },
  {
    code: 'OUT_OF_ORDER',
    why: '`at` before the last change',
    setup: [activate(5)],
    command: { type: 'subscription.suspend', at: day(4), by: operator },
    details: { updatedAt: day(5) },
  },
  {
    code: 'FORBIDDEN_ROLE',
    why: 'the system suspending',
    setup: [activate(1)],
    command: { type: 'subscription.suspend', at: day(3), by: system },
  },
  {
    code: 'FORBIDDEN_ROLE',
    why: 'the operator moving the clock',
    setup: [activate(1)],
    command: { type: 'clock.tick', at: day(3), by: operator },
  },
  {
    code: 'INVALID_STATE',
    why: 'an offer change before activation',
    message: 'offer.change is not allowed in CREATED',
    setup: [],
    command: {
      type: 'offer.change',
      at: day(1),
      by: operator,
      offerCode: 'OF_PRO',
      effectiveDate: day(9),
    },
  },
  {
    code: 'UNKNOWN_REQUEST',
    why: 'cancelling an amendment that is not pending',
    message: 'AMD-NONE is not a pending amendment',
    setup: [activate(1)],
    command: { type: 'amendment.cancel', at: day(3), by: operator, amendmentId: 'AMD-NONE' },
  },
  {
    code: 'DUPLICATE_REQUEST',
    why: 'an amendment id used before',
    message: 'amendment AMD-RM was submitted before',
    setup: [activate(1), removeLater],
    command: submit('AMD-RM', 3, day(40), [{ op: 'update', productCode: 'PR_DATA', quantity: 2 }]),
    details: { amendmentId: 'AMD-RM' },
  },
  {
    code: 'REASON_REQUIRED',
    why: 'a cancellation without a reason (its type requires one; the JSON may lack it)',
    message: 'subscription.cancel needs a reason',
    setup: [],
    command: {
      type: 'subscription.cancel',
      at: day(1),
      by: operator,
    } as unknown as OpencellCommand,
  },
  {
    code: 'INVALID_DATE',
    why: 'an offer change effective before the current version began',
    message:
      "effectiveDate 2025-12-31T00:00:00Z must be after version 1's validFrom 2026-01-01T00:00:00Z",
    setup: [activate(1)],
    command: {
      type: 'offer.change',
      at: day(3),
      by: operator,
      offerCode: 'OF_PRO',
      effectiveDate: '2025-12-31T00:00:00Z',
    },
  },
  {
    code: 'INVALID_DATE',
    why: 'an amendment dated before the last recorded change',
    message:
      "effectiveDate 2026-01-05T00:00:00Z is before the subscription's last change at 2026-01-06T00:00:00Z",
    setup: [activate(5)],
    command: submit('AMD-1', 6, day(4), [{ op: 'remove', productCode: 'PR_VOICE' }]),
  },
];

describe('rejection codes', () => {
  it.each(cases)('$code: $why', ({ code, setup, command, details, message }) => {
    const { snapshot, results } = both([...setup, command]);
    const result = results.at(-1);
    expect(result?.ok).toBe(false);
    if (result?.ok !== false) return;
    expect(result.rejection).toMatchObject({ code, command, status: snapshot.value });
    if (details) expect(result.rejection.details).toMatchObject(details);
    if (message) expect(result.rejection.message).toBe(message);
    const before = both(setup).snapshot;
    expect(explain(machine, before, command)).toEqual(result.rejection);
  });

  it('a repeated commandId is a successful no-op, as the fixed order of checks says', () => {
    const command = { ...removeLater, commandId: 'cmd-1' };
    const { results } = both([activate(1), command, { ...command, at: day(3) }]);
    expect(results.at(-1)).toMatchObject({ ok: true, duplicate: true, emitted: [] });
    expect(results.at(-1)?.snapshot).toBe(results.at(-2)?.snapshot);
  });

  it('produces every code of OPENCELL_REJECTION_CODES, and those only', () => {
    const produced = new Set(cases.map((c) => c.code));
    expect([...OPENCELL_REJECTION_CODES].filter((code) => !produced.has(code))).toEqual([]);
    const others = REJECTION_CODES.filter(
      (code) => !OPENCELL_REJECTION_CODES.includes(code as never),
    );
    expect(others).toEqual([
      'CAPABILITY_DISABLED',
      'REQUEST_IN_PROGRESS',
      'REQUIRED_PARAMETERS_MISSING',
      'NO_PARAMETER_ERRORS',
    ]);
  });
});
