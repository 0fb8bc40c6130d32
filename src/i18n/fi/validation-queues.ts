import type { queueValidationMessages } from '@/domain/validation/queues';

export const queueValidationFi: Record<keyof typeof queueValidationMessages, string> = {
  'queueName.taken': 'Toisella jonolla on jo tämä nimi. Valitse toinen nimi.',
  'priority.range': 'Prioriteetti on kokonaisluku 1:stä (käsitellään ensin) 10:een.',
  'email.invalid': 'Anna sähköpostiosoite, esimerkiksi nimi@example.com.',
  'member.duplicate': 'Tämä käyttäjä on jo jonon jäsen.',
  'member.unknownUser': 'Tätä käyttäjää ei enää ole. Poista hänet luettelosta.',
  'member.notPending': 'Tämä osoite ei ole jonon kutsua odottavien jäsenten joukossa.',
  'members.tooMany': 'Jonossa voi olla enintään 500 jäsentä.',
  'timeZone.invalid': 'Valitse aikavyöhyke luettelosta, esimerkiksi Europe/Helsinki.',
  'time.invalid': 'Kirjoita aika muodossa HH:MM 24 tunnin kellolla, esimerkiksi 08:00 tai 17:30.',
  'hours.endBeforeStart': 'Sulkemisajan on oltava avaamisajan jälkeen.',
  'hours.overlap': 'Tämä jakso on päällekkäin saman päivän toisen jakson kanssa.',
  'hours.required': 'Lisää vähintään yksi aukiolojakso tai valitse ”Aina auki”.',
  'queue.inUse': 'Tämä jono on vielä käytössä. Valitse sen käyttökohteisiin toinen jono ja poista se sitten.',
};
