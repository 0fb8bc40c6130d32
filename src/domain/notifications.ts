/**
 * What an agent's notification of a new assignment may show. The workstream's template decides:
 * "messagingIncoming" names only the queue, so a locked screen shows no customer data;
 * "messagingIncomingWithPreview" adds the customer's name and their latest message.
 */
export const notificationTemplates = ['messagingIncoming', 'messagingIncomingWithPreview'] as const;
export type NotificationTemplate = (typeof notificationTemplates)[number];

export const NOTIFICATION_PREVIEW_LENGTH = 100;

export interface AssignmentNotification {
  template: NotificationTemplate;
  queueName: string | null;
  customerName: string | null;
  preview: string | null;
}

export function assignmentNotification(
  template: NotificationTemplate,
  facts: { queueName: string | null; customerName: string; preview: string },
): AssignmentNotification {
  if (template === 'messagingIncoming') return { template, queueName: facts.queueName, customerName: null, preview: null };
  const preview = Array.from(facts.preview.trim()).slice(0, NOTIFICATION_PREVIEW_LENGTH).join('');
  return { template, queueName: facts.queueName, customerName: facts.customerName, preview: preview === '' ? null : preview };
}
