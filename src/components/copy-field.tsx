import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  input: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace },
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

  const message = state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : hint;
  return (
    <Field label={label} hint={message} validationState={state === 'failed' ? 'warning' : 'none'}>
      {(fieldProps) => (
        <div className={styles.row}>
          <Input {...fieldProps} className={styles.input} value={value} readOnly onFocus={(e) => e.currentTarget.select()} />
          <Button
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
