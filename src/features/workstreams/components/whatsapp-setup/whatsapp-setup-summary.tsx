import { Body1, Button, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workstream } from '@/api/contract/workstream';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { LinkButton } from '@/components/link-button';
import { ProblemAlert } from '@/components/problem-alert';
import { useNotify } from '@/components/toast';
import { paths } from '@/config/paths';
import { useRemoveWhatsApp } from '@/resources/whatsapp-setup';
import { overviewFromSetup } from './overview-data';
import { SetupOverview } from './setup-overview';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  overview: { alignSelf: 'stretch', maxWidth: '760px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/** The WhatsApp section of a workstream's page: what is set up, and the way to set it up or change it. */
export function WhatsAppSetupSummary({ workstream }: { workstream: Workstream }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const notify = useNotify();
  const remove = useRemoveWhatsApp(workstream.id);
  const [confirming, setConfirming] = useState(false);
  const setup = workstream.whatsapp;

  const confirmRemove = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        notify(t('whatsAppSetup.overview.removed', { name: workstream.name }));
      },
      onError: () => setConfirming(false),
    });

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t('whatsAppSetup.overview.heading')}
      </Subtitle1>
      {remove.error != null && <ProblemAlert error={remove.error} onRetry={() => setConfirming(true)} />}
      {setup ? (
        <>
          <div className={styles.overview}>
            <SetupOverview data={overviewFromSetup(setup)} />
          </div>
          <div className={styles.actions}>
            <LinkButton to={paths.whatsAppSetup(workstream.id)} icon={<EditRegular />}>
              {t('whatsAppSetup.overview.editSetup')}
            </LinkButton>
            <Button icon={<DeleteRegular />} onClick={() => setConfirming(true)}>
              {t('whatsAppSetup.overview.remove')}
            </Button>
          </div>
          <ConfirmDialog
            open={confirming}
            title={t('whatsAppSetup.overview.removeTitle', { name: workstream.name })}
            confirmLabel={t('common.remove')}
            busy={remove.isPending}
            busyLabel={t('whatsAppSetup.overview.removing')}
            onConfirm={confirmRemove}
            onCancel={() => setConfirming(false)}
          >
            {t('whatsAppSetup.overview.removeBody', { number: `${setup.numberName} (${setup.number})` })}
          </ConfirmDialog>
        </>
      ) : (
        <>
          <Body1 as="p">{t('whatsAppSetup.overview.notSetUp')}</Body1>
          <LinkButton to={paths.whatsAppSetup(workstream.id)} appearance="primary">
            {t('whatsAppSetup.overview.setUp')}
          </LinkButton>
        </>
      )}
    </section>
  );
}
