import type { WhatsAppLanguage } from './whatsapp-languages';

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
