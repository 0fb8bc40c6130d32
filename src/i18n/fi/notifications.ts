import type { notificationsEn } from '../en/notifications';

export const notificationsFi: typeof notificationsEn = {
  menuItem: 'Ilmoitukset',
  settingsTitle: 'Ilmoitukset',
  settingsIntro: 'Sinulle annettu keskustelu näkyy aina viestinä sovelluksessa. Tällä laitteella voit lisäksi saada selaimen ilmoituksen ja kuulla äänen.',
  browser: 'Selaimen ilmoitukset',
  browserHint: 'Näkyvät myös, kun tämä välilehti on taustalla. Selain kysyy ensin lupaasi.',
  sound: 'Ääni',
  soundHint: 'Lyhyt äänimerkki jokaisesta uudesta keskustelusta.',
  denied: 'Selaimesi estää ilmoitukset tältä sivustolta. Salli ne selaimen sivustoasetuksista (osoitteen vieressä oleva kuvake) ja kytke tämä sitten uudelleen päälle.',
  unsupported: 'Tämä selain ei pysty näyttämään ilmoituksia.',
  close: 'Sulje',
  newConversation: 'Uusi keskustelu jonossa {{queue}}',
  newConversationNoQueue: 'Uusi keskustelu',
  withPreview: '{{customerName}}: {{preview}}',
  withCustomer: 'Uusi keskustelu: {{customerName}}',
  inQueue: 'Jono: {{queue}}',
  open: 'Avaa keskustelu',
};
