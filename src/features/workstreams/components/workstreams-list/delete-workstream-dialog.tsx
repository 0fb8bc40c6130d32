import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Workstream } from '@/api/contract/workstream';
import { DeleteDialog } from '@/components/delete-dialog/delete-dialog';
import { UsageList } from '@/components/delete-dialog/usage-list';
import { useDeleteFlow } from '@/components/delete-dialog/use-delete-flow';
import { useDeleteWorkstream } from '@/resources/workstreams';

interface DeleteWorkstreamDialogProps {
  /** The workstream to delete; the dialog is open while this is set. */
  workstream: Workstream | null;
  onClose: () => void;
  onDeleted: () => void;
}

/** Names what goes with the workstream (its WhatsApp number is freed, its rules deleted) before anything happens. */
export function DeleteWorkstreamDialog({ workstream, onClose, onDeleted }: DeleteWorkstreamDialogProps) {
  const { t } = useTranslation();
  const flow = useDeleteFlow({
    record: workstream,
    mutation: useDeleteWorkstream(),
    doneMessage: (deleted) => t('workstreams.deleted', { name: deleted.name }),
    onClose,
    onDeleted,
  });

  const impact = workstream
    ? [
        ...(workstream.whatsapp
          ? [t('workstreams.deleteFreesNumber', { number: workstream.whatsapp.number, numberName: workstream.whatsapp.numberName })]
          : []),
        ...(workstream.routingRuleCount > 0 ? [t('workstreams.deleteRules', { count: workstream.routingRuleCount })] : []),
      ]
    : [];

  return (
    <DeleteDialog
      open={workstream !== null}
      title={workstream ? t('workstreams.deleteTitle', { name: workstream.name }) : ''}
      busy={flow.busy}
      error={flow.error}
      onConfirm={flow.confirm}
      onCancel={flow.close}
    >
      {workstream && (
        <>
          <Body1 as="p">{t('workstreams.deleteBody')}</Body1>
          {impact.length > 0 ? (
            <>
              <Body1 as="p">{t('workstreams.deleteImpact')}</Body1>
              <UsageList items={impact.map((line) => ({ key: line, content: line }))} />
            </>
          ) : (
            <Body1 as="p">{t('workstreams.deleteNothingElse')}</Body1>
          )}
        </>
      )}
    </DeleteDialog>
  );
}
