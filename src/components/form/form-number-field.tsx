import { Input, makeStyles, type FieldProps } from '@fluentui/react-components';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { FormField } from './form-field';

const useStyles = makeStyles({
  // Room for a few digits; a full-width box would read as a text field.
  narrow: { maxWidth: '16ch' },
});

interface FormNumberFieldProps<T extends FieldValues, C, O> {
  control: Control<T, C, O>;
  name: FieldPath<T>;
  label: FieldProps['label'];
  hint?: FieldProps['hint'];
  min: number;
  max: number;
  className?: string;
  /** A box as wide as a few digits, for counts and durations. */
  narrow?: boolean;
}

/**
 * A whole-number input bound to a form field. An empty box holds NaN, so that the
 * contract's schema words it as out of range instead of taking it for zero.
 */
export function FormNumberField<T extends FieldValues, C = unknown, O = T>({ control, name, label, hint, min, max, className, narrow }: FormNumberFieldProps<T, C, O>) {
  const styles = useStyles();
  return (
    <FormField control={control} name={name} label={label} hint={hint} className={className}>
      {(field) => (
        <Input
          ref={field.ref}
          name={field.name}
          className={narrow ? styles.narrow : undefined}
          type="number"
          min={min}
          max={max}
          step={1}
          inputMode="numeric"
          value={typeof field.value === 'number' && Number.isFinite(field.value) ? String(field.value) : ''}
          onChange={(_, data) => field.onChange(data.value.trim() === '' ? Number.NaN : Number(data.value))}
          onBlur={field.onBlur}
        />
      )}
    </FormField>
  );
}
