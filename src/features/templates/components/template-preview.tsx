import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { renderTemplate } from '@/domain/template-variables';
import type { TemplateFormControl } from './template-form-values';

// WhatsApp's own chat colours, so the preview reads as the customer's phone would show it.
const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0 },
  chat: {
    backgroundColor: '#efeae2',
    borderRadius: tokens.borderRadiusLarge,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    minHeight: '8em',
    display: 'flex',
    alignItems: 'flex-start',
  },
  bubble: {
    position: 'relative',
    maxWidth: '90%',
    backgroundColor: '#ffffff',
    color: '#111b21',
    borderRadius: '0 8px 8px 8px',
    padding: '6px 9px 8px',
    boxShadow: '0 1px 0.5px rgba(11, 20, 26, 0.13)',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    '::before': {
      content: '""',
      position: 'absolute',
      top: 0,
      left: '-8px',
      borderTop: '0 solid transparent',
      borderRight: '8px solid #ffffff',
      borderBottom: '10px solid transparent',
    },
  },
  empty: { color: '#54656f', fontStyle: 'italic' },
  note: { color: tokens.colorNeutralForeground2 },
});

/** The message as the customer would see it, with the example values in place of the variables. */
export function TemplatePreview({ control }: { control: TemplateFormControl }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const [body, examples] = useWatch({ control, name: ['body', 'examples'] });
  const text = renderTemplate(body, examples ?? []);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h3" weight="semibold" id={headingId} style={{ margin: 0 }}>
        {t('templates.preview.title')}
      </Text>
      <div className={styles.chat}>
        <p className={styles.bubble}>
          {text.trim() === '' ? <span className={styles.empty}>{t('templates.preview.empty')}</span> : text}
        </p>
      </div>
      <Caption1 className={styles.note}>{t('templates.preview.note')}</Caption1>
    </section>
  );
}
