import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS, paddingTop: tokens.spacingVerticalS },
});

/** One tab's form: Enter in a field saves it, like the Save button at its end. */
export function EditForm({ onSubmit, saving, children }: { onSubmit: FormEventHandler<HTMLFormElement>; saving: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <form noValidate onSubmit={onSubmit} className={styles.form}>
      {children}
      <div className={styles.footer}>
        <Button
          type="submit"
          appearance="primary"
          // As in the wizard: aria-disabled keeps focus on the button and Fluent cancels the click.
          aria-disabled={saving || undefined}
          icon={saving ? <Spinner size="tiny" /> : undefined}
        >
          {saving ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
