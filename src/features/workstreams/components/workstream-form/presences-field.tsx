import { Caption1, Checkbox, Label, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle12Filled } from '@fluentui/react-icons';
import { useId } from 'react';
import { useController, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { presences, type Presence } from '@/api/contract/workstream';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import type { WorkstreamFormOutput, WorkstreamFormValues } from './form-values';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  options: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  hint: { color: tokens.colorNeutralForeground3 },
  error: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorPaletteRedForeground1 },
});

/** Checkboxes as one group: its label names the group, its error is about the whole set. */
export function PresencesField({ control }: { control: Control<WorkstreamFormValues, unknown, WorkstreamFormOutput> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useFieldErrorText();
  const id = useId();
  const { field, fieldState } = useController({ control, name: 'allowedPresences' });
  const selected = field.value as Presence[];
  const error = errorText(fieldState.error);

  const toggle = (presence: Presence, checked: boolean) => {
    const next = checked ? [...selected, presence] : selected.filter((p) => p !== presence);
    field.onChange(presences.filter((p) => next.includes(p)));
  };

  return (
    <div
      role="group"
      className={styles.root}
      aria-labelledby={`${id}-label`}
      aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
    >
      <Label id={`${id}-label`} required={{ children: '*', 'aria-hidden': true }}>
        {t('workstreams.fields.allowedPresences')}
      </Label>
      <div className={styles.options}>
        {presences.map((presence, index) => (
          <Checkbox
            key={presence}
            ref={index === 0 ? field.ref : undefined}
            label={t(`workstreams.fields.presences.${presence}`)}
            checked={selected.includes(presence)}
            onChange={(_, data) => toggle(presence, data.checked === true)}
            onBlur={field.onBlur}
          />
        ))}
      </div>
      {error && (
        <Caption1 id={`${id}-error`} role="alert" className={styles.error}>
          <ErrorCircle12Filled aria-hidden />
          {error}
        </Caption1>
      )}
      <Caption1 id={`${id}-hint`} className={styles.hint}>
        {t('workstreams.fields.allowedPresencesHint')}
      </Caption1>
    </div>
  );
}
