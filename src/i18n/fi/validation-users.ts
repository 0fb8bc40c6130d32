import type { userValidationMessages } from '@/domain/validation/users';

export const userValidationFi: Record<keyof typeof userValidationMessages, string> = {
  'email.required': 'Anna sähköpostiosoite.',
  'email.taken': 'Toinen käyttäjä kirjautuu jo tällä sähköpostiosoitteella.',
  'password.required': 'Anna salasana.',
  'password.tooShort': 'Salasanassa on oltava vähintään 12 merkkiä.',
  'password.tooLong': 'Salasanassa voi olla enintään 200 merkkiä.',
  'password.wrong': 'Nykyinen salasana ei ole oikein.',
  'role.invalid': 'Valitse pääkäyttäjä tai asiakaspalvelija.',
  'userCapacity.range': 'Kapasiteetti on kokonaisluku 1–100 yksikköä (keskustelu vie yleensä yhden).',
  'skillName.required': 'Anna taidon nimi, esimerkiksi ”suomi” tai ”laskutus”.',
  'skillName.tooLong': 'Taidon nimessä voi olla enintään 50 merkkiä.',
  'skillName.duplicate': 'Tämä taito on jo luettelossa.',
  'skillName.unknown': 'Kenelläkään käyttäjällä ei vielä ole tätä taitoa. Lisää se jollekulle Käyttäjät-sivulla ensin.',
  'skillLevel.range': 'Taitotaso on kokonaisluku 1 (aloittelija) – 10 (asiantuntija).',
  'skills.tooMany': 'Liikaa taitoja: käyttäjällä enintään 30 ja reitityssäännöllä 10.',
  'presence.invalid': 'Valitse Saatavilla, Varattu, Älä häiritse, Poissa tai Offline.',
  'user.lastAdmin': 'Vähintään yhden pääkäyttäjän on jäätävä. Tee ensin toisesta käyttäjästä pääkäyttäjä.',
  'user.self': 'Et voi poistaa itseäsi etkä omaa pääkäyttäjän rooliasi.',
  'setup.linkInvalid': 'Tämä käyttöönottolinkki on vanhentunut tai jo käytetty. Käynnistä palvelin uudelleen, niin se tulostaa uuden.',
};
