import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workstream } from '@/api/contract/workstream';
import { LinkButton } from '@/components/link-button';
import { paths } from '@/config/paths';
import { LabelledLink } from './labelled-link';

const useStyles = makeStyles({
  name: { fontWeight: tokens.fontWeightSemibold },
  highlighted: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  whatsapp: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  number: { fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  actionsColumn: { width: '200px' },
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
  const highlightedRow = useRef<HTMLTableRowElement>(null);

  useEffect(() => {
    highlightedRow.current?.scrollIntoView?.({ block: 'nearest' });
  }, [highlightId]);

  return (
    <Table aria-label={t('workstreams.list')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('workstreams.columns.name')}</TableHeaderCell>
          <TableHeaderCell>{t('workstreams.columns.distributionMode')}</TableHeaderCell>
          <TableHeaderCell>{t('workstreams.columns.fallbackQueue')}</TableHeaderCell>
          <TableHeaderCell>{t('workstreams.columns.whatsapp')}</TableHeaderCell>
          <TableHeaderCell>{t('workstreams.columns.rules')}</TableHeaderCell>
          <TableHeaderCell className={styles.actionsColumn}>{t('workstreams.columns.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {workstreams.map((workstream) => {
          const highlighted = workstream.id === highlightId;
          return (
            <TableRow
              key={workstream.id}
              ref={highlighted ? highlightedRow : undefined}
              className={mergeClasses(highlighted && styles.highlighted)}
            >
              <TableCell className={styles.name}>{workstream.name}</TableCell>
              <TableCell>{t(`workstreams.modes.${workstream.distributionMode}`)}</TableCell>
              <TableCell>{workstream.fallbackQueueName}</TableCell>
              <TableCell>
                {workstream.whatsapp ? (
                  <span className={styles.number}>{workstream.whatsapp.number}</span>
                ) : (
                  <div className={styles.whatsapp}>
                    <span className={styles.muted}>{t('workstreams.notSetUp')}</span>
                    <LabelledLink to={paths.whatsAppSetup(workstream.id)} label={t('workstreams.setUpWhatsAppFor', { name: workstream.name })}>
                      {t('workstreams.setUpWhatsApp')}
                    </LabelledLink>
                  </div>
                )}
              </TableCell>
              <TableCell>{workstream.routingRuleCount}</TableCell>
              <TableCell>
                <div className={styles.actions}>
                  <LinkButton
                    to={paths.workstream(workstream.id)}
                    size="small"
                    icon={<EditRegular />}
                    aria-label={t('workstreams.editWorkstream', { name: workstream.name })}
                  >
                    {t('common.edit')}
                  </LinkButton>
                  <Button
                    size="small"
                    icon={<DeleteRegular />}
                    aria-label={t('workstreams.deleteWorkstream', { name: workstream.name })}
                    onClick={() => onDelete(workstream)}
                  >
                    {t('common.delete')}
                  </Button>
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
