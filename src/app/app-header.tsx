import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSessionUser } from '@/features/auth/components/gate/use-session-user';
import { PresenceMenu } from '@/features/auth/components/presence-menu/presence-menu';
import { UserMenu } from '@/features/auth/components/user-menu/user-menu';
import { DemoControls } from './demo-controls';
import { LanguageSelect } from './language-select';
import { NotificationSettingsDialog } from './notifications/notification-settings-dialog';
import { useAssignmentAlerts } from './notifications/use-assignment-alerts';

const useStyles = makeStyles({
  header: {
    gridArea: 'header',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { flexGrow: 1, color: tokens.colorNeutralForegroundOnBrand },
});

export function AppHeader() {
  const styles = useStyles();
  const { t } = useTranslation();
  const isDemo = import.meta.env.MODE === 'demo';
  useAssignmentAlerts(useSessionUser()?.id ?? null);
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
      <LanguageSelect />
      <PresenceMenu />
      <UserMenu NotificationSettings={NotificationSettingsDialog} />
    </header>
  );
}
