import type { Messages } from '../en';

/** Tilin työkalujen tekstit suomeksi: tunnusten tarkistus ja viestimallien synkronointi. */
export const accountToolsFi: Messages['accountTools'] = {
  verify: {
    title: 'Tarkista tunnukset',
    intro: 'Kysy Twiliolta, toimivatko tallennettu tilin SID ja todennustunnus. Tallenna uusi tunnus ensin: tarkistus käyttää tallennettuja tietoja.',
    button: 'Tarkista tunnukset',
    running: 'Tarkistetaan Twiliosta…',
    checkedAt: 'Tarkistettu {{time}}.',
    outcomes: {
      ok: 'Twilio hyväksyi tilin ”{{name}}” tunnukset.',
      okNoName: 'Twilio hyväksyi tunnukset.',
      rejected: 'Twilio hylkäsi tilin SID:n tai todennustunnuksen. Tarkista molemmat Twilion konsolista, vaihda sitten tunnus ja tallenna.',
      unreachable: 'Twilioon ei saatu yhteyttä. Tarkista palvelimen internetyhteys ja yritä hetken kuluttua uudelleen.',
      suspended: 'Twilio tuntee tilin ”{{name}}”, mutta se on jäädytetty: viestejä ei lähde, ennen kuin Twilio aktivoi sen uudelleen.',
      closed: 'Twilio-tili ”{{name}}” on suljettu. Yhdistä sen sijaan aktiivinen tili.',
    },
    errorCode: 'Twilion virhe {{code}}',
  },
  sync: {
    button: 'Synkronoi viestimallit Twiliosta',
    running: 'Synkronoidaan Twilion kanssa…',
    hint: 'Tuo tilin viestimallit Twilion Content API:sta: uudet lisätään ja muuttuneet päivitetään hyväksyntätilan kanssa. Tänne kirjoittamasi esimerkit säilyvät.',
    resultTitle: 'Viestimallit synkronoitu {{time}}',
    added: 'Lisätty: {{count}}',
    updated: 'Päivitetty: {{count}}',
    unchanged: 'Ennallaan: {{count}}',
    skippedTitle_one: 'Ohitettiin {{count}} Twilion kohde, jota WhatsApp ei voi käyttää:',
    skippedTitle_other: 'Ohitettiin {{count}} Twilion kohdetta, joita WhatsApp ei voi käyttää:',
    skippedItem: '{{name}}: {{reason}}',
    reasons: {
      notText: 'Ei WhatsAppin tekstiviestimalli: täältä voi lähettää vain tekstimalleja.',
      language: 'Sen kieli ei ole WhatsApp-viestimallien tukema kieli.',
      name: 'Sen nimessä ei ole kirjaimia eikä numeroita, joista viestimallin nimi voisi syntyä.',
      body: {
        required: 'Sen teksti on tyhjä.',
        tooLong: 'Sen teksti on pidempi kuin WhatsAppin sallimat 1 024 merkkiä.',
        malformedVariable: 'Sen muuttujia ei ole kirjoitettu numeroina kaksoisaaltosulkeisiin, kuten {{1}}.',
        variablesNotSequential: 'Sen muuttujia ei ole numeroitu järjestyksessä alkaen {{1}}.',
        adjacentVariables: 'Siinä on kaksi muuttujaa vierekkäin, minkä WhatsApp hylkää.',
      },
      linkedElsewhere: 'Samanniminen ja -kielinen viestimalli on jo linkitetty toiseen Twilion sisältöön.',
    },
  },
  sandboxLink: 'Hiekkalaatikon tarkistuslista',
  sandboxLinkFor: 'Tilin {{name}} hiekkalaatikon tarkistuslista',
};
