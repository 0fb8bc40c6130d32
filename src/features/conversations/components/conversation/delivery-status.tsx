import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, ClockRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Message } from '@/api/contract/conversation';
import { useTwilioErrorText } from './use-twilio-error-text';

const useStyles = makeStyles({
  ticks: { display: 'inline-flex', alignItems: 'center', color: tokens.colorNeutralForeground3, fontSize: '16px' },
  // Two checkmarks drawn over each other, as WhatsApp shows delivered and read.
  second: { marginLeft: '-10px' },
  read: { color: tokens.colorBrandForeground1 },
  failure: { display: 'inline-flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS, color: tokens.colorPaletteRedForeground1 },
  failureIcon: { flexShrink: 0, fontSize: '16px', marginTop: '2px' },
});

/**
 * WhatsApp's ticks for our messages: a clock until Twilio has it, ✓ sent, ✓✓ delivered,
 * ✓✓ in colour when read. The ticks carry their name for screen readers; a failure is said in words.
 */
export function DeliveryStatus({ message }: { message: Pick<Message, 'status' | 'errorCode'> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useTwilioErrorText();
  const { status } = message;
  if (status === 'received' || status === 'note') return null;

  if (status === 'failed' || status === 'undelivered') {
    return (
      <Text size={200} className={styles.failure}>
        <ErrorCircleRegular aria-hidden className={styles.failureIcon} />
        <span>
          {t(`conversations.delivery.${status}`)}: {errorText(message.errorCode)}
        </span>
      </Text>
    );
  }

  const label = t(`conversations.delivery.${status}`);
  const twoTicks = status === 'delivered' || status === 'read';
  return (
    <span role="img" aria-label={label} title={label} className={mergeClasses(styles.ticks, status === 'read' && styles.read)}>
      {status === 'sent' || twoTicks ? <CheckmarkRegular aria-hidden /> : <ClockRegular aria-hidden />}
      {twoTicks && <CheckmarkRegular aria-hidden className={styles.second} />}
    </span>
  );
}
