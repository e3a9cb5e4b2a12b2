/**
 * Connect's own JSON, both ways: `fromConnectRequest`, `connectCommands`, `toConnectRequest`,
 * `toConnectAsset` and `connectCall(s)` on realistic request JSON (test/connect/fixtures: one per
 * request type and status, shaped after the Connect OpenAPI spec and the processor template's
 * `ff_request.json`, with invented ids).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  capabilitiesFromConnect,
  connectCall,
  connectCalls,
  connectCommands,
  execute,
  fromConnectRequest,
  persist,
  restore,
  type SubscriptionCommand,
  type SubscriptionSnapshot,
  statusOf,
  subscriptionMachine,
  toConnectAsset,
  toConnectRequest,
} from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { reachFrom } from '../support/rules';

const DIR = join(import.meta.dirname, 'fixtures');
/** Every fixture, by name. */
const FIXTURES = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), readFileSync(join(DIR, f), 'utf8')]),
);
// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON, edited freely here
type Json = Record<string, any>;
const fixture = (name: string) => JSON.parse(FIXTURES[name] as string) as Json;
/** `json`, after `change` edited it in place. */
const edited = (json: Json, change: (j: Json) => void) => {
  change(json);
  return json;
};
const OPEN = new Set(['draft', 'tiers_setup', 'pending', 'inquiring', 'scheduled', 'revoking']);

/**
 * The fields the library models, as Connect writes them: `""` for an absent value, quantities as
 * strings, `old_quantity` and `planned_date` where the library keeps them (an open request).
 */
function modeled(json: Json): Json {
  const open = OPEN.has(json.status);
  const param = (p: Json) => ({
    id: p.id,
    phase: p.phase ?? 'configuration',
    type: p.type,
    scope: p.scope,
    value: p.value ?? '',
    value_error: p.value_error ?? '',
    structured_value: p.structured_value,
    constraints: p.constraints,
  });
  return {
    id: json.id,
    type: json.type,
    status: json.status,
    created: json.created,
    updated: json.updated,
    reason: json.reason ?? '',
    effective_date: json.effective_date ?? '',
    planned_date: open ? (json.planned_date ?? '') : '',
    activation_key: json.activation_key ?? '',
    template: json.template?.id,
    asset: {
      id: json.asset.id,
      status: json.asset.status,
      product: json.asset.product?.id,
      connection: json.asset.connection?.type,
      items: (json.asset.items as Json[])
        .filter((i) => open || i.quantity !== '0')
        .map((i) => ({
          id: i.id,
          mpn: i.mpn,
          quantity: i.quantity,
          ...(open ? { old_quantity: i.old_quantity ?? '0' } : {}),
        })),
      params: (json.asset.params as Json[]).map(param),
      configuration: (json.asset.configuration?.params ?? []).map(param),
    },
  };
}

const apply = (snapshot: SubscriptionSnapshot, commands: readonly SubscriptionCommand[]) =>
  reachFrom(subscriptionMachine, snapshot, commands);

describe('the fixtures', () => {
  it('cover every request type and the statuses a processor meets', () => {
    const json = Object.keys(FIXTURES).map(fixture);
    expect(new Set(json.map((j) => j.type))).toEqual(
      new Set([
        'purchase',
        'change',
        'suspend',
        'resume',
        'cancel',
        'adjustment',
        'renew',
        'transfer',
      ]),
    );
    expect(new Set(json.map((j) => j.status))).toEqual(
      new Set([
        'draft',
        'tiers_setup',
        'pending',
        'inquiring',
        'scheduled',
        'revoking',
        'approved',
        'failed',
      ]),
    );
  });
});

describe('fromConnectRequest → toConnectRequest: a round trip on every field the library models', () => {
  const names = Object.keys(FIXTURES).filter((n) => n !== 'purchase-legacy-new');
  it.each(names)('%s', (name) => {
    const json = fixture(name);
    const snapshot = fromConnectRequest(json);
    expect(modeled(toConnectRequest(snapshot) as unknown as Json)).toEqual(modeled(json));
    // A real snapshot: it persists and restores, and re-reading the same JSON changes nothing.
    const text = JSON.stringify(persist(snapshot));
    expect(JSON.stringify(persist(restore(subscriptionMachine, text)))).toBe(text);
    expect(connectCommands(snapshot, json)).toEqual([]);
  });

  it('reads each status into the subscription Connect shows', () => {
    const status = (name: string) => {
      const s = fromConnectRequest(fixture(name));
      const request = s.context.pendingRequest ?? s.context.requests.at(-1);
      return `${statusOf(s)} / ${request?.requestType} ${request?.status}`;
    };
    expect(status('purchase-inquiring')).toBe('processing / purchase inquiring');
    expect(status('purchase-draft-value-errors')).toBe('draft / purchase draft');
    expect(status('purchase-tiers-setup')).toBe('processing / purchase tiers_setup');
    expect(status('change-scheduled')).toBe('active / change scheduled');
    expect(status('cancel-pending')).toBe('terminating / cancel pending');
    expect(status('cancel-revoking')).toBe('terminating / cancel revoking');
    expect(status('suspend-pending-preview')).toBe('active / suspend pending');
    expect(status('resume-pending')).toBe('suspended / resume pending');
    expect(status('purchase-failed')).toBe('terminated / purchase failed');
  });

  it('keeps quantities as Connect writes them: strings, "-1" and "unlimited"', () => {
    const snapshot = fromConnectRequest(fixture('change-scheduled'));
    expect(snapshot.context.request?.items).toEqual([
      { id: 'PRD_276_377_545_0001', mpn: 'MAIL-SEAT', quantity: 40 },
      { id: 'PRD_276_377_545_0002', mpn: 'MAIL-ARCH', quantity: -1 },
    ]);
    expect(snapshot.context.items).toContainEqual({
      id: 'PRD_276_377_545_0002',
      mpn: 'MAIL-ARCH',
      quantity: 'unlimited',
    });
    expect(toConnectRequest(snapshot).asset.items[1]).toMatchObject({
      quantity: '-1',
      old_quantity: 'unlimited',
    });
  });

  it('reads the legacy asset status new as processing, and writes processing', () => {
    const snapshot = fromConnectRequest(fixture('purchase-legacy-new'));
    expect(statusOf(snapshot)).toBe('processing');
    expect(toConnectRequest(snapshot).asset.status).toBe('processing');
  });

  it('honours the product capabilities it is given, and names the one the JSON needs', () => {
    const json = fixture('change-scheduled');
    const capabilities = capabilitiesFromConnect({
      subscription: { change: { scheduling: true } },
    });
    expect(statusOf(fromConnectRequest(json, { capabilities }))).toBe('active');
    expect(() => fromConnectRequest(json, { capabilities: {} })).toThrow(
      'fromConnectRequest: status: a scheduled change request needs options.capabilities.scheduling.change',
    );
  });
});

describe('connectCommands: from one read to the next', () => {
  it('gives each step Connect took between two reads: answered, then approved', () => {
    const snapshot = fromConnectRequest(fixture('purchase-inquiring'));
    const approved = fixture('purchase-approved');
    const commands = connectCommands(snapshot, approved);
    expect(commands.map((c) => `${c.type} by ${c.by.role}`)).toEqual([
      'request.answer by buyer',
      'request.approve by vendor',
    ]);
    const after = apply(snapshot, commands);
    expect(statusOf(after)).toBe('active');
    expect(modeled(toConnectRequest(after) as unknown as Json)).toEqual(modeled(approved));
  });

  it('ticks a scheduled change back to pending, then approves it', () => {
    const snapshot = fromConnectRequest(fixture('change-scheduled'));
    const json = fixture('change-scheduled');
    Object.assign(json, {
      status: 'approved',
      updated: '2026-05-01T06:00:00+00:00',
      template: { id: 'TL-662-440-097' },
    });
    const commands = connectCommands(snapshot, json);
    expect(commands.map((c) => c.type)).toEqual(['clock.tick', 'request.approve']);
    const after = apply(snapshot, commands);
    expect(after.context.items).toEqual([
      { id: 'PRD_276_377_545_0001', mpn: 'MAIL-SEAT', quantity: 40 },
      { id: 'PRD_276_377_545_0002', mpn: 'MAIL-ARCH', quantity: -1 },
    ]);
  });

  it('opens a request the subscription has not seen, after its last one ended', () => {
    const active = fromConnectRequest(fixture('purchase-approved'));
    const commands = connectCommands(active, fixture('cancel-pending'));
    expect(commands.map((c) => `${c.type} by ${c.by.role}`)).toEqual(['request.create by buyer']);
    expect(statusOf(apply(active, commands))).toBe('terminating');
  });

  it('applies the same JSON twice as a no-op, by commandId too', () => {
    const snapshot = fromConnectRequest(fixture('purchase-inquiring'));
    const commands = connectCommands(snapshot, fixture('purchase-approved'));
    expect(new Set(commands.map((c) => c.commandId)).size).toBe(commands.length);
    const once = apply(snapshot, commands);
    expect(connectCommands(once, fixture('purchase-approved'))).toEqual([]);
    for (const command of commands) {
      const again = execute(subscriptionMachine, once, command);
      expect(again).toMatchObject({ ok: true, duplicate: true });
      expect(again.snapshot).toBe(once);
    }
  });

  it('runs the draft validation loop from webhook JSON: edit, validate, edit, submit', () => {
    let snapshot = fromConnectRequest(fixture('purchase-draft-value-errors'));
    const json = fixture('purchase-draft-value-errors');
    const param = (id: string) => json.asset.params.find((p: Json) => p.id === id);
    const read = (updated: string) => {
      json.updated = updated;
      const commands = connectCommands(snapshot, json);
      snapshot = apply(snapshot, commands);
      return commands.map((c) => c.type);
    };
    Object.assign(param('tenant_domain'), { value: 'fabrikam-mail', value_error: '' });
    Object.assign(param('admin_email'), { value: 'admin@fabrikam.example', value_error: '' });
    expect(read('2026-03-03T14:30:00+00:00')).toEqual(['request.update']);
    Object.assign(param('tenant_domain'), { value_error: 'Reserved word' });
    expect(read('2026-03-03T14:30:05+00:00')).toEqual(['request.validate']);
    Object.assign(param('tenant_domain'), { value: 'fabrikam-corp', value_error: '' });
    json.status = 'pending';
    json.asset.status = 'processing';
    expect(read('2026-03-03T14:40:00+00:00')).toEqual(['request.update', 'request.submit']);
    expect(statusOf(snapshot)).toBe('processing');
  });

  it('names the field of JSON it cannot read, and returns nothing', () => {
    const snapshot = fromConnectRequest(fixture('purchase-pending'));
    const before = JSON.stringify(persist(snapshot));
    const broken: [string, (j: Json) => unknown, string][] = [
      ['no asset', (j) => ({ ...j, asset: undefined }), 'asset: expected an object'],
      ['an unknown status', (j) => ({ ...j, status: 'teleported' }), 'status: expected one of'],
      ['an unknown type', (j) => ({ ...j, type: 'upgrade' }), 'type: expected one of'],
      [
        'a fractional quantity',
        (j) =>
          edited(j, (x) => {
            x.asset.items[0].quantity = '2.5';
          }),
        'asset.items[0].quantity: expected a whole quantity',
      ],
      [
        'a string required',
        (j) =>
          edited(j, (x) => {
            x.asset.params[0].constraints.required = 'True';
          }),
        'asset.params[0].constraints.required: expected a boolean',
      ],
      [
        'a parameter without a phase',
        (j) =>
          edited(j, (x) => {
            delete x.asset.params[1].phase;
          }),
        'asset.params[1].phase: expected one of',
      ],
      ['a bad time', (j) => ({ ...j, updated: 'yesterday' }), 'updated: expected an ISO-8601'],
      [
        'an own __proto__ key',
        () => JSON.parse(String(FIXTURES['purchase-pending']).replace('"note"', '"__proto__"')),
        'request.__proto__: is not allowed',
      ],
      [
        'another subscription',
        (j) =>
          edited(j, (x) => {
            x.asset.id = 'AS-0000-0000-0000';
          }),
        'asset.id: AS-0000-0000-0000 is not this subscription',
      ],
      [
        'a state the capabilities do not allow',
        (j) => ({
          ...j,
          status: 'scheduled',
          planned_date: '2026-04-01T00:00:00+00:00',
          updated: '2026-03-02T00:00:00+00:00',
        }),
        'status: PR-5120-0433-8712-001 cannot go on from pending to scheduled',
      ],
      [
        'an approval without a template',
        (j) => ({ ...j, status: 'approved', updated: '2026-03-02T00:00:00+00:00' }),
        'template: an approved request names its template.id or its activation_key',
      ],
    ];
    for (const [name, breakIt, message] of broken) {
      const json = breakIt(fixture('purchase-pending'));
      expect(() => connectCommands(snapshot, json), name).toThrow(TypeError);
      expect(() => connectCommands(snapshot, json), name).toThrow(`connectCommands: ${message}`);
    }
    expect(JSON.stringify(persist(snapshot))).toBe(before);
    expect(() => fromConnectRequest(null)).toThrow(
      'fromConnectRequest: request: expected an object',
    );
  });

  it('refuses to move a closed request, or to skip the end of the open one', () => {
    const approved = fromConnectRequest(fixture('purchase-approved'));
    expect(() => connectCommands(approved, fixture('purchase-pending'))).toThrow(
      'connectCommands: status: PR-5120-0433-8712-001 closed as approved',
    );
    const cancelling = apply(approved, connectCommands(approved, fixture('cancel-pending')));
    expect(() => connectCommands(cancelling, fixture('cancel-failed'))).toThrow(
      'connectCommands: id: PR-5120-0433-8712-006 is not the open request PR-5120-0433-8712-005',
    );
  });
});

describe('toConnectAsset', () => {
  it('writes the subscription with its pending_request', () => {
    const asset = toConnectAsset(fromConnectRequest(fixture('change-scheduled')));
    expect(asset).toMatchObject({
      id: 'AS-5120-0433-8712',
      status: 'active',
      product: { id: 'PRD-276-377-545' },
      connection: { type: 'production' },
      items: [
        { id: 'PRD_276_377_545_0001', mpn: 'MAIL-SEAT', quantity: '25' },
        { id: 'PRD_276_377_545_0002', mpn: 'MAIL-ARCH', quantity: 'unlimited' },
      ],
      configuration: { params: [{ id: 'datacenter', phase: 'configuration', value: 'eu-west' }] },
      pending_request: { id: 'PR-5120-0433-8712-002', type: 'change', status: 'scheduled' },
    });
    expect(
      toConnectAsset(fromConnectRequest(fixture('purchase-approved'))).pending_request,
    ).toBeNull();
  });
});

describe('connectCall: the vendor API call that performs a command', () => {
  const at = '2026-03-02T10:00:00Z';
  const vendor = { role: 'vendor' } as const;
  const PR = 'PR-5120-0433-8712-001';
  it.each<[SubscriptionCommand, string, string, unknown]>([
    [
      { type: 'request.submit', requestId: PR, at, by: { role: 'buyer' } },
      'POST',
      `/requests/${PR}/purchase`,
      {},
    ],
    [
      {
        type: 'request.approve',
        requestId: PR,
        templateId: 'TL-662-440-096',
        effectiveDate: at,
        at,
        by: vendor,
      },
      'POST',
      `/requests/${PR}/approve`,
      { template_id: 'TL-662-440-096', effective_date: at },
    ],
    [
      { type: 'request.approve', requestId: PR, activationTile: '# Ready', at, by: vendor },
      'POST',
      `/requests/${PR}/approve`,
      { activation_tile: '# Ready' },
    ],
    [
      { type: 'request.inquire', requestId: PR, templateId: 'TL-662-440-090', at, by: vendor },
      'POST',
      `/requests/${PR}/inquire`,
      { template_id: 'TL-662-440-090' },
    ],
    [
      {
        type: 'request.validate',
        requestId: PR,
        params: [{ id: 'tenant_domain', valueError: 'Domain taken' }],
        at,
        by: vendor,
      },
      'PUT',
      `/requests/${PR}`,
      { asset: { params: [{ id: 'tenant_domain', value_error: 'Domain taken' }] } },
    ],
    [{ type: 'request.pend', requestId: PR, at, by: vendor }, 'POST', `/requests/${PR}/pend`, {}],
    [
      { type: 'request.fail', requestId: PR, reason: 'Out of stock', at, by: vendor },
      'POST',
      `/requests/${PR}/fail`,
      { reason: 'Out of stock' },
    ],
    [
      {
        type: 'request.schedule',
        requestId: PR,
        plannedDate: '2026-04-01T00:00:00Z',
        at,
        by: vendor,
      },
      'POST',
      `/requests/${PR}/schedule`,
      { planned_date: '2026-04-01T00:00:00Z' },
    ],
    [
      { type: 'request.revoke', requestId: PR, reason: 'Changed plans', at, by: { role: 'buyer' } },
      'POST',
      `/requests/${PR}/revoke`,
      { reason: 'Changed plans' },
    ],
    [
      { type: 'request.confirmRevocation', requestId: PR, at, by: vendor },
      'POST',
      `/requests/${PR}/confirm`,
      {},
    ],
  ])('%o', (command, method, path, body) => {
    expect(connectCall(command)).toEqual({ method, path, body });
  });

  it('has no call for the system’s own moves, nor for a creation it cannot address', () => {
    const system = { role: 'system' } as const;
    expect(connectCall({ type: 'clock.tick', at, by: system })).toBeNull();
    expect(connectCall({ type: 'tierConfig.approve', requestId: PR, at, by: system })).toBeNull();
    expect(
      connectCall({ type: 'request.create', requestId: PR, requestType: 'cancel', at, by: vendor }),
    ).toBeNull();
  });

  it('writes the parameters an approval carries with a PUT first (connectCalls)', () => {
    const approve: SubscriptionCommand = {
      type: 'request.approve',
      requestId: PR,
      templateId: 'TL-662-440-096',
      params: [{ id: 'subscription_id', value: 'CTS-77215' }],
      at,
      by: vendor,
    };
    expect(connectCalls(approve)).toEqual([
      {
        method: 'PUT',
        path: `/requests/${PR}`,
        body: { asset: { params: [{ id: 'subscription_id', value: 'CTS-77215' }] } },
      },
      { method: 'POST', path: `/requests/${PR}/approve`, body: { template_id: 'TL-662-440-096' } },
    ]);
  });

  it('maps tier configuration requests to /tier/config-requests', () => {
    expect(
      connectCall({ type: 'tcr.approve', requestId: 'TCR-1', templateId: 'TL-T1', at, by: vendor }),
    ).toEqual({
      method: 'POST',
      path: '/tier/config-requests/TCR-1/approve',
      body: { template: { id: 'TL-T1' } },
    });
  });
});
