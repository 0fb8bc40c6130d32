import { replyWindow } from './conversation-window';
import type { WhatsAppLanguage } from './whatsapp-languages';
import type { NoteCode, NoteParams } from './work-distribution/notes';

/** The triggers of a WhatsApp setup's automated messages. */
export const automatedMessageTriggers = ['greeting', 'agentAssigned', 'outOfHours'] as const;
export type AutomatedMessageTrigger = (typeof automatedMessageTriggers)[number];

interface Configured {
  trigger: AutomatedMessageTrigger;
  language: WhatsAppLanguage;
  text: string;
}

/** The automated message of a trigger in the conversation's language, else the first one configured; null when there is none. */
export function automatedMessageFor(configured: readonly Configured[], trigger: AutomatedMessageTrigger, language: WhatsAppLanguage): string | null {
  const ofTrigger = configured.filter((message) => message.trigger === trigger);
  return (ofTrigger.find((message) => message.language === language) ?? ofTrigger[0])?.text ?? null;
}

/** The "agent assigned" message as the customer reads it: {{agent}} is the assignee's name. */
export function agentAssignedText(text: string, agentName: string): string {
  return text.replaceAll('{{agent}}', agentName);
}

/** What a conversation gets for an "agent assigned" or "out of hours" moment: the text to send, or the note that it was skipped. */
export type Announcement = { kind: 'send'; body: string } | { kind: 'note'; code: NoteCode; params: NoteParams };

interface AnnouncementContext {
  configured: readonly Configured[];
  language: WhatsAppLanguage;
  lastInboundAt: Date | string | null;
  /** Twilio refused a reply as outside the window since the customer last wrote (63016). */
  windowClosedByTwilioAt: Date | string | null;
  now: Date;
}

/**
 * The channel's message for a trigger while the 24-hour window is open; outside it a note that
 * it was skipped (a free-form message would fail at Twilio). Null when the channel has none.
 */
function announcement(context: AnnouncementContext, trigger: 'agentAssigned' | 'outOfHours', text: (configured: string) => string, skipped: Omit<Announcement & { kind: 'note' }, 'kind'>): Announcement | null {
  const configured = automatedMessageFor(context.configured, trigger, context.language);
  if (configured === null) return null;
  return replyWindow(context.lastInboundAt, context.now, context.windowClosedByTwilioAt ?? null).open ? { kind: 'send', body: text(configured) } : { kind: 'note', ...skipped };
}

/** Tells the customer who took the conversation ({{agent}} is their name), or notes that it could not. */
export function agentAssignedAnnouncement(context: AnnouncementContext, agentName: string): Announcement | null {
  return announcement(context, 'agentAssigned', (text) => agentAssignedText(text, agentName), { code: 'agentAssignedSkipped', params: { agent: agentName } });
}

/** The out-of-hours message of a conversation whose queue is closed, or the note that it could not go. */
export function outOfHoursAnnouncement(context: AnnouncementContext, queueName: string): Announcement | null {
  return announcement(context, 'outOfHours', (text) => text, { code: 'outOfHoursSkipped', params: { queue: queueName } });
}
