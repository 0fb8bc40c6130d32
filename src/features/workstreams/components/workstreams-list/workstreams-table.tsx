import { makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Workstream } from '@/api/contract/workstream';
import { ResourceTable } from '@/components/list-page/resource-table';
import { RowActions } from '@/components/list-page/row-actions';
import { paths } from '@/config/paths';
import { LabelledLink } from './labelled-link';

const useStyles = makeStyles({
  name: { fontWeight: tokens.fontWeightSemibold },
  whatsapp: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  number: { fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface WorkstreamsTableProps {
  workstreams: Workstream[];
  /** The workstream just created, marked so the eye finds it. */
  highlightId: string | null;
  onDelete: (workstream: Workstream) => void;
}

export function WorkstreamsTable({ workstreams, highlightId, onDelete }: WorkstreamsTableProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <ResourceTable
      label={t('workstreams.list')}
      items={workstreams}
      highlightId={highlightId}
      columns={[
        { id: 'name', header: t('workstreams.columns.name'), className: styles.name, name: (workstream) => workstream.name, cell: (workstream) => workstream.name },
        { id: 'mode', header: t('workstreams.columns.distributionMode'), cell: (workstream) => t(`workstreams.modes.${workstream.distributionMode}`) },
        { id: 'fallback', header: t('workstreams.columns.fallbackQueue'), cell: (workstream) => workstream.fallbackQueueName },
        {
          id: 'whatsapp',
          header: t('workstreams.columns.whatsapp'),
          cell: (workstream) =>
            workstream.whatsapp ? (
              <span className={styles.number}>{workstream.whatsapp.number}</span>
            ) : (
              <div className={styles.whatsapp}>
                <span className={styles.muted}>{t('workstreams.notSetUp')}</span>
                <LabelledLink to={paths.whatsAppSetup(workstream.id)} label={t('workstreams.setUpWhatsAppFor', { name: workstream.name })}>
                  {t('workstreams.setUpWhatsApp')}
                </LabelledLink>
              </div>
            ),
        },
        { id: 'rules', header: t('workstreams.columns.rules'), cell: (workstream) => workstream.routingRuleCount },
        {
          id: 'actions',
          header: t('workstreams.columns.actions'),
          width: '200px',
          cell: (workstream) => (
            <RowActions
              actions={[
                { text: t('common.edit'), label: t('workstreams.editWorkstream', { name: workstream.name }), icon: <EditRegular />, to: paths.workstream(workstream.id) },
                {
                  text: t('common.delete'),
                  label: t('workstreams.deleteWorkstream', { name: workstream.name }),
                  icon: <DeleteRegular />,
                  onClick: () => onDelete(workstream),
                },
              ]}
            />
          ),
        },
      ]}
    />
  );
}
