import { describe, expect, test } from 'vitest';
import { assignmentNotification, NOTIFICATION_PREVIEW_LENGTH } from './notifications';

const facts = { queueName: 'Billing', customerName: 'Maija Meikäläinen', preview: 'My invoice is wrong' };

describe('assignmentNotification', () => {
  test('"messagingIncoming" carries only the queue: no customer name, no message', () => {
    expect(assignmentNotification('messagingIncoming', facts)).toEqual({ template: 'messagingIncoming', queueName: 'Billing', customerName: null, preview: null });
  });

  test('"messagingIncomingWithPreview" adds the customer\'s name and the message', () => {
    expect(assignmentNotification('messagingIncomingWithPreview', facts)).toEqual({
      template: 'messagingIncomingWithPreview',
      queueName: 'Billing',
      customerName: 'Maija Meikäläinen',
      preview: 'My invoice is wrong',
    });
  });

  test(`the preview is trimmed and cut at ${NOTIFICATION_PREVIEW_LENGTH} characters without splitting an emoji`, () => {
    const long = `  ${'😀'.repeat(NOTIFICATION_PREVIEW_LENGTH + 5)}  `;
    const { preview } = assignmentNotification('messagingIncomingWithPreview', { ...facts, preview: long });
    expect(Array.from(preview!)).toHaveLength(NOTIFICATION_PREVIEW_LENGTH);
    expect(preview).toBe('😀'.repeat(NOTIFICATION_PREVIEW_LENGTH));
  });

  test('a blank message (e.g. only a picture) is no preview', () => {
    expect(assignmentNotification('messagingIncomingWithPreview', { ...facts, preview: ' \n ' }).preview).toBeNull();
  });

  test('a conversation outside any queue names none', () => {
    expect(assignmentNotification('messagingIncoming', { ...facts, queueName: null }).queueName).toBeNull();
  });
});
