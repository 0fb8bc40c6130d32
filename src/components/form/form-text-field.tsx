import { Input, makeStyles, tokens, type LabelProps } from '@fluentui/react-components';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { SecretInput } from '@/components/secret-input';
import { cleanPasted, withoutWhitespace } from '@/domain/pasted-text';
import { FormField } from './form-field';

const useStyles = makeStyles({
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/** The asterisk is for the eye only, so that the field's name stays exactly its label. */
export function requiredLabel(text: string): LabelProps {
  return { children: text, required: { children: '*', 'aria-hidden': true } };
}

interface FormTextFieldProps<T extends FieldValues, C, O> {
  control: Control<T, C, O>;
  name: FieldPath<T>;
  label: string;
  hint?: string;
  /** For identifiers people paste (SIDs, numbers): monospace, no spelling help. */
  code?: boolean;
  autoComplete?: string;
  inputMode?: 'text' | 'tel';
  /** Masks the value, with a show/hide toggle labelled by these. */
  secret?: { showLabel: string; hideLabel: string };
  /**
   * Cleans what copy and paste drags along, so the field shows what will be saved:
   * `identifier` drops white space as it arrives (SIDs and tokens have none, and in a
   * masked field it cannot be seen); `phone` trims it when the field is left.
   */
  clean?: 'identifier' | 'phone';
}

/** A required text input bound to a react-hook-form field, with its validation code worded. */
export function FormTextField<T extends FieldValues, C = unknown, O = T>({
  control,
  name,
  label,
  hint,
  code,
  autoComplete = 'off',
  inputMode,
  secret,
  clean,
}: FormTextFieldProps<T, C, O>) {
  const styles = useStyles();
  return (
    <FormField control={control} name={name} label={requiredLabel(label)} hint={hint}>
      {(field) => {
        const inputProps = {
          ref: field.ref,
          name: field.name,
          value: typeof field.value === 'string' ? field.value : '',
          onChange: (_: unknown, data: { value: string }) => field.onChange(clean === 'identifier' ? withoutWhitespace(data.value) : data.value),
          onBlur: () => {
            if (clean === 'phone' && typeof field.value === 'string' && cleanPasted(field.value) !== field.value) field.onChange(cleanPasted(field.value));
            field.onBlur();
          },
          'aria-required': true,
          autoComplete,
          inputMode,
          spellCheck: code || secret ? false : undefined,
          input: code ? { className: styles.code } : undefined,
        };
        return secret ? <SecretInput {...inputProps} showLabel={secret.showLabel} hideLabel={secret.hideLabel} /> : <Input {...inputProps} />;
      }}
    </FormField>
  );
}
