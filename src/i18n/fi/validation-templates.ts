import type { templateValidationMessages } from '@/domain/validation/templates';

export const templateValidationFi: Record<keyof typeof templateValidationMessages, string> = {
  'templateName.required': 'Anna viestimallin nimi.',
  'templateName.invalid': 'Käytä vain pieniä kirjaimia a–z, numeroita ja alaviivoja, esimerkiksi order_update.',
  'templateName.tooLong': 'Viestimallin nimessä voi olla enintään 512 merkkiä.',
  'template.taken': 'Tällä tilillä on jo tämänniminen viestimalli tällä kielellä.',
  'body.required': 'Kirjoita viestin teksti.',
  'body.tooLong': 'WhatsApp sallii viestimallissa enintään 1 024 merkkiä.',
  'body.malformedVariable': 'Kirjoita muuttujat numerona kaksinkertaisten aaltosulkeiden sisään, esimerkiksi {{1}}.',
  'body.variablesNotSequential': 'Numeroi muuttujat järjestyksessä {{1}}:stä alkaen ilman aukkoja: {{1}}, {{2}}, {{3}}…',
  'body.adjacentVariables': 'Kirjoita tekstiä kahden muuttujan väliin; WhatsApp hylkää vierekkäiset muuttujat.',
  'example.required': 'Anna tälle muuttujalle esimerkkiarvo; WhatsApp tarkistaa viestimallit niiden avulla.',
  'example.tooLong': 'Esimerkissä voi olla enintään 200 merkkiä.',
  'examples.count': 'Anna täsmälleen yksi esimerkki jokaiselle tekstin muuttujalle.',
  'contentSid.invalid': 'Content SID alkaa kirjaimilla HX, joita seuraa 32 merkkiä (a–f ja numerot).',
  'rejectionReason.required': 'Kirjoita, miksi viestimalli hylättiin.',
  'rejectionReason.tooLong': 'Syyssä voi olla enintään 500 merkkiä.',
};
