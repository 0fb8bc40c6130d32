import { Body1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SandboxStatus } from '@/api/contract/account-tools';
import { useFormatDateTime } from '@/components/use-format-date-time';
import { ChecklistStep } from './checklist-step';

const useStyles = makeStyles({
  received: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Step 3: turns green by itself when the account's first message has arrived (the page polls for it). */
export function LiveCheckStep({ status }: { status: SandboxStatus }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDateTime = useFormatDateTime();
  const received = status.firstInboundAt;
  return (
    <ChecklistStep number={3} title={t('sandbox.live.title')} done={received !== null}>
      <div role="status" aria-live="polite">
        {received ? (
          <Body1 className={styles.received}>{t('sandbox.live.received', { time: formatDateTime(received) })}</Body1>
        ) : (
          <Spinner size="tiny" labelPosition="after" label={t('sandbox.live.waiting')} />
        )}
      </div>
    </ChecklistStep>
  );
}
