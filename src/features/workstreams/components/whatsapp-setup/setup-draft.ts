import { z } from 'zod';
import {
  automatedMessageTriggers,
  type AutomatedMessageTrigger,
  type WhatsAppSetup,
  type WhatsAppSetupInput,
} from '@/api/contract/whatsapp-setup';
import { draftOrigin, pageLoadMark, type DraftOrigin } from '@/components/wizard/draft-origin';

export interface MessageText {
  language: string;
  text: string;
}

/** A message as the form edits it: texts stay when it is switched off, in case it comes back on. */
export interface MessageDraft {
  enabled: boolean;
  texts: MessageText[];
}

export type SurveyMode = 'off' | 'link' | 'text';

/** Everything the wizard collects, as typed (the server trims), plus the version it edits. */
export interface SetupDraft {
  /** The workstream's version when the wizard started: saving over someone else's change is a conflict. */
  version: number;
  numberId: string;
  language: string;
  messages: Record<AutomatedMessageTrigger, MessageDraft>;
  /** Both the link and the text are kept, so switching the mode back and forth loses neither. */
  survey: { mode: SurveyMode; url: string; text: string };
  attachments: { customersCanSend: boolean; agentsCanSend: boolean };
}

const noMessages = () =>
  Object.fromEntries(automatedMessageTriggers.map((trigger) => [trigger, { enabled: false, texts: [] }])) as unknown as Record<
    AutomatedMessageTrigger,
    MessageDraft
  >;

/** The draft of a workstream: its saved setup, or a blank one. */
export function draftFromSetup(setup: WhatsAppSetup | null, version: number): SetupDraft {
  if (!setup) {
    return {
      version,
      numberId: '',
      language: '',
      messages: noMessages(),
      survey: { mode: 'off', url: '', text: '' },
      attachments: { customersCanSend: false, agentsCanSend: false },
    };
  }
  const messages = noMessages();
  for (const message of setup.automatedMessages) {
    messages[message.trigger].enabled = true;
    messages[message.trigger].texts.push({ language: message.language, text: message.text });
  }
  return {
    version,
    numberId: setup.numberId,
    language: setup.language,
    messages: withPrimaryLanguage(messages, setup.language),
    survey: {
      mode: setup.survey.mode,
      url: setup.survey.mode === 'link' ? setup.survey.url : '',
      text: setup.survey.mode === 'text' ? setup.survey.text : '',
    },
    attachments: { ...setup.attachments },
  };
}

/**
 * Puts a text in the channel's language first in every message, so it is the one the admin
 * writes first. A blank text left by an earlier choice of language is dropped.
 */
export function withPrimaryLanguage(
  messages: Record<AutomatedMessageTrigger, MessageDraft>,
  language: string,
): Record<AutomatedMessageTrigger, MessageDraft> {
  const result = noMessages();
  for (const trigger of automatedMessageTriggers) {
    const { enabled, texts } = messages[trigger];
    const primary = texts.find((row) => row.language === language) ?? { language, text: '' };
    const others = texts.filter((row, index) => row.language !== language && (index > 0 || row.text.trim() !== ''));
    result[trigger] = { enabled, texts: language ? [primary, ...others] : others };
  }
  return result;
}

/** The request body of Finish; the order of messages is the one {@link messageFormPaths} follows. */
export function toSetupInput(draft: SetupDraft): WhatsAppSetupInput {
  const { survey } = draft;
  return {
    version: draft.version,
    numberId: draft.numberId,
    language: draft.language,
    automatedMessages: automatedMessageTriggers.flatMap((trigger) =>
      draft.messages[trigger].enabled
        ? draft.messages[trigger].texts.map(({ language, text }) => ({ trigger, language, text }))
        : [],
    ),
    survey: survey.mode === 'off' ? { mode: 'off' } : survey.mode === 'link' ? { mode: 'link', url: survey.url } : { mode: 'text', text: survey.text },
    attachments: { ...draft.attachments },
  };
}

/** The form path of each automated message of {@link toSetupInput}, by its index in the request. */
export function messageFormPaths(draft: SetupDraft): string[] {
  return automatedMessageTriggers.flatMap((trigger) =>
    draft.messages[trigger].enabled ? draft.messages[trigger].texts.map((_, index) => `messages.${trigger}.texts.${index}`) : [],
  );
}

/** What a draft means, without blanks that the wizard adds on its own. */
function meaning(draft: SetupDraft) {
  const messages = automatedMessageTriggers.map((trigger) => ({
    enabled: draft.messages[trigger].enabled,
    texts: draft.messages[trigger].texts.filter((row) => row.text.trim() !== ''),
  }));
  return JSON.stringify({ ...draft, version: 0, messages });
}

/** Whether leaving would lose a choice the admin made. */
export function hasChanges(draft: SetupDraft, initial: SetupDraft): boolean {
  return meaning(draft) !== meaning(initial);
}

const STORAGE_PREFIX = 'whatsapp-admin-setup-draft:';

// Whatever is in storage was written by an older build or by hand: trust only its shape.
const messageDraftSchema = z.object({
  enabled: z.boolean().catch(false),
  texts: z.array(z.object({ language: z.string().catch(''), text: z.string().catch('') })).catch([]),
});
const storedDraftSchema = z.object({
  version: z.number().int(),
  numberId: z.string().catch(''),
  language: z.string().catch(''),
  messages: z.object(
    Object.fromEntries(automatedMessageTriggers.map((trigger) => [trigger, messageDraftSchema.catch({ enabled: false, texts: [] })])) as Record<
      AutomatedMessageTrigger,
      z.ZodCatch<typeof messageDraftSchema>
    >,
  ),
  survey: z
    .object({ mode: z.enum(['off', 'link', 'text']).catch('off'), url: z.string().catch(''), text: z.string().catch('') })
    .catch({ mode: 'off', url: '', text: '' }),
  attachments: z
    .object({ customersCanSend: z.boolean().catch(false), agentsCanSend: z.boolean().catch(false) })
    .catch({ customersCanSend: false, agentsCanSend: false }),
  pageLoad: z.number().nullable().catch(null),
});

export interface RestoredSetupDraft {
  values: SetupDraft;
  origin: DraftOrigin;
}

export function loadDraft(workstreamId: string): RestoredSetupDraft | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_PREFIX + workstreamId);
    if (!raw) return null;
    const parsed = storedDraftSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return null;
    const { pageLoad, ...values } = parsed.data;
    return { values, origin: draftOrigin(pageLoad) };
  } catch {
    return null;
  }
}

export function saveDraft(workstreamId: string, draft: SetupDraft | null): void {
  try {
    if (draft) sessionStorage.setItem(STORAGE_PREFIX + workstreamId, JSON.stringify({ ...draft, ...pageLoadMark() }));
    else sessionStorage.removeItem(STORAGE_PREFIX + workstreamId);
  } catch {
    // Storage disabled or full: the wizard works, it just forgets on reload.
  }
}
