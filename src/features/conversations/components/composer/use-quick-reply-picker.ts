import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { QuickReplyList } from '@/api/contract/conversation';
import { searchQuickReplies } from '@/domain/quick-replies';

export type QuickReplyItem = QuickReplyList['items'][number];

/**
 * How the picker was opened: from its button (it has its own search box, and the reply is
 * inserted at the caret) or by typing "/" (the reply's text box searches, and the reply
 * replaces the "/query").
 */
export type PickerOpening = { via: 'button'; start: number; end: number } | { via: 'slash'; start: number };

/** The quick reply picker's state: open or not, the search, the replies that match and the one chosen with the arrow keys. */
export function useQuickReplyPicker(replies: readonly QuickReplyItem[]) {
  const listId = useId();
  const [opening, setOpening] = useState<PickerOpening | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(
    () => searchQuickReplies(replies.map((reply) => ({ ...reply, body: reply.text })), query),
    [replies, query],
  );
  const activeIndex = Math.min(active, Math.max(matches.length - 1, 0));

  const search = (next: string) => {
    setQuery(next);
    setActive(0);
  };
  const open = (next: PickerOpening, initialQuery = '') => {
    setOpening(next);
    search(initialQuery);
  };
  const close = () => setOpening(null);

  /** Arrow keys move among the matches, Enter chooses, Escape closes; true when the key was the picker's. */
  const handleKey = (event: KeyboardEvent, choose: (reply: QuickReplyItem) => void): boolean => {
    if (opening === null) return false;
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step !== undefined) {
      if (matches.length > 0) setActive((activeIndex + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      const reply = matches[activeIndex];
      if (!reply) return false;
      choose(reply);
    } else if (event.key === 'Escape') {
      close();
    } else {
      return false;
    }
    event.preventDefault();
    event.stopPropagation();
    return true;
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return {
    listId,
    opening,
    query,
    matches,
    activeIndex,
    activeOptionId: opening !== null && matches.length > 0 ? optionId(activeIndex) : undefined,
    optionId,
    open,
    close,
    search,
    setActive,
    handleKey,
  };
}

export type QuickReplyPicker = ReturnType<typeof useQuickReplyPicker>;
