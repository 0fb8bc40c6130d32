import { Badge } from '@fluentui/react-components';
import { ArrowSyncRegular, CircleFilled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { LiveStatus } from '@/resources/live/live-connection';

/** Whether new messages appear by themselves; says nothing where the browser cannot receive events. */
export function LiveStatusBadge({ status }: { status: LiveStatus }) {
  const { t } = useTranslation();
  if (status === 'unavailable') return null;
  return (
    <span role="status">
      {status === 'live' ? (
        <Badge appearance="tint" color="success" icon={<CircleFilled />}>
          {t('conversations.live.live')}
        </Badge>
      ) : (
        <Badge appearance="tint" color="warning" icon={<ArrowSyncRegular />}>
          {status === 'connecting' ? t('conversations.live.connecting') : t('conversations.live.reconnecting')}
        </Badge>
      )}
    </span>
  );
}
