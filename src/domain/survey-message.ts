import type { WhatsAppLanguage } from './whatsapp-languages';

export type SurveySetting = { mode: 'off' } | { mode: 'link'; url: string } | { mode: 'text'; text: string };

const linkInvitations = {
  en: 'How did we do? Tell us in a short survey:',
  fi: 'Miten onnistuimme? Kerro lyhyessä kyselyssä:',
} as const;

/**
 * The message sent when a conversation closes: the survey's text as written, or its link
 * with a one-line invitation (Finnish for Finnish conversations, else English); null when off.
 */
export function surveyMessage(survey: SurveySetting, language: WhatsAppLanguage): string | null {
  if (survey.mode === 'off') return null;
  if (survey.mode === 'text') return survey.text;
  return `${language === 'fi' ? linkInvitations.fi : linkInvitations.en} ${survey.url}`;
}
