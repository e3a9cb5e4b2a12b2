import { describe, expect, it } from 'vitest';
import { isMarketplaceId } from '../../src/marketplace';
import { orderIdSchema } from '../../src/marketplace/ids';

describe('Marketplace ids', () => {
  it.each([
    ['SUB', 'SUB-2119-4550-8674-5962', true],
    ['ORD', 'ORD-0000-0000-0000-0001', true],
    ['AGR', 'AGR-2119-4550-8674-0001', true],
    ['SUB', 'ORD-2119-4550-8674-5962', false],
    ['SUB', 'SUB-2119-4550-8674', false],
    ['SUB', 'SUB-2119-4550-8674-59620', false],
    ['SUB', ' SUB-2119-4550-8674-5962', false],
    ['ORD', 'ORD-211a-4550-8674-5962', false],
    ['AGR', 42, false],
  ] as const)('%s %j → %s', (kind, value, valid) => {
    expect(isMarketplaceId(kind, value)).toBe(valid);
  });

  it('names the path and the expected form', () => {
    expect(orderIdSchema('ORD-1', 'orderId')).toBe(
      'orderId: expected ORD-dddd-dddd-dddd-dddd, got "ORD-1"',
    );
    expect(orderIdSchema(undefined, '')).toBe(
      'value: expected ORD-dddd-dddd-dddd-dddd, got undefined',
    );
  });
});
