import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/api/problem';
import { ProblemAlert } from '@/components/problem-alert';

/** The server's wait in whole minutes, when the problem says it (`retryAfterSeconds`). */
function waitMinutes(error: ApiError): number | null {
  const seconds = error.problem.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds / 60) : null;
}

/** Why signing in failed: wrong credentials, too many attempts, or a request that did not get through. */
export function SignInFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 401) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{t('auth.signIn.wrongCredentials')}</MessageBarBody>
      </MessageBar>
    );
  }
  if (error instanceof ApiError && error.status === 429) {
    const minutes = waitMinutes(error);
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('auth.signIn.tooManyTitle')}</MessageBarTitle>
          {minutes === null ? t('auth.signIn.waitAWhile') : t('auth.signIn.waitMinutes', { count: minutes })}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return <ProblemAlert error={error} onRetry={onRetry} />;
}
