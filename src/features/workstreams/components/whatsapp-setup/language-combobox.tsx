import { Combobox, Option } from '@fluentui/react-components';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguageOptions } from './use-language-names';

export interface LanguageComboboxProps {
  value: string;
  onChange: (code: string) => void;
  onBlur?: () => void;
  ref?: Ref<HTMLInputElement>;
  name?: string;
  invalid?: boolean;
}

/** A searchable list of WhatsApp's template languages, by name in the UI language or by code. */
export function LanguageCombobox({ value, onChange, onBlur, ref, name, invalid }: LanguageComboboxProps) {
  const { t } = useTranslation();
  const options = useLanguageOptions();
  const selectedLabel = options.find((option) => option.code === value)?.label ?? '';
  // Null while not searching: the box then shows the chosen language, whatever the UI language.
  const [query, setQuery] = useState<string | null>(null);
  const needle = (query ?? '').trim().toLocaleLowerCase();
  const shown = query === null || needle === '' ? options : options.filter((option) => option.label.toLocaleLowerCase().includes(needle));

  return (
    <Combobox
      ref={ref}
      name={name}
      aria-invalid={invalid || undefined}
      aria-required
      placeholder={t('whatsAppSetup.language.placeholder')}
      value={query ?? selectedLabel}
      selectedOptions={value ? [value] : []}
      onChange={(event) => setQuery(event.target.value)}
      onOptionSelect={(_, data) => {
        if (data.optionValue) onChange(data.optionValue);
        setQuery(null);
      }}
      onOpenChange={(_, data) => {
        if (!data.open) setQuery(null);
      }}
      onBlur={onBlur}
    >
      {shown.map((option) => (
        <Option key={option.code} value={option.code} text={option.label}>
          {option.label}
        </Option>
      ))}
      {shown.length === 0 && (
        <Option key="no-match" value="" text="" disabled>
          {t('whatsAppSetup.language.noMatch', { query: query ?? '' })}
        </Option>
      )}
    </Combobox>
  );
}
