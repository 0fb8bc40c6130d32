import { defaultRangeExtractor, observeElementRect, useVirtualizer, type Rect } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { Message } from '@/api/contract/conversation';

/** A row's first guess before it is measured: a short text message with its header. */
const ESTIMATED_ROW_HEIGHT = 90;
/** The space between rows, as the list's own gap (tokens.spacingVerticalM). */
const ROW_GAP = 12;
/** Within this distance of the bottom the reader is at the newest message, and new ones follow. */
const AT_NEWEST = 80;
/** The size assumed while the log has none (before layout, or in a DOM without layout): a window of rows still renders. */
const SIZELESS_RECT: Rect = { width: 640, height: 480 };

interface MessageWindowOptions {
  logRef: RefObject<HTMLDivElement | null>;
  messages: Message[];
}

/**
 * Renders only the rows near the view. Anchored at the end, as a chat is: older pages added
 * above keep the reader's place, and new messages are followed only by a reader at the bottom.
 */
export function useMessageWindow({ logRef, messages }: MessageWindowOptions) {
  /** The message holding keyboard focus stays rendered, so focus is not lost when it scrolls out of view. */
  const focusedId = useRef<string | null>(null);
  // The app is not built with React Compiler; the virtualizer re-renders its host itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => logRef.current,
    getItemKey: (index) => messages[index]?.id ?? index,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    gap: ROW_GAP,
    overscan: 6,
    // The log's own padding, kept inside the list so the rows' offsets are the log's.
    paddingStart: ROW_GAP,
    paddingEnd: ROW_GAP,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: AT_NEWEST,
    initialRect: SIZELESS_RECT,
    // Rows are measured as they mount, inside React's commit, where a synchronous re-render cannot run.
    useFlushSync: false,
    observeElementRect: (instance, report) => observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : SIZELESS_RECT)),
    rangeExtractor: (range) => {
      const rows = defaultRangeExtractor(range);
      const focused = focusedId.current === null ? -1 : messages.findIndex((m) => m.id === focusedId.current);
      return focused === -1 || rows.includes(focused) ? rows : [...rows, focused].sort((a, b) => a - b);
    },
  });
  const rows = virtualizer.getVirtualItems();

  // Opens at the newest message; afterwards the virtualizer's anchoring keeps the place.
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (opened.current || messages.length === 0) return;
    opened.current = true;
    virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
  }, [messages.length, virtualizer]);

  return {
    virtualizer,
    rows,
    /** Notes the message holding focus (null when focus left the list). */
    onRowFocus: (id: string | null) => {
      focusedId.current = id;
    },
  };
}
