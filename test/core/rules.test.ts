/** The rules every platform shares (src/core/rules.ts). */
import { describe, expect, it } from 'vitest';
import { reasonRequired } from '../../src/core/rules';

describe('reasonRequired', () => {
  it('refuses a missing, empty or blank reason with REASON_REQUIRED naming the command', () => {
    const rule = reasonRequired();
    for (const command of [
      { type: 'subscription.cancel' },
      { type: 'subscription.cancel', reason: '' },
      { type: 'subscription.cancel', reason: ' \t' },
      { type: 'subscription.cancel', reason: 7 },
    ]) {
      expect(rule(null, command)).toStrictEqual({
        code: 'REASON_REQUIRED',
        message: 'subscription.cancel needs a reason',
      });
    }
    expect(rule(null, { type: 'subscription.cancel', reason: 'moved' } as never)).toBeNull();
  });

  it('names another field it reads, and reads only an own one', () => {
    const rule = reasonRequired('statusNotes');
    expect(rule(null, { type: 'order.fail' })?.message).toBe('order.fail needs statusNotes');
    expect(rule(null, { type: 'order.fail', statusNotes: 'out of stock' } as never)).toBeNull();
    const inherited = Object.create({ statusNotes: 'from a prototype' }) as { type: string };
    inherited.type = 'order.fail';
    expect(rule(null, inherited)?.code).toBe('REASON_REQUIRED');
  });
});
