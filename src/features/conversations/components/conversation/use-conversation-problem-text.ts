import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { capacityFullDetail, conversationTakenDetail, notYourConversationDetail } from '@/api/contract/problem-bodies';
import { ApiError } from '@/api/problem';
import { useProblemText } from '@/components/use-problem-text';

/**
 * The refusals of a conversation's actions in the reader's language: the server words them
 * in English (one detail per refusal), so each known one is worded here.
 */
export function useConversationProblemText() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return useCallback(
    (error: unknown): string => {
      const detail = error instanceof ApiError ? error.problem.detail : undefined;
      if (detail === capacityFullDetail) return t('conversations.actions.capacityFull');
      if (detail === conversationTakenDetail) return t('conversations.actions.taken');
      if (detail === notYourConversationDetail) return t('conversations.actions.notYours');
      return problemText(error);
    },
    [problemText, t],
  );
}
