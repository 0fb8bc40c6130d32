import { Body1, Button, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { conversationQueries } from '@/features/conversations/api/conversation-queries';
import { MessageItem } from './message-item';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: 0 },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  log: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxHeight: '60vh',
    overflowY: 'auto',
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  older: { alignSelf: 'center' },
  empty: { color: tokens.colorNeutralForeground2 },
});

/** The messages, oldest at the top; older pages on request, new ones announced as they arrive. */
export function MessageHistory({ conversationId, customer }: { conversationId: string; customer: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const logRef = useRef<HTMLDivElement>(null);
  const history = useInfiniteQuery(conversationQueries.messages(conversationId));
  const messages = history.data ? [...history.data.pages].reverse().flatMap((page) => page.items) : [];
  const newestId = messages.at(-1)?.id;
  const pageCount = history.data?.pages.length ?? 0;
  /** Whether the reader is at the newest messages; someone reading older ones is left where they are. */
  const atBottom = useRef(true);
  /** Distance from the bottom before older messages were added above, to keep the place. */
  const fromBottom = useRef<number | null>(null);

  useEffect(() => {
    const log = logRef.current;
    if (log && newestId && atBottom.current) log.scrollTop = log.scrollHeight;
  }, [newestId]);

  useLayoutEffect(() => {
    const log = logRef.current;
    if (log && fromBottom.current !== null) log.scrollTop = log.scrollHeight - fromBottom.current;
    fromBottom.current = null;
  }, [pageCount]);

  const loadOlder = () => {
    const log = logRef.current;
    if (log) fromBottom.current = log.scrollHeight - log.scrollTop;
    void history.fetchNextPage();
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('conversations.messages.title')}
      </h2>
      {history.isPending && <Spinner label={t('common.loading')} />}
      {history.isError && !history.data && <ProblemAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && (
        // Scrolls on its own, so it takes focus for keyboard scrolling; "log" announces new messages politely.
        <div
          ref={logRef}
          role="log"
          aria-labelledby={headingId}
          tabIndex={0}
          className={styles.log}
          onScroll={(event) => {
            const log = event.currentTarget;
            atBottom.current = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
          }}
        >
          {history.hasNextPage && (
            <Button
              className={styles.older}
              onClick={loadOlder}
              // Focusable while loading: a keyboard user's focus stays on the button.
              disabledFocusable={history.isFetchingNextPage}
              icon={history.isFetchingNextPage ? <Spinner size="tiny" /> : undefined}
            >
              {history.isFetchingNextPage ? t('conversations.messages.loadingOlder') : t('conversations.messages.loadOlder')}
            </Button>
          )}
          {history.isFetchNextPageError && <ProblemAlert error={history.error} onRetry={() => void history.fetchNextPage()} />}
          {messages.length === 0 ? (
            <Body1 className={styles.empty}>{t('conversations.messages.none')}</Body1>
          ) : (
            <ol className={styles.list}>
              {messages.map((message) => (
                <MessageItem key={message.id} message={message} customer={customer} />
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
