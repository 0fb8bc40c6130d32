import { Body1, Button, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { conversationQueries } from '@/resources/conversations';
import { MessageItem } from './message-item';
import { useMessageWindow } from './use-message-window';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: 0 },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  log: {
    maxHeight: '60vh',
    overflowY: 'auto',
    // The list keeps the reader's place itself; the browser's own anchoring would fight it.
    overflowAnchor: 'none',
    paddingInline: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  // Its height is that of all rows, measured or estimated; only the rows near the view exist.
  list: { listStyleType: 'none', margin: 0, padding: 0, position: 'relative' },
  older: { alignSelf: 'center' },
  empty: { display: 'block', paddingBlock: tokens.spacingVerticalM, color: tokens.colorNeutralForeground2 },
});

/** Older messages load once the reader is this close to the top, so that scrolling up rarely waits. */
const NEAR_TOP = 600;

/** The message of the row an event comes from, if any. */
const rowMessageId = (target: EventTarget | null, messages: { id: string }[]) => {
  const row = target instanceof Element ? target.closest<HTMLElement>('[data-index]') : null;
  return row ? (messages[Number(row.dataset.index)]?.id ?? null) : null;
};

/** The messages, oldest at the top; older pages on request or on scrolling up, new ones announced as they arrive. */
export function MessageHistory({ conversationId, customer }: { conversationId: string; customer: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const logRef = useRef<HTMLDivElement>(null);
  const history = useInfiniteQuery(conversationQueries.messages(conversationId));
  const pages = history.data?.pages;
  const messages = useMemo(() => (pages ? [...pages].reverse().flatMap((page) => page.items) : []), [pages]);
  const { virtualizer, rows, onRowFocus } = useMessageWindow({ logRef, messages });
  const canLoadOlder = history.hasNextPage && !history.isFetchingNextPage && !history.isFetchNextPageError;
  const setSize = history.hasNextPage ? -1 : messages.length;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('conversations.messages.title')}
      </h2>
      {history.isPending && <Spinner label={t('common.loading')} />}
      {history.isError && !history.data && <ProblemAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.hasNextPage && (
        <Button
          className={styles.older}
          onClick={() => void history.fetchNextPage()}
          // Focusable while loading: a keyboard user's focus stays on the button.
          disabledFocusable={history.isFetchingNextPage}
          icon={history.isFetchingNextPage ? <Spinner size="tiny" /> : undefined}
        >
          {history.isFetchingNextPage ? t('conversations.messages.loadingOlder') : t('conversations.messages.loadOlder')}
        </Button>
      )}
      {history.isFetchNextPageError && <ProblemAlert error={history.error} onRetry={() => void history.fetchNextPage()} />}
      {history.data && (
        // Scrolls on its own, so it takes focus for keyboard scrolling; "log" announces new messages politely,
        // but not the rows that scrolling or older pages bring in (busy meanwhile).
        <div
          ref={logRef}
          role="log"
          aria-labelledby={headingId}
          aria-busy={virtualizer.isScrolling || history.isFetchingNextPage}
          tabIndex={0}
          className={styles.log}
          onScroll={(event) => {
            if (canLoadOlder && event.currentTarget.scrollTop < NEAR_TOP) void history.fetchNextPage();
          }}
        >
          {messages.length === 0 ? (
            <Body1 className={styles.empty}>{t('conversations.messages.none')}</Body1>
          ) : (
            <ol
              className={styles.list}
              style={{ height: virtualizer.getTotalSize() }}
              onFocus={(event: FocusEvent) => onRowFocus(rowMessageId(event.target, messages))}
              onBlur={(event: FocusEvent) => {
                if (!event.currentTarget.contains(event.relatedTarget)) onRowFocus(null);
              }}
            >
              {rows.map((row) => (
                <MessageItem
                  key={row.key}
                  ref={virtualizer.measureElement}
                  message={messages[row.index]!}
                  customer={customer}
                  index={row.index}
                  start={row.start}
                  setSize={setSize}
                />
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
