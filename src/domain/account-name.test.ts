import { expect, test } from 'vitest';
import { isSameAccountName } from './account-name';

test('names clash regardless of case and surrounding spaces', () => {
  expect(isSameAccountName('Contoso support', '  CONTOSO SUPPORT\n')).toBe(true);
  expect(isSameAccountName('Äänekoski', 'ÄÄNEKOSKI')).toBe(true);
});

test('different words, or inner spacing, make different names', () => {
  expect(isSameAccountName('Contoso support', 'Contoso sales')).toBe(false);
  expect(isSameAccountName('Contoso support', 'Contoso  support')).toBe(false);
});
