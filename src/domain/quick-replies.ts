import type { WhatsAppLanguage } from './whatsapp-languages';

/** Variables every quick reply may use, besides the workstream's context variables. */
export const quickReplyBuiltInVariables = ['customerName', 'agent', 'queue'] as const;
export const MAX_QUICK_REPLIES = 100;
export const MAX_QUICK_REPLY_TITLE = 60;

const VARIABLE = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

export interface QuickReply {
  id: string;
  title: string;
  /** The text in the workstream's own language (the default). */
  body: string;
  translations: { language: WhatsAppLanguage; body: string }[];
}

/** The variable names a text uses, in order of appearance, without repeats. */
export function quickReplyVariables(body: string): string[] {
  return [...new Set(Array.from(body.matchAll(VARIABLE), (match) => match[1]!))];
}

/** The variables a text uses that are neither built in nor among the workstream's context variables. */
export function unknownQuickReplyVariables(body: string, contextVariableNames: readonly string[]): string[] {
  const known = new Set<string>([...quickReplyBuiltInVariables, ...contextVariableNames].map((name) => name.toLowerCase()));
  return quickReplyVariables(body).filter((name) => !known.has(name.toLowerCase()));
}

/** A reply's text in the conversation's language where it has a translation, else its default text. */
export function quickReplyBody(reply: Pick<QuickReply, 'body' | 'translations'>, language: WhatsAppLanguage): string {
  return reply.translations.find((translation) => translation.language === language)?.body ?? reply.body;
}

/**
 * The text with its variables filled in. A variable without a value (a context variable the bot
 * did not set) is left as written, so the agent sees what is missing before sending.
 */
export function fillQuickReply(body: string, values: Readonly<Record<string, string | null | undefined>>): string {
  const byLowerName = new Map(Object.entries(values).map(([name, value]) => [name.toLowerCase(), value]));
  return body.replace(VARIABLE, (written, name: string) => {
    const value = byLowerName.get(name.toLowerCase());
    return value === undefined || value === null || value === '' ? written : value;
  });
}

/** Quick replies whose title or text holds every word of the query, in their order. */
export function searchQuickReplies<R extends Pick<QuickReply, 'title' | 'body'>>(replies: readonly R[], query: string): R[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...replies];
  return replies.filter((reply) => {
    const haystack = `${reply.title}\n${reply.body}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

export type SentQuickReply = Omit<QuickReply, 'id'> & { id?: string | undefined };

/**
 * Quick replies as stored: an edited reply keeps its id; any other (no id, an id the workstream
 * does not have, or one already used in this list) gets a new one.
 */
export function quickRepliesToStore(sent: readonly SentQuickReply[], stored: readonly Pick<QuickReply, 'id'>[], newId: () => string): QuickReply[] {
  const available = new Set(stored.map((reply) => reply.id));
  return sent.map((reply) => {
    const sentId = reply.id?.toLowerCase();
    const keep = sentId !== undefined && available.delete(sentId);
    return { id: keep ? sentId : newId(), title: reply.title, body: reply.body, translations: reply.translations };
  });
}
