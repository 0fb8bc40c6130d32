import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadById } from '@/components/load-by-id';
import { paths } from '@/config/paths';
import { workstreamQueries } from '@/resources/workstreams';
import { EditWorkstreamView } from './edit-workstream-view';

export function EditWorkstreamPage({ workstreamId }: { workstreamId: string }) {
  const { t } = useTranslation();
  const workstream = useQuery(workstreamQueries.detail(workstreamId));
  return (
    <LoadById
      data={workstream.data}
      error={workstream.error}
      onRetry={() => void workstream.refetch()}
      back={{ to: paths.workstreams, label: t('workstreams.form.backToList') }}
    >
      {(data) => <EditWorkstreamView key={workstreamId} workstream={data} />}
    </LoadById>
  );
}
