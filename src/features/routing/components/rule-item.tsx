import { Badge, Body1, Button, Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, DeleteRegular, EditRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import type { DraftRule, RuleFieldError } from './draft-rules';
import { useConditionText } from './use-condition-text';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  matched: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  invalid: { border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}` },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  conditions: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  and: { color: tokens.colorNeutralForeground3, marginRight: tokens.spacingHorizontalXS },
  error: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface RuleItemProps {
  rule: DraftRule;
  position: number;
  count: number;
  queueName: string | undefined;
  state: 'new' | 'changed' | 'saved';
  matched: boolean;
  errors: readonly RuleFieldError[];
  buttonRef: (action: 'up' | 'down', element: HTMLElement | null) => void;
  onMove: (offset: -1 | 1) => void;
  onEdit: () => void;
  onRemove: () => void;
}

/** One rule in words: its place in the order, its conditions, where it sends conversations. */
export function RuleItem({ rule, position, count, queueName, state, matched, errors, buttonRef, onMove, onEdit, onRemove }: RuleItemProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const conditionText = useConditionText();
  const errorText = useFieldErrorText();
  const errorsAt = (path: string) => errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`));
  const showErrors = (list: readonly RuleFieldError[]) =>
    list.map((error) => (
      <Caption1 key={`${error.path} ${error.code}`} className={styles.error}>
        <ErrorCircleRegular aria-hidden />
        {errorText({ message: error.code })}
      </Caption1>
    ));
  const placed = new Set<RuleFieldError>();
  const take = (path: string) => {
    const found = errorsAt(path).filter((e) => !placed.has(e));
    found.forEach((e) => placed.add(e));
    return showErrors(found);
  };

  const conditionItems = rule.conditions.map((condition, index) => (
    <li key={index}>
      <Body1>
        {index > 0 && <span className={styles.and}>{t('routing.and')}</span>}
        {conditionText(condition)}
      </Body1>
      {take(`conditions.${index}`)}
    </li>
  ));
  const nameErrors = take('name');
  const conditionsErrors = take('conditions');
  const queueErrors = take('queueId');
  const skillErrors = take('requiredSkills');
  const otherErrors = showErrors(errors.filter((e) => !placed.has(e)));

  return (
    <li
      aria-labelledby={headingId}
      className={mergeClasses(styles.item, matched && styles.matched, errors.length > 0 && styles.invalid)}
    >
      <div className={styles.header}>
        <Subtitle2 as="h3" id={headingId} className={styles.heading}>
          {t('routing.ruleHeading', { position, name: rule.name })}
        </Subtitle2>
        {state === 'new' && <Badge appearance="tint" color="informative">{t('routing.unsavedRule')}</Badge>}
        {state === 'changed' && <Badge appearance="tint" color="warning">{t('routing.changedRule')}</Badge>}
        {matched && <Badge appearance="filled" color="brand">{t('routing.matchesTest')}</Badge>}
      </div>
      {nameErrors}
      <Caption1>{t('routing.conditionsLabel')}</Caption1>
      <ul className={styles.conditions}>{conditionItems}</ul>
      {conditionsErrors}
      <Body1>
        {t('routing.queueLabel')}: <strong>{queueName ?? t('routing.unknownQueue')}</strong>
      </Body1>
      {queueErrors}
      {rule.requiredSkills.length > 0 && (
        <Body1>
          {t('routing.requiredSkillsLabel')}:{' '}
          <strong>{rule.requiredSkills.map((skill) => t('routing.skillAtLeast', { name: skill.name, level: skill.level })).join(', ')}</strong>
        </Body1>
      )}
      {skillErrors}
      {otherErrors}
      <div className={styles.actions}>
        <Button
          ref={(element) => buttonRef('up', element)}
          icon={<ArrowUpRegular />}
          disabledFocusable={position === 1}
          aria-label={t('routing.moveUp', { name: rule.name })}
          onClick={() => onMove(-1)}
        >
          {t('routing.moveUpShort')}
        </Button>
        <Button
          ref={(element) => buttonRef('down', element)}
          icon={<ArrowDownRegular />}
          disabledFocusable={position === count}
          aria-label={t('routing.moveDown', { name: rule.name })}
          onClick={() => onMove(1)}
        >
          {t('routing.moveDownShort')}
        </Button>
        <Button icon={<EditRegular />} aria-label={t('routing.editRule', { name: rule.name })} onClick={onEdit}>
          {t('common.edit')}
        </Button>
        <Button icon={<DeleteRegular />} aria-label={t('routing.removeRule', { name: rule.name })} onClick={onRemove}>
          {t('common.remove')}
        </Button>
      </div>
    </li>
  );
}
