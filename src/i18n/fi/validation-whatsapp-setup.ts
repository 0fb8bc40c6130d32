import type { whatsAppSetupValidationMessages } from '@/domain/validation/whatsapp-setup';

export const whatsAppSetupValidationFi: Record<keyof typeof whatsAppSetupValidationMessages, string> = {
  'number.required': 'Valitse WhatsApp-numero.',
  'number.notFound': 'Tätä numeroa ei enää ole. Valitse toinen numero.',
  'number.bound': 'Toinen työnkulku käyttää jo tätä numeroa. Valitse toinen numero tai poista se ensin siitä työnkulusta.',
  'number.inUse': 'Työnkulku käyttää tätä numeroa. Poista ensin WhatsApp-määritys siitä työnkulusta.',
  'account.inUse': 'Työnkulku käyttää tämän tilin numeroa. Poista ensin WhatsApp-määritys siitä työnkulusta.',
  'language.required': 'Valitse kieli.',
  'language.unsupported': 'WhatsApp ei tue tätä kieltä viestimalleissa. Valitse kieli luettelosta.',
  'message.required': 'Kirjoita viesti tai poista se käytöstä.',
  'message.tooLong': 'Viestissä voi olla enintään 1 024 merkkiä.',
  'messageLanguage.duplicate': 'Tällä viestillä on jo teksti tällä kielellä.',
  'survey.required': 'Kirjoita kyselyn linkki tai teksti, tai poista kysely käytöstä.',
  'survey.invalidUrl': 'Anna koko linkki, joka alkaa https://.',
  'survey.tooLong': 'Kyselyn tekstissä voi olla enintään 1 024 merkkiä.',
};
