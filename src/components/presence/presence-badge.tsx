import { PresenceBadge, makeStyles, tokens, type PresenceBadgeStatus } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Presence } from '@/domain/work-distribution/presence';

const badgeStatus: Record<Presence, PresenceBadgeStatus> = {
  available: 'available',
  busy: 'busy',
  doNotDisturb: 'do-not-disturb',
  away: 'away',
  offline: 'offline',
};

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
});

/** A presence as a coloured badge with its name beside it (the colour alone tells nothing to many). */
export function PresenceLabel({ presence, className }: { presence: Presence; className?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <span className={className ? `${styles.root} ${className}` : styles.root}>
      <PresenceBadge status={badgeStatus[presence]} size="small" aria-hidden />
      {t(`presence.${presence}`)}
    </span>
  );
}

/** The badge alone, for a place that says the presence in words elsewhere. */
export function PresenceDot({ presence }: { presence: Presence }) {
  return <PresenceBadge status={badgeStatus[presence]} size="small" aria-hidden />;
}
