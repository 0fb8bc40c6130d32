import type { routingValidationMessages } from '@/domain/validation/routing';

export const routingValidationFi: Record<keyof typeof routingValidationMessages, string> = {
  'ruleName.required': 'Anna säännölle nimi.',
  'ruleName.tooLong': 'Säännön nimessä voi olla enintään 100 merkkiä.',
  'rules.tooMany': 'Työnkulussa voi olla enintään 100 reitityssääntöä.',
  'conditions.required': 'Lisää vähintään yksi ehto.',
  'conditions.tooMany': 'Säännössä voi olla enintään 10 ehtoa.',
  'condition.valueRequired': 'Anna arvo, johon verrataan.',
  'condition.valueTooLong': 'Arvossa voi olla enintään 200 merkkiä.',
  'condition.operatorMismatch': 'Tämä vertailu ei sovi tälle kentälle.',
  'condition.phoneInvalid': 'Kirjoita numero (tai sen alku) pelkällä +-merkillä ja numeroilla, esimerkiksi +358.',
  'condition.variableRequired': 'Valitse verrattava kontekstimuuttuja.',
  'condition.variableUnknown': 'Työnkulussa ei ole tämännimistä kontekstimuuttujaa. Lisää se ensin Lisäasetuksissa.',
};
