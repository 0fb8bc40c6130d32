import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Workstream } from '@/api/contract/workstream';
import { ApiError } from '@/api/problem';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ProblemAlert } from '@/components/problem-alert';
import { useNotify } from '@/components/toast';
import { useDeleteWorkstream } from '@/resources/workstreams';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  impact: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

interface DeleteWorkstreamDialogProps {
  /** The workstream to delete; the dialog is open while this is set. */
  workstream: Workstream | null;
  onClose: () => void;
  onDeleted: () => void;
}

/** Names what goes with the workstream (its WhatsApp number is freed, its rules deleted) before anything happens. */
export function DeleteWorkstreamDialog({ workstream, onClose, onDeleted }: DeleteWorkstreamDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const remove = useDeleteWorkstream();

  const close = () => {
    remove.reset();
    onClose();
  };
  const finish = (message: string, intent: 'success' | 'warning') => {
    notify(message, intent);
    remove.reset();
    onClose();
    onDeleted();
  };
  const confirm = () => {
    if (!workstream) return;
    remove.mutate(workstream.id, {
      onSuccess: () => finish(t('workstreams.deleted', { name: workstream.name }), 'success'),
      onError: (error) => {
        // Someone else deleted it first: the outcome asked for, said plainly.
        if (error instanceof ApiError && error.status === 404) finish(t('errors.notFound'), 'warning');
      },
    });
  };

  const impact = workstream
    ? [
        ...(workstream.whatsapp
          ? [t('workstreams.deleteFreesNumber', { number: workstream.whatsapp.number, numberName: workstream.whatsapp.numberName })]
          : []),
        ...(workstream.routingRuleCount > 0 ? [t('workstreams.deleteRules', { count: workstream.routingRuleCount })] : []),
      ]
    : [];

  return (
    <ConfirmDialog
      open={workstream !== null}
      title={workstream ? t('workstreams.deleteTitle', { name: workstream.name }) : ''}
      confirmLabel={t('common.delete')}
      busyLabel={t('common.deleting')}
      busy={remove.isPending}
      onConfirm={confirm}
      onCancel={close}
    >
      {workstream && (
        <div className={styles.body}>
          <Body1 as="p">{t('workstreams.deleteBody')}</Body1>
          {impact.length > 0 ? (
            <>
              <Body1 as="p">{t('workstreams.deleteImpact')}</Body1>
              <ul className={styles.impact}>
                {impact.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          ) : (
            <Body1 as="p">{t('workstreams.deleteNothingElse')}</Body1>
          )}
          {remove.isError && <ProblemAlert error={remove.error} />}
        </div>
      )}
    </ConfirmDialog>
  );
}
