import { Caption1, Field, Radio, RadioGroup, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';

const useStyles = makeStyles({
  // Under the option's label: the indicator is 16px wide with 8px of margin each side.
  optionHint: { display: 'block', paddingLeft: '32px', marginTop: `calc(-1 * ${tokens.spacingVerticalXS})`, marginBottom: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
});

interface BaseProps<T extends FieldValues, C, O> {
  control: Control<T, C, O>;
  name: FieldPath<T>;
  label: string;
  hint?: string;
}

/** An on/off setting; the label says what "on" means. */
export function SwitchField<T extends FieldValues, C = unknown, O = T>({ control, name, label, hint }: BaseProps<T, C, O>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Field hint={hint}>
          <Switch
            ref={field.ref}
            name={field.name}
            label={label}
            checked={field.value === true}
            onChange={(_, data) => field.onChange(data.checked)}
            onBlur={field.onBlur}
          />
        </Field>
      )}
    />
  );
}

export interface Option {
  value: string;
  label: string;
  /** One line under the option that says what it does. */
  hint?: string;
}

/** A choice from a few options, all visible at once. */
export function RadioField<T extends FieldValues, C = unknown, O = T>({
  control,
  name,
  label,
  hint,
  options,
  disabled,
  layout,
}: BaseProps<T, C, O> & { options: Option[]; disabled?: boolean; layout?: 'vertical' | 'horizontal' }) {
  const styles = useStyles();
  const idBase = useId();
  return (
    <FormField control={control} name={name} label={label} hint={hint}>
      {(field) => (
        <RadioGroup
          ref={field.ref}
          name={field.name}
          value={String(field.value)}
          disabled={disabled}
          layout={layout}
          onChange={(_, data) => field.onChange(data.value)}
          onBlur={field.onBlur}
        >
          {options.flatMap((option) => {
            const hintId = `${idBase}-${option.value}-hint`;
            return [
              <Radio
                key={option.value}
                value={option.value}
                label={option.label}
                input={option.hint ? { 'aria-describedby': hintId } : undefined}
              />,
              ...(option.hint
                ? [
                    <Caption1 key={hintId} id={hintId} className={styles.optionHint}>
                      {option.hint}
                    </Caption1>,
                  ]
                : []),
            ];
          })}
        </RadioGroup>
      )}
    </FormField>
  );
}

/** A choice from a list, as a native select (keyboard and screen readers know it best). */
export function SelectField<T extends FieldValues, C = unknown, O = T>({
  control,
  name,
  label,
  hint,
  options,
  placeholder,
  required,
}: BaseProps<T, C, O> & { options: Option[]; placeholder?: string; required?: boolean }) {
  return (
    <FormField control={control} name={name} label={required ? requiredLabel(label) : label} hint={hint}>
      {(field) => (
        <Select
          ref={field.ref}
          name={field.name}
          value={String(field.value ?? '')}
          aria-required={required || undefined}
          onChange={(_, data) => field.onChange(data.value)}
          onBlur={field.onBlur}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}
