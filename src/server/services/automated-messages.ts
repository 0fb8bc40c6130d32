import type { AutomatedMessage } from '@/api/contract/whatsapp-setup';
import { automatedMessageFor } from '@/domain/automated-messages';
import type { WhatsAppLanguage } from '@/domain/whatsapp-languages';
import type { Queryable } from '../db/database';
import { messages, outbox } from '../db/schema';

/** The greeting configured for a language, else the first greeting configured; null when there is none. */
export function greetingFor(automatedMessages: readonly AutomatedMessage[], language: WhatsAppLanguage): string | null {
  return automatedMessageFor(automatedMessages, 'greeting', language);
}

const attachmentRefusals = {
  en: 'Sorry, we can’t receive attachments here. Please describe it in a message instead.',
  fi: 'Valitettavasti emme voi vastaanottaa liitteitä täällä. Kerro asiasta viestillä.',
} as const;

/** The polite answer to an attachment the workstream does not accept, in Finnish or else English. */
export function attachmentRefusal(language: WhatsAppLanguage): string {
  return language === 'fi' ? attachmentRefusals.fi : attachmentRefusals.en;
}

/**
 * An automated outbound message and its outbox row, in the caller's transaction: the
 * worker sends it once the transaction has committed (then wake it with context.wakeOutbox).
 */
export async function queueAutomatedMessage(tx: Queryable, conversationId: string, body: string, now: Date): Promise<string> {
  const at = now.toISOString();
  const [message] = await tx
    .insert(messages)
    .values({ conversationId, direction: 'outbound', author: 'automated', body, status: 'pending', createdAt: at, statusUpdatedAt: at })
    .returning({ id: messages.id });
  await tx.insert(outbox).values({ messageId: message!.id, nextAttemptAt: at, createdAt: at });
  return message!.id;
}
