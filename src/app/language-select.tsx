import { Select, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { changeLanguage, languages, type Language } from '@/i18n/i18n';

const useStyles = makeStyles({
  language: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  label: { color: tokens.colorNeutralForegroundOnBrand },
});

/** For the brand-coloured header bars, signed in or not. */
export function LanguageSelect() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const selectId = useId('language');
  return (
    <div className={styles.language}>
      <label htmlFor={selectId} className={styles.label}>
        {t('app.language')}
      </label>
      <Select id={selectId} value={i18n.resolvedLanguage ?? 'en'} onChange={(_, data) => void changeLanguage(data.value as Language)}>
        {languages.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`app.languages.${lng}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}
