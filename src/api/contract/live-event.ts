import { z } from 'zod';
import { conversationSchema, messageSchema } from './conversation';
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
]);

export type LiveEvent = z.infer<typeof liveEventSchema>;
