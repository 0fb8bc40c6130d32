import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { conversationQueries } from '@/resources/conversations';
import { replaceRange, slashCommandAt } from './slash-command';
import { useQuickReplyPicker, type QuickReplyItem } from './use-quick-reply-picker';

const noReplies: QuickReplyItem[] = [];

interface ReplyText {
  /** The reply as typed now. */
  text: string;
  read: () => string;
  write: (text: string) => void;
}

/**
 * Quick replies wired to the reply's text box: the picker's button inserts at the caret the
 * box last had; "/" at the start of a line opens the picker on the box itself, and the chosen
 * reply replaces the "/query". After an insertion the caret goes after the inserted text.
 */
export function useReplyQuickReplies(conversationId: string, reply: ReplyText) {
  const replies = useQuery(conversationQueries.quickReplies(conversationId)).data?.items ?? noReplies;
  const picker = useQuickReplyPicker(replies);
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const lastSelection = useRef<{ start: number; end: number } | null>(null);
  // The line whose "/" the agent dismissed with Escape: typing on in it does not reopen the picker.
  const dismissedSlash = useRef<number | null>(null);
  const pendingCaret = useRef<number | null>(null);
  const slashOpen = picker.opening?.via === 'slash';

  useEffect(() => {
    const caret = pendingCaret.current;
    if (caret === null || !textareaRef.current) return;
    pendingCaret.current = null;
    textareaRef.current.focus();
    textareaRef.current.setSelectionRange(caret, caret);
  }, [reply.text]);

  // A "/" typed before the replies arrived opens the picker once they do.
  const hasReplies = replies.length > 0;
  useEffect(() => {
    const box = textareaRef.current;
    if (!hasReplies || !box || document.activeElement !== box) return;
    const command = slashCommandAt(box.value, box.selectionStart);
    if (command !== null) picker.open({ via: 'slash', start: command.start }, command.query);
    // Only the arrival of the replies matters here; typing is handled by onTextChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hasReplies]);

  const insert = (chosen: QuickReplyItem) => {
    const opening = picker.opening;
    if (!opening) return;
    const range = opening.via === 'slash' ? { start: opening.start, end: opening.start + 1 + picker.query.length } : opening;
    const inserted = replaceRange(reply.read(), range, chosen.text);
    picker.close();
    lastSelection.current = null;
    pendingCaret.current = inserted.caret;
    reply.write(inserted.text);
  };

  return {
    replies,
    picker,
    textareaRef,
    buttonRef,
    slashOpen,
    insert,
    /** The text box changed: a "/query" at the caret opens or narrows the picker. */
    onTextChange: (text: string, caret: number) => {
      if (replies.length === 0) return;
      const command = slashCommandAt(text, caret);
      if (command === null || command.start !== dismissedSlash.current) dismissedSlash.current = null;
      if (command === null || dismissedSlash.current !== null) {
        if (slashOpen) picker.close();
      } else if (slashOpen) {
        picker.search(command.query);
      } else {
        picker.open({ via: 'slash', start: command.start }, command.query);
      }
    },
    onTextBlur: (selection: { start: number; end: number }) => {
      lastSelection.current = selection;
      if (slashOpen) picker.close();
    },
    /** The picker's keys while "/" has it open; true when the key was the picker's. */
    onTextKeyDown: (event: KeyboardEvent) => {
      if (!slashOpen) return false;
      const escaping = event.key === 'Escape';
      const start = picker.opening?.start ?? null;
      const handled = picker.handleKey(event, insert);
      if (handled && escaping) dismissedSlash.current = start;
      return handled;
    },
    toggleSearch: () => {
      if (picker.opening?.via === 'button') return picker.close();
      const text = reply.read();
      picker.open({ via: 'button', ...(lastSelection.current ?? { start: text.length, end: text.length }) });
    },
    closeSearch: () => {
      picker.close();
      buttonRef.current?.focus();
    },
  };
}
