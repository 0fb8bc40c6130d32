import { Body1, MessageBar, MessageBarBody, Spinner, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/api/problem';
import { CopyField } from '@/components/copy-field';
import { ProblemAlert } from '@/components/problem-alert';
import { RouterLink } from '@/components/router-link';
import { useDocumentTitle } from '@/components/use-document-title';
import { paths } from '@/config/paths';
import { accountQueries } from '@/resources/accounts';
import { sandboxQueries, useSandboxLiveUpdates } from '@/resources/sandbox';
import { ChecklistStep } from './checklist-step';
import { JoinCodeStep } from './join-code-step';
import { LiveCheckStep } from './live-check-step';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'stretch', gap: tokens.spacingVerticalL, maxWidth: '900px' },
  title: { margin: 0 },
  steps: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, margin: 0, padding: 0, listStyle: 'none' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * The guided checklist of an account on Twilio's sandbox number: the join code to share,
 * the webhook addresses to paste, and a live check that turns green with the first message.
 */
export function SandboxChecklistPage({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const account = useQuery(accountQueries.detail(accountId));
  const status = useQuery(sandboxQueries.status(accountId));
  useSandboxLiveUpdates(accountId);
  const name = account.data?.name ?? '';
  useDocumentTitle(name ? t('sandbox.documentTitle', { name }) : t('sandbox.title'));

  const back = <RouterLink to={paths.account(accountId)}>{t('sandbox.backToAccount', { name: name || t('nav.accounts') })}</RouterLink>;
  if (status.isPending || account.isPending) return <Spinner label={t('common.loading')} />;
  const failed = status.error ?? account.error;
  if (!status.data || !account.data) {
    const gone = failed instanceof ApiError && failed.status === 404;
    return (
      <div className={styles.root}>
        {gone ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t('errors.notFound')}</MessageBarBody>
          </MessageBar>
        ) : (
          <ProblemAlert error={failed} onRetry={() => void Promise.all([status.refetch(), account.refetch()])} />
        )}
        <RouterLink to={paths.accounts}>{t('editAccount.backToList')}</RouterLink>
      </div>
    );
  }

  const sandbox = status.data;
  return (
    <div className={styles.root}>
      {back}
      <Title2 as="h1" className={styles.title}>
        {t('sandbox.title')}
      </Title2>
      <Body1 as="p" className={styles.muted}>
        {t('sandbox.intro', { number: sandbox.sandboxNumber })}
      </Body1>
      {!sandbox.isSandbox && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('sandbox.notSandbox', { number: sandbox.sandboxNumber })}</MessageBarBody>
        </MessageBar>
      )}
      {sandbox.publicUrlIsLocal && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('sandbox.localWarning')}</MessageBarBody>
        </MessageBar>
      )}
      <ol className={styles.steps}>
        <JoinCodeStep accountId={accountId} status={sandbox} />
        {/* Twilio does not say when the URL is pasted; a message arriving proves it was. */}
        <ChecklistStep number={2} title={t('sandbox.webhook.title')} done={sandbox.firstInboundAt !== null ? true : null}>
          <Body1 as="p">{t('sandbox.webhook.body')}</Body1>
          <CopyField label={t('callback.inboundUrl')} value={sandbox.inboundUrl} copyLabel={t('callback.copyInbound')} />
          <CopyField label={t('callback.statusUrl')} value={sandbox.statusCallbackUrl} copyLabel={t('callback.copyStatus')} />
          <Body1 className={styles.muted}>{t('sandbox.webhook.manual')}</Body1>
        </ChecklistStep>
        <LiveCheckStep status={sandbox} />
      </ol>
    </div>
  );
}
