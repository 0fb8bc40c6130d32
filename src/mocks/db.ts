export interface StoredAccount {
  id: string;
  name: string;
  channel: 'whatsapp';
  accountSid: string;
  /** The mock keeps only the hint: a demo never needs the token itself. */
  authTokenHint: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface StoredNumber {
  id: string;
  accountId: string;
  name: string;
  number: string;
  createdAt: string;
  version: number;
}

export interface MockData {
  accounts: StoredAccount[];
  numbers: StoredNumber[];
}

/** Where the demo keeps its data between page loads; tests keep none. */
export interface MockStorage {
  load(): MockData | null;
  save(data: MockData): void;
}

export type MockDb = ReturnType<typeof createMockDb>;

export function createMockDb(seed: () => MockData, storage?: MockStorage) {
  let data: MockData = storage?.load() ?? seed();

  return {
    get data(): Readonly<MockData> {
      return data;
    },
    /** Applies a change and persists it; a change that throws leaves nothing behind. */
    write<T>(change: (draft: MockData) => T): T {
      const draft = structuredClone(data);
      const result = change(draft);
      data = draft;
      storage?.save(data);
      return result;
    },
    reset(): void {
      data = seed();
      storage?.save(data);
    },
  };
}

export function browserStorage(key: string): MockStorage {
  return {
    load() {
      try {
        const raw = localStorage.getItem(key);
        const stored: unknown = raw ? JSON.parse(raw) : null;
        return isMockData(stored) ? stored : null;
      } catch {
        return null;
      }
    },
    save(data) {
      try {
        localStorage.setItem(key, JSON.stringify(data));
      } catch {
        // Storage full or disabled: the demo still works, it just forgets on reload.
      }
    },
  };
}

/** Checks the outline only: enough that a stray or half-written value cannot break the demo. */
function isMockData(value: unknown): value is MockData {
  if (typeof value !== 'object' || value === null) return false;
  const { accounts, numbers } = value as Partial<Record<keyof MockData, unknown>>;
  return Array.isArray(accounts) && Array.isArray(numbers);
}
