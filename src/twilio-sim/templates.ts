import { stableSid } from './ids';
import type { SimTemplate } from './types';

/** WhatsApp templates every simulated account has unless it is given its own. */
export const seededTemplates: SimTemplate[] = [
  {
    friendlyName: 'order_update',
    language: 'en',
    body: 'Hi {{1}}, your order {{2}} is on its way.',
    variables: { '1': 'Anna', '2': 'A-1001' },
    approval: 'approved',
    category: 'UTILITY',
  },
  {
    friendlyName: 'order_update',
    language: 'fi',
    body: 'Hei {{1}}, tilauksesi {{2}} on matkalla.',
    variables: { '1': 'Anna', '2': 'A-1001' },
    approval: 'approved',
    category: 'UTILITY',
  },
  {
    friendlyName: 'follow_up',
    language: 'en',
    body: 'Hello {{1}}, we would like to continue our conversation. Reply to this message to reach us.',
    variables: { '1': 'Anna' },
    approval: 'approved',
    category: 'UTILITY',
  },
  {
    friendlyName: 'follow_up',
    language: 'fi',
    body: 'Hei {{1}}, jatketaan keskusteluamme. Vastaa tähän viestiin, niin tavoitat meidät.',
    variables: { '1': 'Anna' },
    approval: 'approved',
    category: 'UTILITY',
  },
  {
    friendlyName: 'spring_offer',
    language: 'en',
    body: 'Spring is here, {{1}}! Enjoy {{2}} off your next visit.',
    variables: { '1': 'Anna', '2': '10%' },
    approval: 'pending',
    category: 'MARKETING',
  },
  {
    friendlyName: 'appointment_reminder',
    language: 'fi',
    body: 'Muistutus: aikasi on {{1}}.',
    variables: { '1': '12.5. klo 10' },
    approval: 'rejected',
    rejectionReason: 'INVALID_FORMAT. The template has too few words for its number of variables.',
    category: 'UTILITY',
  },
];

export function withSids(accountSid: string, templates: SimTemplate[]): (SimTemplate & { sid: string })[] {
  return templates.map((template) => ({
    ...template,
    sid: template.sid ?? stableSid('HX', accountSid, template.friendlyName, template.language),
  }));
}

/** The template text with {{n}} replaced by the given values, falling back to the examples. */
export function renderTemplate(template: SimTemplate, values: Record<string, string> | null): string {
  return template.body.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => values?.[key] ?? template.variables[key] ?? whole);
}
