/** Bad commands for a Connect subscription whose purchase request is pending. */
import type { BadCommand, BadInput } from './types';
import { json } from './types';

const T0 = '2026-01-05T09:00:00Z';
const T1 = '2026-01-06T09:00:00Z';
const REQUEST = 'PR-EDGE-0001-001';

export const connectEdgeInput = {
  id: 'AS-EDGE-0001',
  purchaseRequestId: REQUEST,
  at: T0,
  by: { role: 'buyer' },
  params: [
    { id: 'email', phase: 'ordering', value: 'it@contoso.example', required: true },
    { id: 'tenant', phase: 'fulfillment', required: true },
  ],
};

/** A well-formed inquiry: every case below breaks one thing about it. */
const inquire = {
  type: 'request.inquire',
  requestId: REQUEST,
  at: T1,
  by: { role: 'vendor' },
  params: [{ id: 'email', valueError: 'unreachable' }],
};
const base = JSON.stringify(inquire).slice(1, -1); // its fields, to splice raw JSON around

const cases: [string, unknown, BadCommand['code']][] = [
  ['null body', null, 'INVALID_COMMAND'],
  ['an array', [inquire], 'INVALID_COMMAND'],
  ['an empty array', [], 'INVALID_COMMAND'],
  ['a number', 42, 'INVALID_COMMAND'],
  ['a string', 'request.inquire', 'INVALID_COMMAND'],
  ['true', true, 'INVALID_COMMAND'],
  ['an empty object', {}, 'INVALID_COMMAND'],
  ['an unknown type', { ...inquire, type: 'request.explode' }, 'INVALID_COMMAND'],
  ['no type', { ...inquire, type: undefined }, 'INVALID_COMMAND'],
  ['an unknown key', { ...inquire, colour: 'red' }, 'INVALID_COMMAND'],
  ['an unknown key in by', { ...inquire, by: { role: 'vendor', team: 'x' } }, 'INVALID_COMMAND'],
  [
    'an unknown key in a parameter',
    { ...inquire, params: [{ id: 'email', valueError: 'x', hint: 'y' }] },
    'INVALID_COMMAND',
  ],
  ['__proto__ at the top', json(`{${base},"__proto__":{"admin":true}}`), 'INVALID_COMMAND'],
  ['__proto__ as null', json(`{${base},"__proto__":null}`), 'INVALID_COMMAND'],
  [
    '__proto__ carrying a required field',
    json(
      `{"type":"request.inquire","requestId":"${REQUEST}","by":{"role":"vendor"},"params":[{"id":"email","valueError":"x"}],"__proto__":{"at":"${T1}"}}`,
    ),
    'INVALID_COMMAND',
  ],
  [
    '__proto__ in by',
    json(
      `{"type":"request.inquire","requestId":"${REQUEST}","at":"${T1}","by":{"role":"vendor","__proto__":{"role":"system"}},"params":[{"id":"email","valueError":"x"}]}`,
    ),
    'INVALID_COMMAND',
  ],
  [
    '__proto__ in a parameter',
    json(
      `{"type":"request.inquire","requestId":"${REQUEST}","at":"${T1}","by":{"role":"vendor"},"params":[{"id":"email","valueError":"x","__proto__":{"value":"y"}}]}`,
    ),
    'INVALID_COMMAND',
  ],
  ['constructor at the top', json(`{${base},"constructor":{"name":"x"}}`), 'INVALID_COMMAND'],
  ['toString at the top', { ...inquire, toString: 'x' }, 'INVALID_COMMAND'],
  [
    'constructor in by',
    json(
      `{"type":"request.inquire","requestId":"${REQUEST}","at":"${T1}","by":{"role":"vendor","constructor":1},"params":[{"id":"email","valueError":"x"}]}`,
    ),
    'INVALID_COMMAND',
  ],
  [
    'prototype in a parameter',
    json(
      `{"type":"request.inquire","requestId":"${REQUEST}","at":"${T1}","by":{"role":"vendor"},"params":[{"id":"email","valueError":"x","prototype":{}}]}`,
    ),
    'INVALID_COMMAND',
  ],
  ['at is a number', { ...inquire, at: Date.parse(T1) }, 'INVALID_COMMAND'],
  ['at without a zone', { ...inquire, at: '2026-01-06T09:00:00' }, 'INVALID_COMMAND'],
  ['at on February 30', { ...inquire, at: '2026-02-30T09:00:00Z' }, 'INVALID_COMMAND'],
  ['at is not a date', { ...inquire, at: 'tomorrow' }, 'INVALID_COMMAND'],
  ['at is empty', { ...inquire, at: '' }, 'INVALID_COMMAND'],
  ['no at', { ...inquire, at: undefined }, 'INVALID_COMMAND'],
  ['by is a string', { ...inquire, by: 'vendor' }, 'INVALID_COMMAND'],
  ['no by', { ...inquire, by: undefined }, 'INVALID_COMMAND'],
  ['a role the platform does not have', { ...inquire, by: { role: 'admin' } }, 'INVALID_COMMAND'],
  ['a role that is a number', { ...inquire, by: { role: 1 } }, 'INVALID_COMMAND'],
  ['commandId is a number', { ...inquire, commandId: 7 }, 'INVALID_COMMAND'],
  ['commandId is an object', { ...inquire, commandId: { id: 'c' } }, 'INVALID_COMMAND'],
  ['expectedVersion is a string', { ...inquire, expectedVersion: '1' }, 'INVALID_COMMAND'],
  ['expectedVersion is fractional', { ...inquire, expectedVersion: 1.5 }, 'INVALID_COMMAND'],
  ['expectedVersion is negative', { ...inquire, expectedVersion: -1 }, 'INVALID_COMMAND'],
  ['requestId is a number', { ...inquire, requestId: 1 }, 'INVALID_COMMAND'],
  ['params is an object', { ...inquire, params: { email: 'x' } }, 'INVALID_COMMAND'],
  [
    'params nested deeply',
    { ...inquire, params: json(`${'['.repeat(64)}${']'.repeat(64)}`) },
    'INVALID_COMMAND',
  ],
  ['the buyer inquires', { ...inquire, by: { role: 'buyer' } }, 'FORBIDDEN_ROLE'],
  [
    'pend a pending request',
    { type: 'request.pend', requestId: REQUEST, at: T1, by: { role: 'vendor' } },
    'INVALID_STATE',
  ],
  ['a stale expectedVersion', { ...inquire, expectedVersion: 7 }, 'STALE_VERSION'],
  ['expectedVersion zero', { ...inquire, expectedVersion: 0 }, 'STALE_VERSION'],
  ['out of order', { ...inquire, at: '2026-01-01T00:00:00Z' }, 'OUT_OF_ORDER'],
  ['another request', { ...inquire, requestId: 'PR-EDGE-0001-999' }, 'UNKNOWN_REQUEST'],
  [
    'fail with an empty reason',
    { type: 'request.fail', requestId: REQUEST, at: T1, by: { role: 'vendor' }, reason: '' },
    'REASON_REQUIRED',
  ],
  [
    'fail with a blank reason',
    { type: 'request.fail', requestId: REQUEST, at: T1, by: { role: 'vendor' }, reason: ' \t ' },
    'REASON_REQUIRED',
  ],
  [
    'fail without a reason',
    { type: 'request.fail', requestId: REQUEST, at: T1, by: { role: 'vendor' } },
    'REASON_REQUIRED',
  ],
  [
    'approve without the fulfillment parameter',
    {
      type: 'request.approve',
      requestId: REQUEST,
      at: T1,
      by: { role: 'vendor' },
      templateId: 'TL-1',
    },
    'REQUIRED_PARAMETERS_MISSING',
  ],
  ['inquire with no parameter error', { ...inquire, params: [] }, 'NO_PARAMETER_ERRORS'],
  [
    'schedule without the capability',
    {
      type: 'request.schedule',
      requestId: REQUEST,
      at: T1,
      by: { role: 'vendor' },
      plannedDate: '2026-02-01T00:00:00Z',
    },
    'CAPABILITY_DISABLED',
  ],
];

export const connectCommands: BadCommand[] = [
  ...cases.map(([name, command, code]) => ({
    machine: 'connect' as const,
    name,
    input: connectEdgeInput,
    command,
    code,
  })),
  {
    machine: 'connect',
    name: 'a new request on a terminated subscription',
    input: connectEdgeInput,
    setup: [
      {
        type: 'request.fail',
        requestId: REQUEST,
        at: T1,
        by: { role: 'vendor' },
        reason: 'no stock',
      },
    ],
    command: {
      type: 'request.create',
      requestId: 'PR-EDGE-0001-002',
      requestType: 'change',
      at: T1,
      by: { role: 'buyer' },
    },
    code: 'INVALID_STATE',
  },
];

const inputCases: [string, unknown][] = [
  ['null', null],
  ['an array', [connectEdgeInput]],
  ['a string', 'AS-EDGE-0002'],
  ['an empty object', {}],
  ['an unknown key', { ...connectEdgeInput, colour: 'red' }],
  ['an id that is a number', { ...connectEdgeInput, id: 2 }],
  ['at without a zone', { ...connectEdgeInput, at: '2026-01-05T09:00:00' }],
  ['a role the platform does not have', { ...connectEdgeInput, by: { role: 'admin' } }],
  [
    'a quantity that is a word',
    { ...connectEdgeInput, items: [{ id: 'SKU-1', quantity: 'lots' }] },
  ],
  ['an unknown capability', { ...connectEdgeInput, capabilities: { teleport: true } }],
  [
    '__proto__ in by',
    json(
      `{"id":"AS-EDGE-0003","purchaseRequestId":"PR-EDGE-0003-001","at":"${T0}","by":{"role":"buyer","__proto__":{"x":1}}}`,
    ),
  ],
];

export const connectInputs: BadInput[] = inputCases.map(([name, input]) => ({
  machine: 'connect',
  name,
  input,
}));
