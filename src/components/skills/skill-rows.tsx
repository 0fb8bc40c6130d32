import { Body1, Button, makeStyles, tokens, type FieldProps } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { FormNumberField } from '@/components/form/form-number-field';
import { MAX_SKILL_LEVEL, MIN_SKILL_LEVEL } from '@/domain/work-distribution/skills';

const useStyles = makeStyles({
  rows: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 120px auto', alignItems: 'start', gap: tokens.spacingHorizontalS },
  // Lines the button up with the inputs, below their labels.
  remove: { marginTop: '26px' },
});

interface SkillRowsProps<T extends FieldValues, C, O> {
  control: Control<T, C, O>;
  /** The `id` of each row from useFieldArray, in order. */
  rowIds: readonly string[];
  /** Said when there is no row. */
  emptyText: string;
  /** The name input of a row: free text or a choice, as the form needs. */
  renderName: (index: number) => ReactNode;
  levelName: (index: number) => FieldPath<T>;
  levelLabel: (index: number) => FieldProps['label'];
  removeLabel: (index: number) => string;
  onRemove: (index: number) => void;
}

/** Skill rows of a form: a name, a level from 1 to 10 and a remove button each. */
export function SkillRows<T extends FieldValues, C = unknown, O = T>({
  control,
  rowIds,
  emptyText,
  renderName,
  levelName,
  levelLabel,
  removeLabel,
  onRemove,
}: SkillRowsProps<T, C, O>) {
  const styles = useStyles();
  if (rowIds.length === 0) return <Body1>{emptyText}</Body1>;
  return (
    <ul className={styles.rows}>
      {rowIds.map((id, index) => (
        <li key={id} className={styles.row}>
          {renderName(index)}
          <FormNumberField control={control} name={levelName(index)} label={levelLabel(index)} min={MIN_SKILL_LEVEL} max={MAX_SKILL_LEVEL} />
          <Button className={styles.remove} appearance="subtle" icon={<DeleteRegular />} aria-label={removeLabel(index)} onClick={() => onRemove(index)} />
        </li>
      ))}
    </ul>
  );
}
