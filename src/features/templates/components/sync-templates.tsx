import { Body1, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { useFormatDateTime } from '@/components/use-format-date-time';
import { skipReasonText, type SkipReason } from '@/domain/template-sync';
import { useSyncTemplates } from '@/resources/templates';

const reasonKeys = new Map(Object.entries(skipReasonText).map(([key, text]) => [text, key as SkipReason]));

/** A skip reason in the reader's language: the API words it in English, from a known list. */
function useReasonText() {
  const { t } = useTranslation();
  return (reason: string): string => {
    const key = reasonKeys.get(reason);
    return key ? t(`accountTools.sync.reasons.${key}`) : reason;
  };
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground2, maxWidth: '72ch' },
  result: { alignSelf: 'stretch' },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, margin: 0, padding: 0, listStyle: 'none' },
  skipped: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/** "Sync templates from Twilio", with what it did: added, updated, unchanged and skipped items. */
export function SyncTemplates({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const hintId = useId();
  const sync = useSyncTemplates(accountId);
  const formatDateTime = useFormatDateTime();
  const reasonText = useReasonText();
  const result = sync.data;

  const run = () => {
    if (!sync.isPending) sync.mutate();
  };

  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button
          icon={sync.isPending ? <Spinner size="tiny" /> : <ArrowSyncRegular />}
          disabledFocusable={sync.isPending}
          aria-describedby={hintId}
          onClick={run}
        >
          {sync.isPending ? t('accountTools.sync.running') : t('accountTools.sync.button')}
        </Button>
        <Caption1 id={hintId} className={styles.hint}>
          {t('accountTools.sync.hint')}
        </Caption1>
      </div>
      <div role="status" aria-live="polite" className={styles.result}>
        {!sync.isPending && result && (
          <MessageBar intent={result.skipped.length > 0 ? 'warning' : 'success'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('accountTools.sync.resultTitle', { time: formatDateTime(result.syncedAt) })}</MessageBarTitle>
              <ul className={styles.counts}>
                <li>{t('accountTools.sync.added', { count: result.added })}</li>
                <li>{t('accountTools.sync.updated', { count: result.updated })}</li>
                <li>{t('accountTools.sync.unchanged', { count: result.unchanged })}</li>
              </ul>
              {result.skipped.length > 0 && (
                <>
                  <Body1>{t('accountTools.sync.skippedTitle', { count: result.skipped.length })}</Body1>
                  <ul className={styles.skipped}>
                    {result.skipped.map((item, index) => (
                      <li key={`${item.name}-${index}`}>{t('accountTools.sync.skippedItem', { name: item.name, reason: reasonText(item.reason) })}</li>
                    ))}
                  </ul>
                </>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {!sync.isPending && sync.error != null && <ProblemAlert error={sync.error} onRetry={run} />}
    </div>
  );
}
