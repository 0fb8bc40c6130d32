import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/api/problem';
import { useProblemText, type ProblemTextOptions } from './use-problem-text';

interface ProblemAlertProps extends ProblemTextOptions {
  error: unknown;
  onRetry?: () => void;
  onReload?: () => void;
}

/** Says what went wrong with a request, in the user's language, with a way forward. */
export function ProblemAlert({ error, onRetry, onReload, explainFieldErrors }: ProblemAlertProps) {
  const { t } = useTranslation();
  const text = useProblemText();
  const conflict = error instanceof ApiError && error.isVersionConflict;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{text(error, { explainFieldErrors })}</MessageBarTitle>
      </MessageBarBody>
      {(onRetry || (conflict && onReload)) && (
        <MessageBarActions>
          {conflict && onReload ? (
            <Button onClick={onReload}>{t('common.reload')}</Button>
          ) : (
            onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>
          )}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
