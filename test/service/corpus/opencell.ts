/** Bad commands for an Opencell subscription (CREATED). */
import type { BadCommand, BadInput } from './types';
import { json } from './types';

const T0 = '2026-01-01T00:00:00Z';
const T1 = '2026-01-02T00:00:00Z';
const operator = { role: 'operator', id: 'jane' };

export const opencellEdgeInput = {
  code: 'SUB-EDGE-42',
  offerCode: 'OF_BASIC',
  consumerId: 'CUST-1',
  at: T0,
  by: operator,
  products: [{ code: 'PR_DATA', quantity: 1 }],
};

const activate = { type: 'subscription.activate', at: T1, by: operator };
const cases: [string, unknown, BadCommand['code']][] = [
  ['a number', 7, 'INVALID_COMMAND'],
  ['an unknown key in by', { ...activate, by: { ...operator, team: 'x' } }, 'INVALID_COMMAND'],
  [
    '__proto__ at the top',
    json(
      `{"type":"subscription.activate","at":"${T1}","by":{"role":"operator"},"__proto__":{"x":1}}`,
    ),
    'INVALID_COMMAND',
  ],
  [
    '__proto__ in an amendment change',
    json(
      `{"type":"amendment.submit","at":"${T1}","by":{"role":"operator"},"amendmentId":"AM-1","effectiveDate":"${T1}","changes":[{"op":"add","product":{"code":"PR_X","quantity":1,"__proto__":{}}}]}`,
    ),
    'INVALID_COMMAND',
  ],
  ['a Connect role', { ...activate, by: { role: 'vendor' } }, 'INVALID_COMMAND'],
  ['the system activates', { ...activate, by: { role: 'system' } }, 'FORBIDDEN_ROLE'],
  [
    'suspend a created subscription',
    { type: 'subscription.suspend', at: T1, by: operator, reason: 'x' },
    'INVALID_STATE',
  ],
  [
    'cancel with a blank reason',
    { type: 'subscription.cancel', at: T1, by: operator, reason: '  ' },
    'REASON_REQUIRED',
  ],
  [
    'an unknown amendment op',
    {
      type: 'amendment.submit',
      at: T1,
      by: operator,
      amendmentId: 'AM-2',
      effectiveDate: T1,
      changes: [{ op: 'explode' }],
    },
    'INVALID_COMMAND',
  ],
  ['a stale expectedVersion', { ...activate, expectedVersion: 2 }, 'STALE_VERSION'],
  ['out of order', { ...activate, at: '2025-12-31T00:00:00Z' }, 'OUT_OF_ORDER'],
];

export const opencellCommands: BadCommand[] = [
  ...cases.map(([name, command, code]) => ({
    machine: 'opencell' as const,
    name,
    input: opencellEdgeInput,
    command,
    code,
  })),
  {
    machine: 'opencell',
    name: 'a termination dated before the subscription',
    input: opencellEdgeInput,
    setup: [activate],
    command: {
      type: 'subscription.terminate',
      at: T1,
      by: operator,
      terminationDate: '2025-06-01T00:00:00Z',
      reason: 'churn',
    },
    code: 'INVALID_DATE',
  },
];

export const opencellInputs: BadInput[] = [
  { machine: 'opencell', name: 'no code', input: { ...opencellEdgeInput, code: undefined } },
  {
    machine: 'opencell',
    name: 'a quantity below zero',
    input: { ...opencellEdgeInput, products: [{ code: 'PR_DATA', quantity: -1 }] },
  },
];
