import type { Messages } from '../en';

/** Hiekkalaatikon tarkistuslistan tekstit suomeksi. */
export const sandboxFi: Messages['sandbox'] = {
  title: 'Twilion hiekkalaatikon tarkistuslista',
  documentTitle: 'Hiekkalaatikon tarkistuslista: {{name}}',
  intro:
    'Kokeile WhatsAppia Twilion yhteisellä hiekkalaatikkonumerolla {{number}} ennen kuin sinulla on oma numero. Kolme vaihetta, joista viimeinen tarkistuu itsestään.',
  backToAccount: 'Takaisin: {{name}}',
  notSandbox:
    'Tämä tili ei käytä hiekkalaatikkonumeroa {{number}}, joten liityttävää ei ole. Asiakkaat kirjoittavat tilin omiin numeroihin.',
  localWarning:
    'Nämä osoitteet osoittavat tähän tietokoneeseen, jota Twilio ei tavoita internetistä. Aseta PUBLIC_URL julkiseen osoitteeseen (esimerkiksi tunneliin) ja käynnistä uudelleen, muuten hiekkalaatikon viestit eivät koskaan saavu.',
  stepDone: 'Valmis',
  stepToDo: 'Tekemättä',
  join: {
    title: 'Jaa liittymiskoodi',
    body: 'Jokainen hiekkalaatikkoa kokeileva lähettää ensin tämän viestin WhatsAppista numeroon {{number}}. Twilio näyttää hiekkalaatikkosi koodin konsolissaan kohdassa Messaging → Try it out → Send a WhatsApp message. Jäsenyys kestää kolme päivää.',
    message: 'Lähetettävä viesti',
    copy: 'Kopioi liittymisviesti',
    codeLabel: 'Liittymiskoodi',
    codeHint: 'Sanat ”join”-sanan jälkeen, esimerkiksi bright-harbor.',
    save: 'Tallenna koodi',
    saved: 'Liittymiskoodi tallennettu.',
    missing: 'Anna Twilion konsolin koodi, niin näet jaettavan viestin.',
  },
  webhook: {
    title: 'Yhdistä hiekkalaatikko tähän tiliin',
    body: 'Avaa Twilion konsolissa hiekkalaatikon asetukset. Liitä saapuvien viestien URL-osoite kenttään ”WHEN A MESSAGE COMES IN” (menetelmä POST) ja tilailmoitusten URL-osoite kenttään ”STATUS CALLBACK URL” ja tallenna.',
    manual: 'Twilio ei kerro, milloin tämä on tehty: seuraava vaihe näyttää, että se toimii.',
  },
  live: {
    title: 'Lähetä ensimmäinen viesti',
    waiting: 'Odotetaan ensimmäistä viestiä… Lähetä liittymisviesti puhelimestasi; tämä muuttuu vihreäksi, kun se saapuu.',
    received: 'Ensimmäinen viesti saapui {{time}}. Hiekkalaatikko toimii.',
  },
};
