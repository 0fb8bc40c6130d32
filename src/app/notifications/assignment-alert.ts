import type { TFunction } from 'i18next';
import type { LiveEvent } from '@/api/contract/live-event';

export type AssignmentEvent = Extract<LiveEvent, { type: 'assignment' }>;
type AssignmentNotification = AssignmentEvent['notification'];

/** What the user chose for this device: the in-app toast always shows; these come on top. */
export interface AlertPreferences {
  browser: boolean;
  sound: boolean;
}

export const noAlerts: AlertPreferences = { browser: false, sound: false };

const storageKey = (userId: string) => `admin-center:notifications:${userId}`;

/** Per user, so that colleagues sharing a browser keep their own choice. */
export function loadPreferences(storage: Storage, userId: string): AlertPreferences {
  try {
    const stored: unknown = JSON.parse(storage.getItem(storageKey(userId)) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return noAlerts;
    const { browser, sound } = stored as Partial<Record<keyof AlertPreferences, unknown>>;
    return { browser: browser === true, sound: sound === true };
  } catch {
    return noAlerts;
  }
}

export function savePreferences(storage: Storage, userId: string, preferences: AlertPreferences): void {
  storage.setItem(storageKey(userId), JSON.stringify(preferences));
}

/** "unsupported" where the browser has no Notification API (or the page is not in a secure context). */
export type BrowserPermission = NotificationPermission | 'unsupported';

export function browserPermission(api: typeof Notification | undefined = globalThis.Notification): BrowserPermission {
  return api ? api.permission : 'unsupported';
}

/** Asks the browser for permission; a browser without the API answers "unsupported". */
export async function requestBrowserPermission(api: typeof Notification | undefined = globalThis.Notification): Promise<BrowserPermission> {
  if (!api) return 'unsupported';
  return api.requestPermission();
}

/**
 * The alert's words, from what the event carries and nothing else: with "messagingIncoming"
 * only the queue, with the preview template the customer's name and message as well.
 */
export function assignmentAlertText(t: TFunction, notification: AssignmentNotification): { title: string; body: string } {
  const queue = notification.queueName;
  const inQueue = queue ? t('notifications.inQueue', { queue }) : '';
  if (notification.template === 'messagingIncoming' || notification.customerName === null) {
    return { title: queue ? t('notifications.newConversation', { queue }) : t('notifications.newConversationNoQueue'), body: '' };
  }
  const title = notification.preview
    ? t('notifications.withPreview', { customerName: notification.customerName, preview: notification.preview })
    : t('notifications.withCustomer', { customerName: notification.customerName });
  return { title, body: inQueue };
}

export interface BrowserAlert {
  conversationId: string;
  text: { title: string; body: string };
  /** Opens the conversation in the app. */
  onOpen: () => void;
}

/**
 * A system notification for the assignment, when the user opted in and the browser allows it.
 * Its tag is the conversation, so a repeated assignment replaces rather than piles up.
 */
export function showBrowserAlert(
  preferences: AlertPreferences,
  alert: BrowserAlert,
  api: typeof Notification | undefined = globalThis.Notification,
): Notification | null {
  if (!preferences.browser || browserPermission(api) !== 'granted' || !api) return null;
  const notification = new api(alert.text.title, { body: alert.text.body, tag: alert.conversationId });
  notification.onclick = () => {
    window.focus();
    alert.onOpen();
    notification.close();
  };
  return notification;
}

const BEEP_HZ = 880;
const BEEP_SECONDS = 0.15;

/** A short tone made on the spot (no audio file); silent where Web Audio is missing or not yet allowed. */
export function beep(AudioContextClass: typeof AudioContext | undefined = globalThis.AudioContext): void {
  if (!AudioContextClass) return;
  try {
    const context = new AudioContextClass();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = BEEP_HZ;
    gain.gain.value = 0.1;
    oscillator.connect(gain).connect(context.destination);
    oscillator.onended = () => void context.close();
    oscillator.start();
    oscillator.stop(context.currentTime + BEEP_SECONDS);
  } catch {
    // Autoplay rules may refuse sound before the user has interacted with the page: the toast still shows.
  }
}
