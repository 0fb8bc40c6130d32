import { Button, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useRef } from 'react';
import { ProblemAlert } from '../problem-alert';

const useStyles = makeStyles({
  more: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
  count: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, ':focus': { outlineStyle: 'none' } },
});

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  /** Why the last page could not be loaded; Try again loads it again. */
  error: unknown;
  /** Resolves with whether there is still more after the page it loaded. */
  onLoadMore: () => Promise<{ hasNextPage: boolean }>;
  label: string;
  loadingLabel: string;
  /** How many are shown (and whether that is all), announced as it changes. */
  status: string;
}

/** The foot of a paged list: a button for the next page and the count so far. */
export function LoadMore({ hasMore, loading, error, onLoadMore, label, loadingLabel, status }: LoadMoreProps) {
  const styles = useStyles();
  const countRef = useRef<HTMLSpanElement>(null);
  const loadMore = async () => {
    const result = await onLoadMore();
    // The button goes away with the last page: focus moves to what is said about the end, not to the page.
    if (!result.hasNextPage) countRef.current?.focus();
  };
  return (
    <>
      {error != null && <ProblemAlert error={error} onRetry={() => void loadMore()} />}
      <div className={styles.more}>
        {hasMore && (
          <Button onClick={() => void loadMore()} disabled={loading} icon={loading ? <Spinner size="tiny" /> : undefined}>
            {loading ? loadingLabel : label}
          </Button>
        )}
        <span className={styles.count} ref={countRef} tabIndex={-1} role="status">
          {status}
        </span>
      </div>
    </>
  );
}
