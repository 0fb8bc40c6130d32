import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  field: { flexGrow: 1 },
  // Long values (callback URLs) wrap instead of hiding their end: people check them by eye.
  value: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  // Copy and Copied take the same room, so the field does not jump when it is pressed.
  button: { minWidth: '120px' },
});

type CopyState = 'idle' | 'copied' | 'failed';

/** A read-only value with a Copy button; the result is announced to screen readers. */
export function CopyField({ label, value, hint, copyLabel }: { label: string; value: string; hint?: string; copyLabel: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 3000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  // The instruction stays put after Copy: it says where to paste, which is what comes next.
  return (
    <Field
      label={label}
      hint={hint}
      validationState={state === 'failed' ? 'warning' : 'none'}
      validationMessage={state === 'failed' ? t('common.copyFailed') : undefined}
    >
      {(fieldProps) => (
        <div className={styles.row}>
          <Textarea
            {...fieldProps}
            className={styles.field}
            textarea={{ className: styles.value }}
            value={value}
            readOnly
            resize="none"
            rows={2}
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button
            className={styles.button}
            aria-label={copyLabel}
            icon={state === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
            onClick={() => void copy()}
          >
            {state === 'copied' ? t('common.copied') : t('common.copy')}
          </Button>
          <span role="status" aria-live="polite" style={{ position: 'absolute', left: '-9999px' }}>
            {state === 'copied' ? t('common.copied') : ''}
          </span>
        </div>
      )}
    </Field>
  );
}
