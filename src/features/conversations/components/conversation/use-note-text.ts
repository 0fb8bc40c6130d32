import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { handoffReasons, type HandoffReason, type Message } from '@/api/contract/conversation';

/** The names a note may mention; absent ones read as empty rather than as a placeholder. */
const noParams = { agent: '', queue: '', by: '', bot: '', reason: '', detail: '' };

const isHandoffReason = (value: string | undefined): value is HandoffReason => (handoffReasons as readonly (string | undefined)[]).includes(value);

/** A system note in the reader's language, from its code and params; the English body when it has none. */
export function useNoteText() {
  const { t } = useTranslation();
  return useCallback(
    (message: Pick<Message, 'note' | 'body'>) => {
      if (!message.note) return message.body;
      const params = { ...noParams, ...message.note.params };
      if (message.note.code === 'botHandedOver') {
        // The reason is a code: worded here, so a Finnish reader does not get the English sentence.
        const reason = isHandoffReason(params.reason) ? t(`conversations.handoffReasons.${params.reason}`) : params.reason;
        return t(params.detail ? 'conversations.notes.botHandedOverDetail' : 'conversations.notes.botHandedOver', { ...params, reason });
      }
      return t(`conversations.notes.${message.note.code}`, params);
    },
    [t],
  );
}
