import { Textarea } from '@fluentui/react-components';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';

interface TextAreaFieldProps<T extends FieldValues, C, O> {
  control: Control<T, C, O>;
  name: FieldPath<T>;
  label: string;
  hint?: string;
}

/** A required multi-line text bound to a react-hook-form field, with its validation code worded. */
export function TextAreaField<T extends FieldValues, C = unknown, O = T>({ control, name, label, hint }: TextAreaFieldProps<T, C, O>) {
  return (
    <FormField control={control} name={name} label={requiredLabel(label)} hint={hint}>
      {(field) => (
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
      )}
    </FormField>
  );
}
