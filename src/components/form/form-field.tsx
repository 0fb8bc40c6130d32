import { Field, type FieldProps } from '@fluentui/react-components';
import { Controller, type Control, type ControllerFieldState, type ControllerRenderProps, type FieldPath, type FieldValues } from 'react-hook-form';
import { useFieldErrorText } from './use-field-error-text';
import { useSteadyWhilePressed } from './use-steady-while-pressed';

type BoundField<T extends FieldValues, N extends FieldPath<T>> = ControllerRenderProps<T, N>;

interface FormFieldProps<T extends FieldValues, N extends FieldPath<T>, C, O> {
  control: Control<T, C, O>;
  name: N;
  label?: FieldProps['label'];
  /** A hint that follows the value (a counter) is given as a function of the bound field. */
  hint?: FieldProps['hint'] | ((field: BoundField<T, N>) => FieldProps['hint']);
  className?: string;
  /** Words the error; by default a validation code of the contract is worded, other text shown as it is. */
  errorText?: (error: { message?: string | undefined } | undefined) => string | undefined;
  /**
   * The input, bound to the react-hook-form field it is given. Return a function of
   * Fluent's field props when the input sits among other elements (a button beside it).
   */
  children: (field: BoundField<T, N>, state: ControllerFieldState) => FieldProps['children'];
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
  className,
  errorText,
  children,
}: FormFieldProps<T, N, C, O>) {
  const contractErrorText = useFieldErrorText();
  const wordError = errorText ?? contractErrorText;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <SteadyField className={className} label={label} hint={typeof hint === 'function' ? hint(field) : hint} message={fieldState.error ? (wordError(fieldState.error) ?? '') : undefined}>
          {children(field, fieldState)}
        </SteadyField>
      )}
    />
  );
}

/** `message` is '' for an error without words, undefined for no error. */
type SteadyFieldProps = Pick<FieldProps, 'className' | 'label' | 'hint' | 'children'> & { message: string | undefined };

/**
 * An error that appears while the pointer is pressed (the press on a button blurred this field)
 * waits for the release, so the button the press is on stays where it is and gets its click.
 * See docs/decisions/0026-field-errors-keep-the-layout.md.
 */
function SteadyField({ message, ...props }: SteadyFieldProps) {
  const shown = useSteadyWhilePressed(message);
  return <Field {...props} validationState={shown === undefined ? 'none' : 'error'} validationMessage={shown || undefined} />;
}
