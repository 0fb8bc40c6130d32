import { Field, type FieldProps } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { Controller, type Control, type ControllerRenderProps, type FieldPath, type FieldValues } from 'react-hook-form';
import { useFieldErrorText } from './use-field-error-text';

interface FormFieldProps<T extends FieldValues, N extends FieldPath<T>, C, O> {
  control: Control<T, C, O>;
  name: N;
  label?: FieldProps['label'];
  hint?: FieldProps['hint'];
  /** The input, bound to the react-hook-form field it is given. */
  children: (field: ControllerRenderProps<T, N>) => ReactElement;
}

/**
 * A labelled Fluent field bound to one react-hook-form field: its error (a validation code
 * from the contract or the server) is worded under it and marks the input invalid.
 */
export function FormField<T extends FieldValues, N extends FieldPath<T>, C = unknown, O = T>({
  control,
  name,
  label,
  hint,
  children,
}: FormFieldProps<T, N, C, O>) {
  const errorText = useFieldErrorText();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field label={label} hint={hint} validationState={fieldState.error ? 'error' : 'none'} validationMessage={errorText(fieldState.error)}>
          {children(field)}
        </Field>
      )}
    />
  );
}
