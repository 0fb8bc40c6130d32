import { Body1, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { CopyField } from '@/components/copy-field';

const useStyles = makeStyles({
  // Wide enough to show a whole callback URL, which people check by eye before pasting.
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '900px' },
});

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

function localHost(url: string): string | null {
  try {
    const { hostname } = new URL(url);
    return LOCAL_HOSTS.has(hostname) || hostname.endsWith('.localhost') ? hostname : null;
  } catch {
    return null;
  }
}

/** The two addresses to paste into Twilio, with a warning when Twilio could never reach them. */
export function CallbackInfo({ account }: { account: Pick<WhatsAppAccount, 'inboundUrl' | 'statusCallbackUrl'> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const host = localHost(account.inboundUrl);
  return (
    <div className={styles.root}>
      <Body1 as="p">{t('callback.intro')}</Body1>
      {host && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('callback.localhostWarning', { host })}</MessageBarBody>
        </MessageBar>
      )}
      <CopyField label={t('callback.inboundUrl')} value={account.inboundUrl} hint={t('callback.inboundHelp')} copyLabel={t('callback.copyInbound')} />
      <CopyField label={t('callback.statusUrl')} value={account.statusCallbackUrl} hint={t('callback.statusHelp')} copyLabel={t('callback.copyStatus')} />
    </div>
  );
}
