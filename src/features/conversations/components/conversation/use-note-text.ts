import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '@/api/contract/conversation';

/** The names a note may mention; absent ones read as empty rather than as a placeholder. */
const noParams = { agent: '', queue: '', by: '' };

/** A system note in the reader's language, from its code and params; the English body when it has none. */
export function useNoteText() {
  const { t } = useTranslation();
  return useCallback(
    (message: Pick<Message, 'note' | 'body'>) =>
      message.note ? t(`conversations.notes.${message.note.code}`, { ...noParams, ...message.note.params }) : message.body,
    [t],
  );
}
