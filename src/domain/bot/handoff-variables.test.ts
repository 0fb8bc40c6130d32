import { describe, expect, it } from 'vitest';
import { handoffDetail, handoffVariables, ignoredVariablesDetail, MAX_HANDOFF_DETAIL } from './handoff-variables';

const definitions = [
  { name: 'topic', type: 'text' as const },
  { name: 'orderCount', type: 'number' as const },
];

describe('handoffVariables', () => {
  it('keeps the defined variables as text under the workstream’s spelling', () => {
    expect(handoffVariables(definitions, { TOPIC: 'billing', orderCount: 3 })).toEqual({ values: { topic: 'billing', orderCount: '3' }, ignored: [] });
  });

  it('accepts a number written as text for a number variable, and text of any kind for a text one', () => {
    expect(handoffVariables(definitions, { orderCount: ' 12.5 ', topic: true }).values).toEqual({ orderCount: '12.5', topic: 'true' });
  });

  it('ignores names the workstream does not define and values that are not numbers, and names them', () => {
    const result = handoffVariables(definitions, { colour: 'red', orderCount: 'many', topic: 'billing' });
    expect(result.values).toEqual({ topic: 'billing' });
    expect(result.ignored).toEqual([
      { name: 'colour', why: 'unknown' },
      { name: 'orderCount', why: 'notANumber' },
    ]);
    expect(ignoredVariablesDetail(result.ignored)).toBe('ignored: colour (not defined), orderCount (not a number)');
  });

  it('has nothing to say when nothing was ignored', () => {
    expect(handoffVariables(definitions).values).toEqual({});
    expect(ignoredVariablesDetail([])).toBeNull();
  });

  it('refuses a number that is not finite', () => {
    expect(handoffVariables(definitions, { orderCount: Number.POSITIVE_INFINITY }).ignored).toEqual([{ name: 'orderCount', why: 'notANumber' }]);
  });
});

describe('handoffDetail', () => {
  it('joins the parts there are, and keeps what agents read short', () => {
    expect(handoffDetail([null, '', undefined])).toBeNull();
    expect(handoffDetail(['asked for billing', null, 'ignored: colour (not defined)'])).toBe('asked for billing; ignored: colour (not defined)');
    const long = handoffDetail(['ä'.repeat(1000)])!;
    expect(Array.from(long)).toHaveLength(MAX_HANDOFF_DETAIL);
    expect(long.endsWith('…')).toBe(true);
  });
});
