import { describe, expect, it } from 'vitest';
import { handoffVariables, ignoredVariablesDetail } from './handoff-variables';

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
