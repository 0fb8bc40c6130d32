import { Body1, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Workstream } from '@/api/contract/workstream';
import { LinkButton } from '@/components/link-button';
import { ProblemAlert } from '@/components/problem-alert';
import { useDocumentTitle } from '@/components/use-document-title';
import { paths } from '@/config/paths';
import { workstreamQueries } from '@/resources/workstreams';
import { DeleteWorkstreamDialog } from './delete-workstream-dialog';
import { WorkstreamsTable } from './workstreams-table';
import { FlowchartRegular } from '@fluentui/react-icons';
import { EmptyState } from '@/components/empty-state';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  heading: { ...typographyStyles.title2, margin: 0, ':focus': { outlineStyle: 'none' } },
  intro: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2, maxWidth: '72ch' },
});

export function WorkstreamsPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const [searchParams] = useSearchParams();
  const workstreams = useQuery(workstreamQueries.list());
  const [deleting, setDeleting] = useState<Workstream | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const items = workstreams.data?.items;
  const highlightId = searchParams.get('highlight');
  useDocumentTitle(t('workstreams.title'));

  // Arriving from the form: focus starts at the top of this page, not on the button pressed there.
  useEffect(() => {
    if (highlightId) headingRef.current?.focus();
  }, [highlightId]);

  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <div>
          <h1 className={styles.heading} ref={headingRef} tabIndex={-1}>
            {t('workstreams.title')}
          </h1>
          <Body1 as="p" className={styles.intro}>
            {t('workstreams.intro')}
          </Body1>
        </div>
        {items && items.length > 0 && (
          <LinkButton to={paths.newWorkstream} appearance="primary" icon={<AddRegular />}>
            {t('workstreams.newWorkstream')}
          </LinkButton>
        )}
      </div>
      {workstreams.isPending && <Spinner label={t('common.loading')} />}
      {workstreams.isError && <ProblemAlert error={workstreams.error} onRetry={() => void workstreams.refetch()} />}
      {items && items.length === 0 && (
        <EmptyState
          icon={<FlowchartRegular />}
          title={t('workstreams.emptyTitle')}
          body={t('workstreams.emptyBody')}
          action={{ to: paths.newWorkstream, label: t('workstreams.newWorkstream') }}
        />
      )}
      {items && items.length > 0 && <WorkstreamsTable workstreams={items} highlightId={highlightId} onDelete={setDeleting} />}
      <DeleteWorkstreamDialog
        workstream={deleting}
        onClose={() => setDeleting(null)}
        // The row and its Delete button are gone: give focus a sensible place to land.
        onDeleted={() => headingRef.current?.focus()}
      />
    </div>
  );
}
