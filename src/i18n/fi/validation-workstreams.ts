import type { workstreamValidationMessages } from '@/domain/validation/workstreams';

export const workstreamValidationFi: Record<keyof typeof workstreamValidationMessages, string> = {
  'workstreamName.taken': 'Toisella työnkululla on jo tämä nimi. Valitse toinen nimi.',
  'queue.required': 'Valitse jono.',
  'queue.notFound': 'Tätä jonoa ei enää ole. Valitse toinen jono.',
  'capacity.range': 'Kapasiteetti on kokonaisluku väliltä 1–1000.',
  'minutes.range': 'Anna minuutit kokonaislukuna näytetyltä väliltä.',
  'days.range': 'Anna päivät kokonaislukuna väliltä 1–90.',
  'presences.required': 'Valitse vähintään yksi tila, jossa agentit voivat saada töitä.',
  'variableName.required': 'Anna kontekstimuuttujalle nimi.',
  'variableName.invalid': 'Muuttujan nimi alkaa kirjaimella, ja siinä on vain kirjaimia, numeroita ja alaviivoja (enintään 50).',
  'variableName.duplicate': 'Toisella kontekstimuuttujalla on jo tämä nimi.',
  'variableName.inUse': 'Reitityssääntö käyttää tätä muuttujaa. Muuta tai poista sääntö ensin.',
  'variables.tooMany': 'Työnkulussa voi olla enintään 50 kontekstimuuttujaa.',
  'botName.required': 'Anna botin nimi.',
  'botName.tooLong': 'Botin nimessä voi olla enintään 100 merkkiä.',
  'distributionMode.fixed': 'Työn jakelutapaa ei voi muuttaa työnkulun luomisen jälkeen.',
};
