import { MessageBar, MessageBarBody, Spinner, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/api/problem';
import { ProblemAlert } from './problem-alert';
import { RouterLink } from './router-link';

const useStyles = makeStyles({
  message: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM, maxWidth: '72ch' },
});

interface LoadByIdProps<T> {
  /** The record once loaded; loaded data wins over a later failed refetch. */
  data: T | undefined;
  /** Why it could not be loaded; a 404 reads as "not found". Null while loading. */
  error: unknown;
  onRetry: () => void;
  /** The way back to where the record is listed. */
  back?: { to: string; label: string };
  /** A page heading shown over the failure, for pages whose own heading is in the record. */
  heading?: string;
  children: (data: T) => ReactNode;
}

/**
 * The gate of a page about one record: loading, not found, failed (with Try again), and
 * then the page with the record. The page renders only with its data, so a form there
 * takes it as default values and never has to catch up with it.
 */
export function LoadById<T>({ data, error, onRetry, back, heading, children }: LoadByIdProps<T>) {
  const { t } = useTranslation();
  const styles = useStyles();
  // Loaded data wins over a later failed refetch: forms, and what is typed in them, stay.
  if (data !== undefined) return <>{children(data)}</>;
  if (error == null) return <Spinner label={t('common.loading')} />;
  const gone = error instanceof ApiError && error.status === 404;
  return (
    <div className={styles.message}>
      {heading && <Title2 as="h1">{heading}</Title2>}
      {gone ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('errors.notFound')}</MessageBarBody>
        </MessageBar>
      ) : (
        <ProblemAlert error={error} onRetry={onRetry} />
      )}
      {back && <RouterLink to={back.to}>{back.label}</RouterLink>}
    </div>
  );
}
