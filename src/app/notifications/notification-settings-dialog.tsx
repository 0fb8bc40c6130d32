import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, MessageBar, MessageBarBody, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionUser } from '@/features/auth/components/gate/use-session-user';
import { browserPermission, loadPreferences, requestBrowserPermission, savePreferences, type AlertPreferences, type BrowserPermission } from './assignment-alert';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The user's choice of browser notifications and sound for new assignments, on this device. */
export function NotificationSettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('notifications.settingsTitle')}</DialogTitle>
          <DialogContent>{user && open && <Settings userId={user.id} />}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t('notifications.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function Settings({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [preferences, setPreferences] = useState<AlertPreferences>(() => loadPreferences(localStorage, userId));
  const [permission, setPermission] = useState<BrowserPermission>(() => browserPermission());

  const change = (next: AlertPreferences) => {
    setPreferences(next);
    savePreferences(localStorage, userId, next);
  };

  const toggleBrowser = async (on: boolean) => {
    if (!on) return change({ ...preferences, browser: false });
    const answer = permission === 'granted' ? permission : await requestBrowserPermission();
    setPermission(answer);
    change({ ...preferences, browser: answer === 'granted' });
  };

  const problem = permission === 'denied' ? t('notifications.denied') : permission === 'unsupported' ? t('notifications.unsupported') : null;
  return (
    <div className={styles.content}>
      <p>{t('notifications.settingsIntro')}</p>
      <Field hint={t('notifications.browserHint')}>
        <Switch
          label={t('notifications.browser')}
          checked={preferences.browser && permission === 'granted'}
          disabled={permission === 'unsupported'}
          onChange={(_, data) => void toggleBrowser(data.checked)}
        />
      </Field>
      {problem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <Field hint={t('notifications.soundHint')}>
        <Switch label={t('notifications.sound')} checked={preferences.sound} onChange={(_, data) => change({ ...preferences, sound: data.checked })} />
      </Field>
    </div>
  );
}
