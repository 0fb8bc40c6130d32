import { Badge, makeStyles } from '@fluentui/react-components';
import { ClockRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { visuallyHidden } from '@/components/visually-hidden';
import { splitRemaining, type ReplyWindow } from '@/domain/conversation-window';

const useStyles = makeStyles({ hidden: visuallyHidden });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How long the agent may still write freely, or that only a template can go now. */
export function WindowBadge({ window }: { window: ReplyWindow }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (!window.open) {
    return (
      <Badge appearance="tint" color="warning" icon={<ClockRegular />}>
        <span className={styles.hidden}>{t('conversations.window.label')} </span>
        {t('conversations.window.templateOnly')}
      </Badge>
    );
  }
  return (
    <Badge appearance="tint" color={window.remainingMs < HOUR ? 'danger' : 'informative'} icon={<ClockRegular />}>
      <span className={styles.hidden}>{t('conversations.window.label')} </span>
      {window.remainingMs < MINUTE ? t('conversations.window.lastMinute') : t('conversations.window.timeLeft', splitRemaining(window.remainingMs))}
    </Badge>
  );
}
