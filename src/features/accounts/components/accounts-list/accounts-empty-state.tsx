import { Body1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, ChatMultipleRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/link-button';
import { paths } from '@/config/paths';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXXL}`,
    textAlign: 'center',
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  icon: { fontSize: '48px', color: tokens.colorBrandForeground1 },
  body: { maxWidth: '48ch', color: tokens.colorNeutralForeground2 },
});

/** The first thing a new administrator sees: what this page is for, and the way to start. */
export function AccountsEmptyState() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="accounts-empty-title">
      <ChatMultipleRegular className={styles.icon} aria-hidden />
      <Subtitle1 as="h2" id="accounts-empty-title">
        {t('accounts.emptyTitle')}
      </Subtitle1>
      <Body1 as="p" className={styles.body}>
        {t('accounts.emptyBody')}
      </Body1>
      <LinkButton to={paths.newAccount} appearance="primary" icon={<AddRegular />}>
        {t('accounts.newAccount')}
      </LinkButton>
    </section>
  );
}
