import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/link-button';
import { paths } from '@/config/paths';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

/** Every number is taken (or there is none): the way forward is in the accounts. */
export function NoFreeNumber({ hasNumbers }: { hasNumbers: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('whatsAppSetup.number.emptyTitle')}</MessageBarTitle>
        {hasNumbers ? t('whatsAppSetup.number.emptyBodyAllUsed') : t('whatsAppSetup.number.emptyBodyNoNumbers')}
        <div className={styles.actions}>
          <LinkButton to={paths.newAccount} appearance="primary">
            {t('whatsAppSetup.number.newAccount')}
          </LinkButton>
          <LinkButton to={paths.accounts}>{t('whatsAppSetup.number.accounts')}</LinkButton>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
