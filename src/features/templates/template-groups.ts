import type { MessageTemplate } from '@/api/contract/message-template';
import type { WhatsAppLanguage } from '@/domain/whatsapp-languages';

export interface TemplateGroup {
  name: string;
  /** One per language, in the order of their codes. */
  variants: MessageTemplate[];
  /** Languages other templates of the account have and this one lacks. */
  missing: WhatsAppLanguage[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The localized variants of each template together (WhatsApp keeps one template per
 * language under one name), with the languages the account uses elsewhere that it lacks.
 */
export function groupTemplates(templates: readonly MessageTemplate[]): TemplateGroup[] {
  const byName = new Map<string, MessageTemplate[]>();
  for (const template of templates) byName.set(template.name, [...(byName.get(template.name) ?? []), template]);
  const used = [...new Set(templates.map((t) => t.language))].sort(compare);
  return [...byName.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([name, variants]) => {
      const has = new Set(variants.map((v) => v.language));
      return {
        name,
        variants: [...variants].sort((a, b) => compare(a.language, b.language)),
        missing: used.filter((language) => !has.has(language)),
      };
    });
}
