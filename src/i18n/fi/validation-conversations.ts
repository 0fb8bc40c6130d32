import type { conversationValidationMessages } from '@/domain/validation/conversations';

export const conversationValidationFi: Record<keyof typeof conversationValidationMessages, string> = {
  'reply.required': 'Kirjoita viesti tai liitä tiedosto.',
  'reply.tooLong': 'Twilio lähettää WhatsApp-viestissä enintään 1 600 merkkiä. Jaa viesti kahteen osaan.',
  'template.required': 'Valitse hyväksytty viestimalli.',
  'template.notApproved': 'Vain WhatsAppin hyväksymiä viestimalleja voi lähettää.',
  'template.wrongAccount': 'Tämä viestimalli kuuluu toiselle Twilio-tilille.',
  'variables.count': 'Täytä viestimallin kaikki muuttujat.',
  'variable.required': 'Täytä tämä muuttuja.',
  'variable.tooLong': 'Muuttujassa voi olla enintään 1 024 merkkiä.',
  'media.type': 'WhatsApp hyväksyy JPG-, PNG-, MP3-, OGG-, AMR-, MP4- ja PDF-tiedostot.',
  'media.tooLarge': 'WhatsApp hyväksyy enintään 16 Mt:n tiedostot.',
  'media.imageTooLarge': 'WhatsApp hyväksyy enintään 5 Mt:n kuvat.',
  'media.empty': 'Tiedosto on tyhjä.',
  'media.notAllowed': 'Asiakaspalvelijat eivät voi lähettää tiedostoja tässä työnkulussa.',
  'media.unknown': 'Liitetty tiedosto on kadonnut. Liitä se uudelleen.',
  'agent.required': 'Valitse asiakaspalvelija, jolle keskustelu siirretään.',
  'agent.unknown': 'Tätä asiakaspalvelijaa ei enää ole. Valitse toinen.',
  'agent.presence': 'Asiakaspalvelijan tila ei nyt salli tämän työnkulun keskusteluja.',
  'agent.full': 'Asiakaspalvelijalla ei nyt ole tilaa uudelle keskustelulle.',
};
