import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, makeStyles, tokens, type MessageBarIntent } from '@fluentui/react-components';
import { ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyResult } from '@/api/contract/account-tools';
import { ProblemAlert } from '@/components/problem-alert';
import { useFormatDateTime } from '@/components/use-format-date-time';
import { useVerifyCredentials } from '@/resources/accounts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalXXL,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    maxWidth: '72ch',
  },
  heading: { margin: 0 },
  result: { alignSelf: 'stretch' },
});

const intents: Record<VerifyResult['outcome'], MessageBarIntent> = {
  ok: 'success',
  rejected: 'error',
  closed: 'error',
  unreachable: 'warning',
  suspended: 'warning',
};

function useOutcomeText() {
  const { t } = useTranslation();
  return (result: VerifyResult): string => {
    const name = result.friendlyName ?? '';
    switch (result.outcome) {
      case 'ok':
        return name ? t('accountTools.verify.outcomes.ok', { name }) : t('accountTools.verify.outcomes.okNoName');
      case 'rejected':
        return t('accountTools.verify.outcomes.rejected');
      case 'unreachable':
        return t('accountTools.verify.outcomes.unreachable');
      case 'suspended':
        return t('accountTools.verify.outcomes.suspended', { name });
      case 'closed':
        return t('accountTools.verify.outcomes.closed', { name });
    }
  };
}

/** "Verify credentials": Twilio's answer about the saved Account SID and auth token, in plain words. */
export function VerifyCredentials({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const verify = useVerifyCredentials(accountId);
  const outcomeText = useOutcomeText();
  const formatDateTime = useFormatDateTime();
  const result = verify.data;

  const run = () => {
    if (!verify.isPending) verify.mutate();
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {t('accountTools.verify.title')}
      </Subtitle2>
      <Body1 as="p">{t('accountTools.verify.intro')}</Body1>
      <Button
        icon={verify.isPending ? <Spinner size="tiny" /> : <ShieldCheckmarkRegular />}
        disabledFocusable={verify.isPending}
        onClick={run}
      >
        {verify.isPending ? t('accountTools.verify.running') : t('accountTools.verify.button')}
      </Button>
      <div role="status" aria-live="polite" className={styles.result}>
        {!verify.isPending && result && (
          <MessageBar intent={intents[result.outcome]} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{outcomeText(result)}</MessageBarTitle>{' '}
              {result.errorCode && `${t('accountTools.verify.errorCode', { code: result.errorCode })}. `}
              {t('accountTools.verify.checkedAt', { time: formatDateTime(result.checkedAt) })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {!verify.isPending && verify.error != null && <ProblemAlert error={verify.error} onRetry={run} />}
    </section>
  );
}
