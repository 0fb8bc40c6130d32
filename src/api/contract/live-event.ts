import { z } from 'zod';
import { conversationSchema, messageSchema } from './conversation';
import { notificationTemplates } from '@/domain/notifications';
import { presences } from '@/domain/work-distribution/presence';
import { idField, timestampField } from './fields';

/**
 * Server-sent events on GET /api/events, one app-wide stream: each frame is named by its
 * type and carries the event as JSON data.
 */
export const liveEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('conversation'), conversation: conversationSchema }),
  z.object({ type: z.literal('message'), message: messageSchema }),
  z.object({ type: z.literal('sandbox'), accountId: idField, firstInboundAt: timestampField }),
  /** A user's presence as routing sees it changed (to administrators and the user). */
  z.object({ type: z.literal('presence'), userId: idField, presence: z.enum(presences) }),
  /**
   * A conversation was just given to this user (by routing or a transfer): their notification.
   * It carries only what the workstream's notification template shows (src/domain/notifications.ts).
   */
  z.object({
    type: z.literal('assignment'),
    conversationId: idField,
    assigneeId: idField,
    notification: z.object({
      template: z.enum(notificationTemplates),
      queueName: z.string().nullable(),
      customerName: z.string().nullable(),
      preview: z.string().nullable(),
    }),
  }),
]);

export type LiveEvent = z.infer<typeof liveEventSchema>;
