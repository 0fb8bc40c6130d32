import { describe, expect, test } from 'vitest';
import { byNameThenCreation, byNameThenLanguage, byPriorityThenName, compareCodes, compareNames } from './list-order';

describe('list order', () => {
  test('names compare without regard to case or accents', () => {
    expect(['beta', 'Zeta', 'Alpha'].sort(compareNames)).toEqual(['Alpha', 'beta', 'Zeta']);
    expect(compareNames('élan', 'ELAN')).toBe(0);
  });

  test('codes compare by code unit: "_" after capitals and before lower case', () => {
    expect(['en_GB', 'sv', 'en', 'EN'].sort(compareCodes)).toEqual(['EN', 'en', 'en_GB', 'sv']);
  });

  test('queues by priority, then name, then id', () => {
    const queue = (priority: number, name: string, id: string) => ({ priority, name, id });
    const sorted = [queue(9, 'Zeta', 'a'), queue(2, 'beta', 'b'), queue(2, 'Alpha', 'c'), queue(1, 'Omega', 'd'), queue(2, 'alpha', 'a')].sort(byPriorityThenName);
    expect(sorted.map((q) => `${q.priority} ${q.name} ${q.id}`)).toEqual(['1 Omega d', '2 alpha a', '2 Alpha c', '2 beta b', '9 Zeta a']);
  });

  test('workstreams by name, then creation time', () => {
    const sorted = [
      { name: 'charlie', createdAt: '2025-01-01T00:00:00.000Z' },
      { name: 'Résumé', createdAt: '2025-01-03T00:00:00.000Z' },
      { name: 'resume', createdAt: '2025-01-02T00:00:00.000Z' },
      { name: 'Alpha', createdAt: '2025-01-04T00:00:00.000Z' },
    ].sort(byNameThenCreation);
    expect(sorted.map((w) => w.name)).toEqual(['Alpha', 'charlie', 'resume', 'Résumé']);
  });

  test('templates by name, then language', () => {
    const sorted = [
      { name: 'shipping', language: 'fi' },
      { name: 'alpha', language: 'sv' },
      { name: 'shipping', language: 'en' },
      { name: 'alpha', language: 'en_GB' },
      { name: 'alpha', language: 'en' },
      { name: 'alpha_2', language: 'en' },
    ].sort(byNameThenLanguage);
    expect(sorted.map((t) => `${t.name}/${t.language}`)).toEqual(['alpha/en', 'alpha/en_GB', 'alpha/sv', 'alpha_2/en', 'shipping/en', 'shipping/fi']);
  });
});
