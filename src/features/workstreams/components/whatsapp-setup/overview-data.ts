import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { automatedMessageTriggers, type AutomatedMessageTrigger, type WhatsAppSetup } from '@/api/contract/whatsapp-setup';
import type { OverviewData } from './setup-overview';
import type { SetupDraft } from './setup-draft';

export function overviewFromDraft(draft: SetupDraft, accounts: WhatsAppAccount[]): OverviewData {
  const account = accounts.find((a) => a.numbers.some((n) => n.id === draft.numberId));
  const number = account?.numbers.find((n) => n.id === draft.numberId);
  const messages = Object.fromEntries(
    automatedMessageTriggers.map((trigger) => {
      const message = draft.messages[trigger];
      return [trigger, message.enabled ? message.texts.map((row) => row.language) : null];
    }),
  ) as Record<AutomatedMessageTrigger, string[] | null>;
  const { survey } = draft;
  return {
    number: account && number ? { name: number.name, number: number.number, accountName: account.name } : null,
    language: draft.language,
    messages,
    survey: survey.mode === 'off' ? { mode: 'off' } : survey.mode === 'link' ? { mode: 'link', url: survey.url } : { mode: 'text', text: survey.text },
    attachments: draft.attachments,
  };
}

export function overviewFromSetup(setup: WhatsAppSetup): OverviewData {
  const messages = Object.fromEntries(
    automatedMessageTriggers.map((trigger) => {
      const languages = setup.automatedMessages.filter((m) => m.trigger === trigger).map((m) => m.language);
      return [trigger, languages.length > 0 ? languages : null];
    }),
  ) as Record<AutomatedMessageTrigger, string[] | null>;
  return {
    number: { name: setup.numberName, number: setup.number, accountName: setup.accountName },
    language: setup.language,
    messages,
    survey: setup.survey,
    attachments: setup.attachments,
  };
}
