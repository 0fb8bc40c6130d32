import { Body1, Button, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useEffect, type ComponentProps, type ReactElement, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../empty-state';
import { LinkButton } from '../link-button';
import { ProblemAlert } from '../problem-alert';
import { useDocumentTitle } from '../use-document-title';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  headerTop: { alignItems: 'flex-start' },
  heading: { ...typographyStyles.title2, margin: 0, ':focus': { outlineStyle: 'none' } },
  intro: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
});

/** The page's way to add a record: a page of its own (a link), or a dialog here (a button). */
export type CreateAction = { label: string; to: string } | { label: string; onClick: () => void; icon: ReactElement };

export interface ListPageProps<T> {
  title: string;
  intro: string;
  maxWidth?: string;
  introMaxWidth?: string;
  /**
   * Focus lands here when `focusHeading` is set (arriving from a create) and when the page
   * moves it after a delete, since the row and its button are gone.
   */
  headingRef?: RefObject<HTMLHeadingElement | null>;
  focusHeading?: boolean;
  create?: CreateAction;
  /** Beside the heading, at its top (a live status). */
  aside?: ReactNode;
  filters?: ReactNode;
  /** Undefined while loading or after a failed load. */
  items: T[] | undefined;
  /** Shown only while there is nothing to show: loaded data wins over a failed refetch. */
  error: unknown;
  onRetry: () => void;
  /** What the page says when the list is empty; with a link create action, the way to start. */
  empty?: { icon: ComponentProps<typeof EmptyState>['icon']; title: string; body: string };
  /** The table, and whatever goes under it, for a list that is not empty. */
  children: (items: T[]) => ReactNode;
}

/** The frame of every list of records: heading, intro, create, filters, loading, failure, empty, table. */
export function ListPage<T>({
  title,
  intro,
  maxWidth = '1200px',
  introMaxWidth = '80ch',
  headingRef,
  focusHeading = false,
  create,
  aside,
  filters,
  items,
  error,
  onRetry,
  empty,
  children,
}: ListPageProps<T>) {
  const { t } = useTranslation();
  const styles = useStyles();
  useDocumentTitle(title);

  // Arriving from a create: focus starts at the top of this page, not on the button pressed there.
  useEffect(() => {
    if (focusHeading) headingRef?.current?.focus();
  }, [focusHeading, headingRef]);

  const isEmpty = items !== undefined && items.length === 0;
  // A link to create lives in the empty state while the list is empty, in the header once it is not.
  const createInEmptyState = create !== undefined && 'to' in create && empty !== undefined;
  const showCreate = create !== undefined && (!createInEmptyState || (items !== undefined && items.length > 0));

  return (
    <div className={styles.root} style={{ maxWidth }}>
      <div className={aside ? `${styles.header} ${styles.headerTop}` : styles.header}>
        <div>
          <h1 className={styles.heading} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
            {title}
          </h1>
          <Body1 as="p" className={styles.intro} style={{ maxWidth: introMaxWidth }}>
            {intro}
          </Body1>
        </div>
        {showCreate && <CreateButton action={create} />}
        {aside}
      </div>
      {filters}
      {items === undefined && error == null && <Spinner label={t('common.loading')} />}
      {items === undefined && error != null && <ProblemAlert error={error} onRetry={onRetry} />}
      {isEmpty && empty && (
        <EmptyState
          icon={empty.icon}
          title={empty.title}
          body={empty.body}
          action={create && 'to' in create ? { to: create.to, label: create.label } : undefined}
        />
      )}
      {items !== undefined && items.length > 0 && children(items)}
    </div>
  );
}

function CreateButton({ action }: { action: CreateAction }) {
  if ('to' in action) {
    return (
      <LinkButton to={action.to} appearance="primary" icon={<AddRegular />}>
        {action.label}
      </LinkButton>
    );
  }
  return (
    <Button appearance="primary" icon={action.icon} onClick={action.onClick}>
      {action.label}
    </Button>
  );
}
