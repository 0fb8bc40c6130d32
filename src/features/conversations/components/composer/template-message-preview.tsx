import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

// WhatsApp's own chat colours, so the preview reads as the customer's phone would show it.
const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0 },
  chat: { backgroundColor: '#efeae2', borderRadius: tokens.borderRadiusLarge, padding: tokens.spacingHorizontalL, display: 'flex', justifyContent: 'flex-end' },
  bubble: {
    margin: 0,
    maxWidth: '90%',
    backgroundColor: '#d9fdd3',
    color: '#111b21',
    borderRadius: '8px 0 8px 8px',
    padding: '6px 9px 8px',
    boxShadow: '0 1px 0.5px rgba(11, 20, 26, 0.13)',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  note: { color: tokens.colorNeutralForeground2 },
});

/** The template as the customer will read it, with the values typed so far. */
export function TemplateMessagePreview({ text }: { text: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h3" weight="semibold" id={headingId} style={{ margin: 0 }}>
        {t('conversations.templates.preview')}
      </Text>
      <div className={styles.chat}>
        <p className={styles.bubble}>{text}</p>
      </div>
      <Caption1 className={styles.note}>{t('conversations.templates.previewNote')}</Caption1>
    </section>
  );
}
