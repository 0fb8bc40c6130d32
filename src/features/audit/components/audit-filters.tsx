import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActions, auditEntityTypes } from '@/api/contract/audit-event';
import { ClearFiltersButton } from '@/components/clear-filters-button';
import { visuallyHidden } from '@/components/visually-hidden';
import type { AuditFilters as Filters } from '@/resources/audit-events';
import { userQueries } from '@/resources/users';
import type { FilterKey } from './use-audit-filters';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, border: 'none', margin: 0, padding: 0 },
  legend: visuallyHidden,
  field: { minWidth: '200px' },
});

interface AuditFiltersProps {
  filters: Filters;
  active: boolean;
  onChange: (key: FilterKey, value: string) => void;
  onClear: () => void;
}

/** Record type, action and user; each change applies at once. */
export function AuditFilters({ filters, active, onChange, onClear }: AuditFiltersProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const users = useQuery(userQueries.list());
  const firstSelect = useRef<HTMLSelectElement>(null);
  const people = users.data?.items ?? [];
  const actorUnknown = filters.actorId !== undefined && users.isSuccess && !people.some((u) => u.id === filters.actorId);

  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>{t('audit.filters.label')}</legend>
      <Field label={t('audit.filters.entityType')} className={styles.field}>
        <Select ref={firstSelect} value={filters.entityType ?? ''} onChange={(_, data) => onChange('entityType', data.value)}>
          <option value="">{t('audit.filters.all')}</option>
          {auditEntityTypes.map((type) => (
            <option key={type} value={type}>
              {t(`audit.entityTypes.${type}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('audit.filters.action')} className={styles.field}>
        <Select value={filters.action ?? ''} onChange={(_, data) => onChange('action', data.value)}>
          <option value="">{t('audit.filters.all')}</option>
          {auditActions.map((action) => (
            <option key={action} value={action}>
              {t(`audit.actions.${action}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('audit.filters.actor')} className={styles.field}>
        <Select value={filters.actorId ?? ''} onChange={(_, data) => onChange('actorId', data.value)}>
          <option value="">{t('audit.filters.all')}</option>
          {people.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
          {(actorUnknown || (filters.actorId !== undefined && !users.isSuccess)) && (
            <option value={filters.actorId}>{actorUnknown ? t('audit.filters.unknownActor') : t('common.loading')}</option>
          )}
        </Select>
      </Field>
      {active && <ClearFiltersButton label={t('audit.filters.clear')} onClear={onClear} focusAfter={firstSelect} />}
    </fieldset>
  );
}
