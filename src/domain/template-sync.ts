import { checkTemplateBody, type TemplateBodyError } from './template-variables';
import { isWhatsAppLanguage, type WhatsAppLanguage } from './whatsapp-languages';

export type SyncedStatus = 'draft' | 'pending' | 'approved' | 'rejected';
export type SyncedCategory = 'utility' | 'marketing' | 'authentication';

/** Twilio's WhatsApp approval statuses in ours; a content never submitted is a draft. */
export function approvalStatusOf(twilioStatus: string | null): SyncedStatus {
  switch ((twilioStatus ?? '').toLowerCase()) {
    case 'approved':
      return 'approved';
    case 'pending':
    case 'received':
    case 'in_review':
      return 'pending';
    case 'rejected':
    case 'paused':
    case 'disabled':
      return 'rejected';
    default:
      return 'draft';
  }
}

/** WhatsApp's category, or null for one we do not know (older contents say "TRANSACTIONAL"). */
export function categoryOf(twilioCategory: string | null): SyncedCategory | null {
  const category = (twilioCategory ?? '').toLowerCase();
  return category === 'utility' || category === 'marketing' || category === 'authentication' ? category : null;
}

/** Twilio's language code ("en", "pt_BR", "en-US") as a WhatsApp language, or null when it is not one. */
export function syncedLanguage(code: string): WhatsAppLanguage | null {
  const [language = '', region] = code.trim().split(/[-_]/);
  const candidate = region ? `${language.toLowerCase()}_${region.toUpperCase()}` : language.toLowerCase();
  return isWhatsAppLanguage(candidate) ? candidate : null;
}

/** A friendly name as a template name: lower case letters, digits and underscores ("Order update" → "order_update"). */
export function syncedName(friendlyName: string): string {
  return friendlyName
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 512);
}

export type SkipReason = 'notText' | 'language' | 'name' | TemplateBodyError | 'linkedElsewhere';

/** Why a Twilio content cannot become a template here, or null when it can. */
export function syncIssue(content: { body: string | null; language: string; friendlyName: string }): SkipReason | null {
  if (content.body === null) return 'notText';
  if (!syncedLanguage(content.language)) return 'language';
  if (syncedName(content.friendlyName) === '') return 'name';
  const body = checkTemplateBody(content.body);
  return body.ok ? null : body.error;
}

export const skipReasonText: Record<SkipReason, string> = {
  notText: 'Not a WhatsApp text template: only text templates can be sent from here.',
  language: 'Its language is not one WhatsApp templates support here.',
  name: 'Its name has no letters or digits to name a template with.',
  'body.required': 'Its text is empty.',
  'body.tooLong': 'Its text is longer than the 1,024 characters WhatsApp allows.',
  'body.malformedVariable': 'Its variables are not written as numbers in double braces, like {{1}}.',
  'body.variablesNotSequential': 'Its variables are not numbered in order from {{1}}.',
  'body.adjacentVariables': 'It has two variables side by side, which WhatsApp rejects.',
  linkedElsewhere: 'A template with this name and language is linked to another Twilio content.',
};
