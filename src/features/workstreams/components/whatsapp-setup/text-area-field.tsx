import { Field, Textarea } from '@fluentui/react-components';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { requiredLabel } from '@/components/form/form-text-field';
import { useFieldErrorText } from '@/components/form/use-field-error-text';

interface TextAreaFieldProps<T extends FieldValues, C, O> {
  control: Control<T, C, O>;
  name: FieldPath<T>;
  label: string;
  hint?: string;
}

/** A required multi-line text bound to a react-hook-form field, with its validation code worded. */
export function TextAreaField<T extends FieldValues, C = unknown, O = T>({ control, name, label, hint }: TextAreaFieldProps<T, C, O>) {
  const errorText = useFieldErrorText();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field
          label={requiredLabel(label)}
          hint={hint}
          validationState={fieldState.error ? 'error' : 'none'}
          validationMessage={errorText(fieldState.error)}
        >
          <Textarea
            ref={field.ref}
            name={field.name}
            value={typeof field.value === 'string' ? field.value : ''}
            onChange={(_, data) => field.onChange(data.value)}
            onBlur={field.onBlur}
            aria-required
            resize="vertical"
            rows={3}
          />
        </Field>
      )}
    />
  );
}
