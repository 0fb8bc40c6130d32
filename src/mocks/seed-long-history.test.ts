import { describe, expect, test } from 'vitest';
import { messagePage } from './conversations-db';
import { demoSeed } from './seed';
import { demoConversationIds, seededMediaBytes } from './seed-conversations';
import { LONG_HISTORY_LENGTH, longHistoryDrafts } from './seed-long-history';

describe('the long demo conversation', () => {
  test('has 1,000 messages of both directions over weeks, paged like any other, with photos the store serves', () => {
    const data = demoSeed();
    const messages = data.messages.filter((m) => m.conversationId === demoConversationIds.noahLongHistory);
    expect(messages).toHaveLength(LONG_HISTORY_LENGTH);
    expect(new Set(messages.map((m) => m.direction))).toEqual(new Set(['inbound', 'outbound']));
    const days = (Date.parse(messages.at(-1)!.createdAt) - Date.parse(messages[0]!.createdAt)) / 86_400_000;
    expect(days).toBeGreaterThan(30);

    let pages = 0;
    let before: string | null = null;
    do {
      const page: ReturnType<typeof messagePage> = messagePage(data, demoConversationIds.noahLongHistory, before, 100);
      pages += 1;
      before = page!.previousCursor;
    } while (before !== null);
    expect(pages).toBe(10);

    const photos = messages.flatMap((m) => m.media);
    expect(photos.length).toBeGreaterThan(0);
    for (const photo of photos) {
      expect(seededMediaBytes[photo.id]).toBeDefined();
      expect(data.media.find((m) => m.id === photo.id)?.conversationId).toBe(demoConversationIds.noahLongHistory);
    }
  });

  test('a shorter history is of the same kind, and the same each time', () => {
    const end = Date.UTC(2026, 0, 15, 12);
    expect(longHistoryDrafts(end, 50)).toHaveLength(50);
    expect(longHistoryDrafts(end, 50)).toEqual(longHistoryDrafts(end, 50));
    expect(longHistoryDrafts(end, 50).at(-1)).toMatchObject({ at: end, direction: 'outbound' });
  });
});
