import { changedFields } from './audit-changes';
import { checkTemplateBody, variableCount, type TemplateBodyError } from './template-variables';
import { isWhatsAppLanguage, type WhatsAppLanguage } from './whatsapp-languages';

export type SyncedStatus = 'draft' | 'pending' | 'approved' | 'rejected';
export type SyncedCategory = 'utility' | 'marketing' | 'authentication';

/** A template in an account's Twilio Content API, as the sync reads it. */
export interface TwilioContent {
  sid: string;
  friendlyName: string;
  language: string;
  /** The WhatsApp text body with {{1}} variables; null for a content that is not a text (a card, media). */
  body: string | null;
  /** Twilio's sample values, keyed "1", "2"… */
  variables: Record<string, string>;
  /** WhatsApp's approval as Twilio words it: approved, pending, rejected, unsubmitted…; null when Twilio did not say. */
  approvalStatus: string | null;
  rejectionReason: string | null;
  category: string | null;
}

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

const MAX_EXAMPLE = 200;
const MAX_REASON = 500;
const NO_REASON = 'WhatsApp rejected it without giving a reason.';

/** What the sync reads of a template already in the account. */
export interface SyncableTemplate {
  id: string;
  name: string;
  language: string;
  contentSid: string | null;
  body: string;
  status: SyncedStatus;
  rejectionReason: string | null;
  category: SyncedCategory;
  examples: readonly string[];
}

/** What Twilio says a template is; the local name and language stay as they are. */
export interface SyncedValues {
  body: string;
  status: SyncedStatus;
  rejectionReason: string | null;
  category: SyncedCategory;
  contentSid: string;
  examples: string[];
}

export interface TemplateAddition {
  action: 'add';
  name: string;
  language: WhatsAppLanguage;
  values: SyncedValues;
}

export interface TemplateUpdate<T> {
  action: 'update';
  /** A template of the account, or one an earlier step of the same plan adds. */
  template: T | TemplateAddition;
  values: SyncedValues;
  changedFields: string[];
}

export type TemplateSyncStep<T> = TemplateAddition | TemplateUpdate<T>;

export interface TemplateSyncPlan<T> {
  /** In the order of the contents, to be applied in that order. */
  steps: TemplateSyncStep<T>[];
  added: number;
  updated: number;
  unchanged: number;
  skipped: { name: string; reason: string }[];
}

export function isTemplateAddition(target: object): target is TemplateAddition {
  return (target as Partial<TemplateAddition>).action === 'add';
}

/** One example per variable: the ones written here where there are, else Twilio's sample values. */
function examplesFor(body: string, local: readonly string[], content: TwilioContent): string[] {
  return Array.from({ length: variableCount(body) }, (_, index) => {
    const kept = local[index]?.trim();
    if (kept) return kept;
    const sample = content.variables[String(index + 1)]?.trim();
    return (sample || `Example ${index + 1}`).slice(0, MAX_EXAMPLE);
  });
}

function syncedValues(content: TwilioContent & { body: string }, local: Pick<SyncableTemplate, 'examples' | 'category'> | null): SyncedValues {
  const status = approvalStatusOf(content.approvalStatus);
  return {
    body: content.body,
    status,
    rejectionReason: status === 'rejected' ? (content.rejectionReason ?? NO_REASON).slice(0, MAX_REASON) : null,
    category: categoryOf(content.category) ?? local?.category ?? 'utility',
    contentSid: content.sid,
    examples: examplesFor(content.body, local?.examples ?? [], content),
  };
}

type SyncedState = Omit<SyncableTemplate, 'id'>;

/**
 * How an account's templates come in line with its Twilio Content API templates: a content
 * matched by its SID (else by name and language) updates the template's text, status,
 * rejection reason and category; a new one is added. Examples written here are kept.
 * Each content is matched against the templates as the earlier ones left them.
 */
export function planTemplateSync<T extends SyncableTemplate>(local: readonly T[], contents: readonly TwilioContent[]): TemplateSyncPlan<T> {
  const plan: TemplateSyncPlan<T> = { steps: [], added: 0, updated: 0, unchanged: 0, skipped: [] };
  const templates: { target: T | TemplateAddition; state: SyncedState }[] = local.map((template) => ({ target: template, state: template }));

  for (const content of contents) {
    const issue = syncIssue(content);
    if (issue) {
      plan.skipped.push({ name: content.friendlyName, reason: skipReasonText[issue] });
      continue;
    }
    const name = syncedName(content.friendlyName);
    const language = syncedLanguage(content.language)!;
    const match =
      templates.find((t) => t.state.contentSid === content.sid) ?? templates.find((t) => t.state.name === name && t.state.language === language);
    if (match && match.state.contentSid !== null && match.state.contentSid !== content.sid) {
      plan.skipped.push({ name: content.friendlyName, reason: skipReasonText.linkedElsewhere });
      continue;
    }
    const text = { ...content, body: content.body! };

    if (!match) {
      const addition: TemplateAddition = { action: 'add', name, language, values: syncedValues(text, null) };
      plan.steps.push(addition);
      templates.push({ target: addition, state: { name, language, ...addition.values } });
      plan.added++;
      continue;
    }

    const values = syncedValues(text, match.state);
    const changed = changedFields(match.state, values);
    if (changed.length === 0) {
      plan.unchanged++;
      continue;
    }
    plan.steps.push({ action: 'update', template: match.target, values, changedFields: changed });
    match.state = { ...match.state, ...values };
    plan.updated++;
  }
  return plan;
}
