/** Danish, the default language. Every key here exists in en.ts too (checked by its type). */
export const da = {
  app: {
    name: 'Alliance Roster',
    skipToContent: 'Gå til indhold',
    nav: { label: 'Hovedmenu', roster: 'Medlemsliste' },
    language: { label: 'Sprog', switchTo: 'English', switchToLang: 'en' },
    notFound: { title: 'Siden findes ikke', body: 'Adressen peger ikke på en side i Alliance Roster.', home: 'Gå til medlemslisten' },
    routeError: 'Siden kunne ikke vises.',
  },
  common: {
    retry: 'Prøv igen',
    loading: 'Henter…',
    today: 'I dag',
    print: 'Udskriv',
    openEnded: 'uden slutdato',
  },
  sector: {
    municipality: 'Kommunen',
    business: 'Erhvervslivet',
    union: 'Faglige organisationer',
    education: 'Uddannelse og viden',
    none: 'Uden sektor',
  },
  role: { chair: 'Formand', 'vice-chair': 'Næstformand', member: 'Medlem' },
  roster: {
    title: 'Medlemsliste',
    heading: '{{body}}',
    termAndDate: 'Periode {{term}} · pr. {{date}}',
    noTermDate: 'Pr. {{date}}',
    bodyLabel: 'Råd eller forum',
    asOfLabel: 'Pr. dato',
    summary: '{{seats}} pladser · {{held}} besat · {{vacant}} ledige',
    columns: { seat: 'Plads', holder: 'Medlem', title: 'Titel', organization: 'Organisation', role: 'Rolle' },
    vacant: 'Ledig',
    noTerm: 'Ingen periode dækker {{date}}, så {{body}} har ingen pladser på den dato.',
    noSeats: '{{body}} har ingen pladser i perioden {{term}}.',
    loadError: 'Medlemslisten kunne ikke hentes.',
    sectorCount_one: '{{count}} plads',
    sectorCount_other: '{{count}} pladser',
  },
  problem: {
    network: 'Serveren kunne ikke nås. Tjek forbindelsen, og prøv igen.',
    server: 'Der skete en fejl på serveren.',
    notFound: 'Det, du leder efter, findes ikke (længere).',
  },
  validation: {
    required: 'Skal udfyldes.',
    too_big: 'Teksten er for lang.',
    too_small: 'Skal udfyldes.',
    invalid_format: 'Formatet er forkert.',
    invalid_type: 'Værdien har forkert type.',
    end_before_start: 'Slutdatoen ligger før startdatoen.',
    phone_format: 'Ikke et dansk telefonnummer (8 cifre, evt. +45).',
    email_format: 'Ikke en gyldig e-mailadresse.',
    url_format: 'Ikke en gyldig webadresse (http eller https).',
    control_characters: 'Indeholder kontroltegn.',
    unknown_reference: 'Posten findes ikke.',
    fallback: 'Værdien er ikke gyldig.',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof da>;
