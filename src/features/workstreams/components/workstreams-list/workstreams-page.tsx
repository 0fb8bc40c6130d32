import { FlowchartRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workstream } from '@/api/contract/workstream';
import { ListPage } from '@/components/list-page/list-page';
import { useHighlightId } from '@/components/list-page/use-highlight-id';
import { paths } from '@/config/paths';
import { workstreamQueries } from '@/resources/workstreams';
import { DeleteWorkstreamDialog } from './delete-workstream-dialog';
import { WorkstreamsTable } from './workstreams-table';

export function WorkstreamsPage() {
  const { t } = useTranslation();
  const workstreams = useQuery(workstreamQueries.list());
  const [deleting, setDeleting] = useState<Workstream | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const highlightId = useHighlightId();

  return (
    <>
      <ListPage
        title={t('workstreams.title')}
        intro={t('workstreams.intro')}
        maxWidth="1100px"
        introMaxWidth="72ch"
        headingRef={headingRef}
        focusHeading={highlightId !== null}
        create={{ to: paths.newWorkstream, label: t('workstreams.newWorkstream') }}
        items={workstreams.data?.items}
        error={workstreams.error}
        onRetry={() => void workstreams.refetch()}
        empty={{ icon: <FlowchartRegular />, title: t('workstreams.emptyTitle'), body: t('workstreams.emptyBody') }}
      >
        {(items) => <WorkstreamsTable workstreams={items} highlightId={highlightId} onDelete={setDeleting} />}
      </ListPage>
      <DeleteWorkstreamDialog workstream={deleting} onClose={() => setDeleting(null)} onDeleted={() => headingRef.current?.focus()} />
    </>
  );
}
