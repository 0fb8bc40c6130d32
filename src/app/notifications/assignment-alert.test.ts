import i18next from 'i18next';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { changeLanguage, initI18n } from '@/i18n/i18n';
import {
  assignmentAlertText,
  beep,
  browserPermission,
  loadPreferences,
  noAlerts,
  requestBrowserPermission,
  savePreferences,
  showBrowserAlert,
  type BrowserAlert,
} from './assignment-alert';

await initI18n('en');
afterEach(async () => {
  localStorage.clear();
  await changeLanguage('en');
});

/** A stand-in for the browser's Notification API with the given permission, recording what was shown. */
function fakeNotificationApi(permission: NotificationPermission, answer: NotificationPermission = permission) {
  const shown: FakeNotification[] = [];
  class FakeNotification {
    static permission = permission;
    static requestPermission = vi.fn(() => {
      FakeNotification.permission = answer;
      return Promise.resolve(answer);
    });
    onclick: (() => void) | null = null;
    close = vi.fn();
    constructor(
      readonly title: string,
      readonly options: NotificationOptions,
    ) {
      shown.push(this);
    }
  }
  return { api: FakeNotification as unknown as typeof Notification, shown, FakeNotification };
}

const alert = (onOpen = vi.fn()): BrowserAlert => ({ conversationId: 'c-1', text: { title: 'New conversation in Billing', body: '' }, onOpen });

describe('preferences', () => {
  test('kept per user; nothing stored or something unreadable means no browser notification and no sound', () => {
    expect(loadPreferences(localStorage, 'aino')).toEqual(noAlerts);
    savePreferences(localStorage, 'aino', { browser: true, sound: false });
    expect(loadPreferences(localStorage, 'aino')).toEqual({ browser: true, sound: false });
    expect(loadPreferences(localStorage, 'eero')).toEqual(noAlerts);
    localStorage.setItem('admin-center:notifications:eero', '{not json');
    expect(loadPreferences(localStorage, 'eero')).toEqual(noAlerts);
    localStorage.setItem('admin-center:notifications:eero', '{"browser":"yes","sound":true}');
    expect(loadPreferences(localStorage, 'eero')).toEqual({ browser: false, sound: true });
  });
});

describe('browser notifications', () => {
  test('permission states, and a browser without the API', async () => {
    expect(browserPermission(fakeNotificationApi('default').api)).toBe('default');
    expect(browserPermission(fakeNotificationApi('denied').api)).toBe('denied');
    expect(browserPermission(undefined)).toBe('unsupported');
    const asking = fakeNotificationApi('default', 'granted');
    expect(await requestBrowserPermission(asking.api)).toBe('granted');
    expect(asking.FakeNotification.requestPermission).toHaveBeenCalledOnce();
    expect(await requestBrowserPermission(undefined)).toBe('unsupported');
  });

  test('shown when opted in and granted, tagged with the conversation; a click focuses the window and opens it', () => {
    const { api, shown } = fakeNotificationApi('granted');
    const onOpen = vi.fn();
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => undefined);
    const notification = showBrowserAlert({ browser: true, sound: false }, alert(onOpen), api);
    expect(notification).not.toBeNull();
    expect(shown.map((n) => [n.title, n.options])).toEqual([['New conversation in Billing', { body: '', tag: 'c-1' }]]);
    shown[0]!.onclick?.();
    expect(focus).toHaveBeenCalled();
    expect(onOpen).toHaveBeenCalledOnce();
    expect(shown[0]!.close).toHaveBeenCalled();
    focus.mockRestore();
  });

  test('opted out, not granted or unsupported: no notification', () => {
    for (const [preferences, permission] of [
      [{ browser: false, sound: true }, 'granted'],
      [{ browser: true, sound: false }, 'denied'],
      [{ browser: true, sound: false }, 'default'],
    ] as const) {
      const { api, shown } = fakeNotificationApi(permission);
      expect(showBrowserAlert(preferences, alert(), api)).toBeNull();
      expect(shown).toEqual([]);
    }
    expect(showBrowserAlert({ browser: true, sound: true }, alert(), undefined)).toBeNull();
  });
});

describe('the words, from the template', () => {
  const t = i18next.t.bind(i18next);

  test('messagingIncoming names only the queue, even if the event carried more', () => {
    expect(assignmentAlertText(t, { template: 'messagingIncoming', queueName: 'Billing', customerName: null, preview: null })).toEqual({ title: 'New conversation in Billing', body: '' });
    expect(assignmentAlertText(t, { template: 'messagingIncoming', queueName: 'Billing', customerName: 'Maria', preview: 'My card number' })).toEqual({ title: 'New conversation in Billing', body: '' });
    expect(assignmentAlertText(t, { template: 'messagingIncoming', queueName: null, customerName: null, preview: null })).toEqual({ title: 'New conversation', body: '' });
  });

  test('messagingIncomingWithPreview shows the customer and the message, and the queue', async () => {
    const withPreview = { template: 'messagingIncomingWithPreview', queueName: 'Billing', customerName: 'Maria Virtanen', preview: 'Where is my order?' } as const;
    expect(assignmentAlertText(t, withPreview)).toEqual({ title: 'Maria Virtanen: Where is my order?', body: 'Queue: Billing' });
    expect(assignmentAlertText(t, { ...withPreview, preview: null })).toEqual({ title: 'New conversation with Maria Virtanen', body: 'Queue: Billing' });
    await changeLanguage('fi');
    expect(assignmentAlertText(t, { ...withPreview, template: 'messagingIncoming' })).toEqual({ title: 'Uusi keskustelu jonossa Billing', body: '' });
    expect(assignmentAlertText(t, withPreview).body).toBe('Jono: Billing');
  });
});

describe('the sound', () => {
  test('a short tone from an oscillator; nothing where Web Audio is missing or refuses', () => {
    const started: number[] = [];
    const stopped: number[] = [];
    class FakeAudioContext {
      currentTime = 2;
      destination = {};
      close = vi.fn(() => Promise.resolve());
      createGain() {
        return { gain: { value: 1 }, connect: (node: unknown) => node };
      }
      createOscillator() {
        return {
          frequency: { value: 0 },
          onended: null,
          connect: (node: unknown) => node,
          start: () => started.push(1),
          stop: (at: number) => stopped.push(at),
        };
      }
    }
    beep(FakeAudioContext as unknown as typeof AudioContext);
    expect(started).toEqual([1]);
    expect(stopped[0]).toBeCloseTo(2.15);
    expect(() => beep(undefined)).not.toThrow();
    const Refusing = class {
      constructor() {
        throw new Error('NotAllowedError');
      }
    };
    expect(() => beep(Refusing as unknown as typeof AudioContext)).not.toThrow();
  });
});
