import { describe, expect, test, vi } from 'vitest';
import { browserStorage, createMockDb, type MockData, type MockStorage } from './db';
import { demoIds, demoSeed, emptySeed } from './seed';

const KEY = 'test-mock-db';

/** Storage that keeps a copy in memory, as localStorage keeps a string. */
function memoryStorage(initial: MockData | null = null) {
  let stored = initial === null ? null : JSON.stringify(initial);
  const storage: MockStorage & { saves: number } = {
    saves: 0,
    load: () => (stored === null ? null : (JSON.parse(stored) as MockData)),
    save(data) {
      storage.saves += 1;
      stored = JSON.stringify(data);
    },
  };
  return storage;
}

function renameFirstAccount(draft: MockData, name: string) {
  draft.accounts[0]!.name = name;
}

describe('createMockDb', () => {
  test('starts from the seed when there is no storage', () => {
    expect(createMockDb(demoSeed).data).toEqual(demoSeed());
    expect(createMockDb(emptySeed).data).toMatchObject({ accounts: [], numbers: [], queues: [], workstreams: [], templates: [] });
    expect(createMockDb(emptySeed).data.session.userId).toBe(demoIds.adminUser);
  });

  test('a write applies the change and returns what the change returns', () => {
    const db = createMockDb(demoSeed);
    const result = db.write((draft) => {
      renameFirstAccount(draft, 'Renamed');
      return 'done';
    });
    expect(result).toBe('done');
    expect(db.data.accounts[0]!.name).toBe('Renamed');
  });

  test('a change that throws leaves nothing behind', () => {
    const storage = memoryStorage();
    const db = createMockDb(demoSeed, storage);
    const before = structuredClone(db.data);
    expect(() =>
      db.write((draft) => {
        renameFirstAccount(draft, 'Half done');
        draft.numbers = [];
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.data).toEqual(before);
    expect(storage.saves).toBe(0);
  });

  test('what a reader holds is not changed by a later write', () => {
    const db = createMockDb(demoSeed);
    const snapshot = db.data;
    db.write((draft) => renameFirstAccount(draft, 'Renamed'));
    expect(snapshot.accounts[0]!.name).toBe(demoSeed().accounts[0]!.name);
  });

  test('reset brings back the seed', () => {
    const db = createMockDb(demoSeed);
    db.write((draft) => {
      draft.accounts = [];
      draft.numbers = [];
    });
    db.reset();
    expect(db.data).toEqual(demoSeed());
  });

  describe('with a storage adapter', () => {
    test('starts from what was stored rather than the seed', () => {
      const stored = { ...emptySeed(), accounts: [{ ...demoSeed().accounts[0]!, name: 'Stored' }] };
      expect(createMockDb(demoSeed, memoryStorage(stored)).data).toEqual(stored);
    });

    test('saves every write, so a new db (a page reload) sees it', () => {
      const storage = memoryStorage();
      const db = createMockDb(demoSeed, storage);
      db.write((draft) => renameFirstAccount(draft, 'Persisted'));
      expect(storage.saves).toBe(1);
      expect(createMockDb(demoSeed, storage).data.accounts[0]!.name).toBe('Persisted');
    });

    test('saves the reset too', () => {
      const storage = memoryStorage();
      const db = createMockDb(demoSeed, storage);
      db.write((draft) => renameFirstAccount(draft, 'Changed'));
      db.reset();
      expect(createMockDb(emptySeed, storage).data).toEqual(demoSeed());
    });
  });
});

describe('browserStorage', () => {
  test('keeps the data in localStorage under its key, across db instances', () => {
    const db = createMockDb(demoSeed, browserStorage(KEY));
    db.write((draft) => renameFirstAccount(draft, 'Survives a reload'));

    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual(db.data);
    expect(createMockDb(demoSeed, browserStorage(KEY)).data.accounts[0]!.name).toBe('Survives a reload');
  });

  test('with nothing stored, starts from the seed', () => {
    expect(createMockDb(demoSeed, browserStorage(KEY)).data).toEqual(demoSeed());
  });

  test.each([
    ['text that is not JSON', '{"accounts": ['],
    ['JSON null', 'null'],
    ['a JSON string', '"hello"'],
    ['a JSON array', '[]'],
    ['an object without the lists', '{}'],
    ['data of another shape', '{"accounts": {}, "numbers": []}'],
    ['a list missing', '{"accounts": []}'],
    ['data from before sign-in existed', '{"accounts": [], "numbers": [], "queues": [], "workstreams": [], "templates": []}'],
    ['a session of another shape', JSON.stringify({ ...emptySeed(), session: { userId: 7 } })],
  ])('corrupted storage (%s) falls back to the seed', (_label, raw) => {
    localStorage.setItem(KEY, raw);
    expect(createMockDb(demoSeed, browserStorage(KEY)).data).toEqual(demoSeed());
  });

  test('storage that cannot be read falls back to the seed', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(createMockDb(demoSeed, browserStorage(KEY)).data).toEqual(demoSeed());
  });

  test('storage that is full or disabled does not break writes: the data just lives in memory', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const db = createMockDb(demoSeed, browserStorage(KEY));
    expect(() => db.write((draft) => renameFirstAccount(draft, 'In memory'))).not.toThrow();
    expect(db.data.accounts[0]!.name).toBe('In memory');
  });

  test('never stores an auth token, only its hint', () => {
    createMockDb(demoSeed, browserStorage(KEY)).reset();
    const stored = localStorage.getItem(KEY)!;
    expect(stored).toContain('authTokenHint');
    expect(stored).not.toMatch(/"authToken"\s*:/);
  });
});
