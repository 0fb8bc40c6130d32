import { Link, Toast, ToastBody, ToastFooter, ToastTitle, useToastController } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TOASTER_ID } from '@/components/toast';
import { paths } from '@/config/paths';
import { useLiveEvent } from '@/resources/live/live-channel';
import { assignmentAlertText, beep, loadPreferences, showBrowserAlert } from './assignment-alert';

/**
 * Tells the signed-in user when a conversation is given to them: always a toast with a way
 * to open it; a browser notification and a tone where they opted in on this device.
 */
export function useAssignmentAlerts(userId: string | null) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { dispatchToast } = useToastController(TOASTER_ID);

  useLiveEvent((event) => {
    if (event.type !== 'assignment' || userId === null || event.assigneeId !== userId) return;
    const text = assignmentAlertText(t, event.notification);
    const open = () => void navigate(paths.conversation(event.conversationId));
    dispatchToast(
      <Toast>
        <ToastTitle>{text.title}</ToastTitle>
        {text.body !== '' && <ToastBody>{text.body}</ToastBody>}
        <ToastFooter>
          <Link as="button" onClick={open}>
            {t('notifications.open')}
          </Link>
        </ToastFooter>
      </Toast>,
      { intent: 'info', politeness: 'polite', timeout: 10_000, toastId: `assignment-${event.conversationId}` },
    );
    const preferences = loadPreferences(localStorage, userId);
    showBrowserAlert(preferences, { conversationId: event.conversationId, text, onOpen: open });
    if (preferences.sound) beep();
  });
}
