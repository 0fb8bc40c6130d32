import { Badge, Select, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { changeLanguage, languages, type Language } from '@/i18n/i18n';
import { DemoControls } from './demo-controls';

const useStyles = makeStyles({
  header: {
    gridArea: 'header',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { flexGrow: 1, color: tokens.colorNeutralForegroundOnBrand },
  language: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  label: { color: tokens.colorNeutralForegroundOnBrand },
});

export function AppHeader() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const selectId = useId('language');
  const isDemo = import.meta.env.MODE === 'demo';
  return (
    <header className={styles.header}>
      <Text as="span" weight="semibold" size={400} className={styles.title}>
        {t('app.title')}
      </Text>
      {isDemo && (
        <>
          <Badge appearance="tint" color="warning">
            {t('app.demoBadge')}
          </Badge>
          <DemoControls />
        </>
      )}
      <div className={styles.language}>
        <label htmlFor={selectId} className={styles.label}>
          {t('app.language')}
        </label>
        <Select
          id={selectId}
          value={i18n.resolvedLanguage ?? 'en'}
          onChange={(_, data) => void changeLanguage(data.value as Language)}
        >
          {languages.map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {t(`app.languages.${lng}`)}
            </option>
          ))}
        </Select>
      </div>
    </header>
  );
}
