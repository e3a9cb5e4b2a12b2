/**
 * The worked processor of docs/connect.md (examples/processor): it runs on its request JSON, makes
 * the decisions and API calls the guide describes, and the guide shows its output as it is.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcessor } from '../../examples/processor/processor';

const lines = runProcessor(undefined, () => {});
const output = lines.join('\n');
/** The lines printed for one request file. */
const section = (file: string) => {
  const start = lines.findIndex((l) => l.startsWith(`${file}:`));
  const end = lines.indexOf('', start);
  return lines.slice(start, end === -1 ? undefined : end);
};

describe('examples/processor', () => {
  it('inquires about a refused value, with the PUT of its value_error first', () => {
    expect(section('1-purchase-pending.json')).toEqual(
      expect.arrayContaining([
        '  PUT  /requests/PR-1101-2202-3303-001 {"asset":{"params":[{"id":"admin_email","value_error":"Not a mailbox: add the domain, e.g. .com"}]}}',
        '  POST /requests/PR-1101-2202-3303-001/inquire {"template_id":"TL-662-440-090"}',
        '  now: request inquiring, subscription processing',
      ]),
    );
  });

  it('catches up with the buyer’s answer on the next read, then approves', () => {
    const lines = section('3-purchase-pending-answered.json');
    expect(lines).toContain('  caught up: request.answer (buyer)');
    expect(lines.at(-1)).toBe('  now: request approved, subscription active');
  });

  it('approves a resume request on a preview subscription (Subscription Resumption)', () => {
    expect(section('5-resume-pending-preview.json')).toEqual(
      expect.arrayContaining([
        '  POST /requests/PR-7707-8808-9909-003/approve {"template_id":"TL-662-440-096"}',
        '  now: request approved, subscription active',
      ]),
    );
  });

  it('fails a change above the plan, answers the validation webhook, and leaves what explain refuses', () => {
    expect(section('6-change-pending.json')).toContain(
      '  POST /requests/PR-4404-5505-6606-002/fail {"reason":"The plan allows 30 seats; 40 were asked"}',
    );
    expect(section('8-purchase-draft-validation.json')).toContain(
      '  responds: [{"id":"tenant_domain","value_error":"The domain admin is taken or reserved"}]',
    );
    const refused = section('9-purchase-pending-provisioning.json');
    expect(refused.some((l) => l.includes('REQUIRED_PARAMETERS_MISSING'))).toBe(true);
    expect(refused.at(-1)).toBe('  now: request pending, subscription processing');
  });

  it('is shown in docs/connect.md exactly as it prints', () => {
    const guide = readFileSync(resolve(import.meta.dirname, '../../docs/connect.md'), 'utf8');
    const shown =
      /<!-- processor-output:start -->\n```text\n([\s\S]*?)\n```\n<!-- processor-output:end -->/.exec(
        guide,
      );
    expect(shown?.[1]).toBe(output);
  });
});
