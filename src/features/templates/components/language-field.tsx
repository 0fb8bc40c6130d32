import { Combobox, Option } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';
import { isWhatsAppLanguage } from '@/domain/whatsapp-languages';
import type { TemplateFormControl } from './template-form-values';
import { useLanguageNames } from './use-language-names';

/** WhatsApp's template languages by name in the UI language; typing filters by name or code. */
export function LanguageField({ control }: { control: TemplateFormControl }) {
  const { t } = useTranslation();
  const { nameOf, options, ui } = useLanguageNames();
  // What is typed to search; null shows the chosen language's name.
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  return (
    <FormField control={control} name="language" label={requiredLabel(t('templates.fields.language'))} hint={t('templates.fields.languageHint')}>
      {(field) => {
        const chosen = isWhatsAppLanguage(field.value) ? field.value : null;
        const search = (query ?? '').trim().toLocaleLowerCase(ui);
        const matches = query === null ? options : options.filter((o) => o.name.toLocaleLowerCase(ui).includes(search) || o.code.toLowerCase().startsWith(search));
        const exact = options.find((o) => o.name.toLocaleLowerCase(ui) === search);
        return (
          <Combobox
            ref={field.ref}
            name={field.name}
            aria-required
            autoComplete="off"
            value={query ?? (chosen ? nameOf(chosen) : '')}
            selectedOptions={chosen ? [chosen] : []}
            open={open}
            onOpenChange={(_, data) => setOpen(data.open)}
            onChange={(event) => {
              setQuery(event.target.value);
              setOpen(true);
            }}
            onOptionSelect={(_, data) => {
              if (data.optionValue) field.onChange(data.optionValue);
              setQuery(null);
            }}
            onBlur={() => {
              // A language typed out in full counts as chosen, even without picking it from the list.
              if (query !== null && exact) field.onChange(exact.code);
              setQuery(null);
              field.onBlur();
            }}
          >
            {matches.map((option) => (
              <Option key={option.code} value={option.code} text={option.name}>
                {`${option.name} (${option.code})`}
              </Option>
            ))}
            {matches.length === 0 && (
              <Option key="none" value="" text="" disabled>
                {t('templates.fields.noLanguage')}
              </Option>
            )}
          </Combobox>
        );
      }}
    </FormField>
  );
}
