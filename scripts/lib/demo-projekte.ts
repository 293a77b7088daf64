// Demo projects of the Entwicklungsdatenbank. Written in our own words after the approaches of the paper
// ("Handlungsrahmen Zuwanderung aus Südosteuropa", KOMM-IN NRW 2013): health clearing point, task force for
// Problemimmobilien, school enrolment, Lotsen/aufsuchende Arbeit, qualification for work … All budgets,
// amounts and indicator values are ILLUSTRATIVE (not from the paper); every summary says so.
import { eq } from "drizzle-orm";
import { cities, projects, users } from "../../db/schema/index";
import type { DB } from "../../db/client";
import { addProjectUpdate, createProject, type FundingLineInput, type IndicatorInput, type ProjectInput } from "~/models/project.server";
import { indexAllCities } from "~/models/city.server";
import type { ProjectStatus } from "~/components/projekte/labels";
import type { Responsibility } from "../../db/schema/projekte";

const ILLU = " (Demo-Projekt; Beträge und Kennzahlen sind illustrativ.)";

type DemoProject = {
  title: string;
  summary: string;
  lead: string;
  partners?: string[];
  status: ProjectStatus;
  history: { status: ProjectStatus; date: string; note?: string }[];
  felder: string[];
  zielgruppen: string[];
  problem: string;
  approach: string;
  worked?: string;
  failed?: string;
  failureReasons?: string;
  responsibilities: Responsibility[];
  nextSteps?: string;
  budget: number | null;
  start?: string;
  end?: string;
  contact: string;
  visibility: "public" | "members";
  seeksPartners?: boolean;
  funding: FundingLineInput[];
  indicators?: IndicatorInput[];
  articles?: string[];
  /** days since the last activity (edit or update) */
  lastActivityDaysAgo: number;
  updates?: { city: string; daysAgo: number; text: string }[];
};

const fl = (programmeSlug: string | null, programmeName: string, fonds: FundingLineInput["fonds"], amount: number, ownShare: number, cofinancing = ""): FundingLineInput => ({
  programmeSlug,
  programmeName,
  fonds,
  amount,
  ownShare,
  cofinancing,
});
const ind = (name: string, unit: string, baseline: number | null, baselineDate: string | null, target: number | null, targetDate: string | null, current: number | null, currentDate: string | null): IndicatorInput => ({
  name,
  unit,
  baseline,
  baselineDate,
  target,
  targetDate,
  current,
  currentDate,
});

const P_SZ = ["sozialer-zusammenhalt", "Städtebauförderung „Sozialer Zusammenhalt“ (bis 2019 „Soziale Stadt“)"] as const;
const P_ESF = ["esf-plus-nrw", "Europäischer Sozialfonds Plus (ESF Plus) in NRW 2021–2027"] as const;
const P_EHAP = ["ehap-plus", "EhAP Plus – Eingliederung hilft gegen Ausgrenzung der am stärksten benachteiligten Personen"] as const;
const P_BIWAQ = ["biwaq", "BIWAQ – Bildung, Wirtschaft, Arbeit im Quartier"] as const;
const P_KOMMAN = ["komm-an-nrw", "Kommunale Integrationszentren und Programm KOMM-AN NRW"] as const;
const P_KINDER = ["kinderstark", "kinderstark – NRW schafft Chancen"] as const;
const P_ITI = ["iti-instrument", "Integrierte territoriale Investition (ITI)"] as const;
const P_EFRE = ["efre-nrw", "EFRE/JTF-Programm NRW 2021–2027"] as const;

export const DEMO_PROJECTS: DemoProject[] = [
  {
    title: "Clearingstelle Gesundheit Nordstadt",
    summary: "Eine Anlaufstelle klärt den Krankenversicherungsschutz neu zugewanderter Familien und sichert bis dahin die Basisversorgung." + ILLU,
    lead: "dortmund",
    partners: ["duisburg"],
    status: "laufend",
    history: [
      { status: "idee", date: "2013-02-15", note: "Aus dem Lösungsszenario 2 des Handlungsrahmens übernommen." },
      { status: "in-vorbereitung", date: "2013-06-01" },
      { status: "beantragt", date: "2016-03-01", note: "Antrag auf die Landesförderung für Clearingstellen." },
      { status: "bewilligt", date: "2016-08-15" },
      { status: "laufend", date: "2016-10-01", note: "Start mit zwei Beratungstagen pro Woche im Gesundheitsamt." },
    ],
    felder: ["gesundheit", "zusammenarbeit"],
    zielgruppen: ["Familien ohne Krankenversicherung", "Schwangere", "Kinder"],
    problem:
      "Viele Neuzugewanderte haben keinen geklärten Krankenversicherungsschutz. Die Europäische Krankenversicherungskarte wird oft nicht akzeptiert, Behandlungen werden aufgeschoben, bis ein Notfall entsteht.\n\nZiel: Jede Familie, die zur Clearingstelle kommt, hat nach spätestens drei Monaten einen geklärten Status oder eine verlässliche Übergangslösung.",
    approach:
      "Frontoffice im Gesundheitsamt mit Sprachmittlung; Fallklärung mit den Krankenkassen (Basistarif, Familienversicherung); ungeklärte Fälle von allgemeinem Interesse gehen als Frage an die Clearingstelle des Städtenetzes.",
    worked: "Feste Ansprechpersonen bei drei Krankenkassen verkürzen die Klärung deutlich. Die Sprechstunde wird über Mund-zu-Mund-Propaganda bekannt.",
    failed: "Die rückwirkende Beitragsforderung verhindert in vielen Fällen den Abschluss einer Versicherung.",
    failureReasons: "Eine Niederschlagung rückwirkender Beiträge liegt im Ermessen der Kassen; eine landesweite Regelung fehlt.",
    responsibilities: [
      { ebene: "kommune", stelle: "Gesundheitsamt (Frontoffice)" },
      { ebene: "land", stelle: "Gesundheitsministerium: Gespräche mit den Krankenkassen" },
      { ebene: "bund", stelle: "Klärung der Beitragsfragen im SGB V" },
    ],
    nextSteps: "Leitfaden für Front- und Backoffice mit Duisburg abstimmen; Notfallfonds für Übergangsfälle vorschlagen.",
    budget: 260000,
    start: "2016-10-01",
    end: "2027-12-31",
    contact: "Gesundheitsamt Dortmund, Clearingstelle Gesundheit",
    visibility: "public",
    funding: [
      fl(null, "Landesförderung Clearingstellen Gesundheit (MGEPA/MAGS NRW, befristete Projektförderung ab 2016)", "land", 180000, 40000, "Kommunaler Haushalt (Gesundheitsamt); seit dem Ende der Landesförderung überwiegend kommunal"),
      fl(null, "Spenden einer örtlichen Stiftung", "stiftung", 25000, 0, ""),
    ],
    indicators: [
      ind("Familien mit geklärtem Versicherungsschutz", "Familien", 0, "2016-10-01", 600, "2027-12-31", 410, "2026-09-30"),
      ind("Durchschnittliche Dauer der Klärung", "Wochen", 16, "2016-12-31", 8, "2027-12-31", 10, "2026-09-30"),
    ],
    articles: ["gesundheit-notfallfonds-clearingstelle", "gesundheit-krankenversicherungsschutz-herstellen"],
    lastActivityDaysAgo: 20,
    updates: [{ city: "duisburg", daysAgo: 20, text: "Duisburg übernimmt den Fragebogen zur Fallaufnahme und testet ihn ab dem nächsten Quartal in Hochfeld." }],
  },
  {
    title: "Task Force Problemimmobilien Nordstadt",
    summary: "Ordnungsamt, Bauaufsicht, Jugendamt und Wohnungsunternehmen gehen gemeinsam gegen verwahrloste und überbelegte Häuser vor." + ILLU,
    lead: "dortmund",
    status: "laufend",
    history: [
      { status: "idee", date: "2012-10-01" },
      { status: "laufend", date: "2013-01-15", note: "Erste gemeinsame Begehungen." },
    ],
    felder: ["wohnen", "zusammenarbeit"],
    zielgruppen: ["Mieterinnen und Mieter in Problemimmobilien", "Eigentümer"],
    problem: "Einzelne Häuser sind stark überbelegt, verwahrlost oder stehen teilweise leer. Zimmer werden zu überhöhten Preisen untervermietet.",
    approach:
      "Gemeinsame Begehungen mehrerer Ämter, schnelle Auflagen an Eigentümer, bei Gefahr Räumung mit Angebot einer Ersatzunterkunft; parallel eine Strategic Force, die Häuser stadtweit beobachtet.",
    worked: "Die Abstimmung mehrerer Ämter in einer Begehung spart Wege; Eigentümer reagieren schneller auf gemeinsame Auflagen.",
    failed: "Nach Räumungen ziehen Familien oft in das nächste Problemhaus.",
    failureReasons: "Es fehlt bezahlbarer Ersatzwohnraum; Vermieter ohne Auflagen nehmen die Familien auf.",
    responsibilities: [
      { ebene: "kommune", stelle: "Ordnungsamt (Leitung der Task Force), Bauaufsicht, Jugendamt" },
      { ebene: "land", stelle: "Wohnungsaufsichtsgesetz, Städtebauförderung" },
    ],
    nextSteps: "Ankauf von zwei Häusern durch eine städtische Gesellschaft prüfen.",
    budget: 420000,
    start: "2013-01-15",
    contact: "Ordnungsamt Dortmund, Task Force Nordstadt",
    visibility: "public",
    funding: [fl(P_SZ[0], P_SZ[1], "bund", 250000, 80000, "Städtischer Eigenanteil aus dem Stadterneuerungshaushalt")],
    indicators: [ind("Begangene Problemimmobilien", "Häuser", 0, "2013-01-15", 120, "2026-12-31", 97, "2026-06-30")],
    articles: ["wohnen-task-force-problemimmobilien", "wohnen-eigentuemer-problemimmobilien"],
    lastActivityDaysAgo: 45,
  },
  {
    title: "Lotsen und Laufzettel – aufsuchende Arbeit in der Nordstadt",
    summary:
      "Lotsinnen und Lotsen aus der Community begleiten Neuzugewanderte mit einem Laufzettel durch Anmeldung, Schule und Arbeitssuche. Gesucht: Partnerstädte für eine gemeinsame ITI." +
      ILLU,
    lead: "dortmund",
    status: "bewilligt",
    history: [
      { status: "idee", date: "2025-01-10" },
      { status: "in-vorbereitung", date: "2025-03-01" },
      { status: "beantragt", date: "2025-06-30" },
      { status: "bewilligt", date: "2025-11-15" },
    ],
    felder: ["soziales-miteinander", "arbeitsmarkt", "kinder-bildung"],
    zielgruppen: ["Neu zugewanderte Familien", "Jugendliche"],
    problem: "Hilfe wird meist erst in akuten Notlagen gesucht. Die ersten Schritte nach der Ankunft (Anmeldung, Krankenversicherung, Schule) gelingen ohne Begleitung oft nicht.",
    approach:
      "Aufsuchende Arbeit früh nach der Einreise; eine Orientierungsstelle vergibt einen Laufzettel mit den nächsten Schritten; Lotsinnen und Lotsen begleiten, bis die Schritte erledigt sind.",
    worked: "",
    failed: "",
    failureReasons: "",
    responsibilities: [
      { ebene: "kommune", stelle: "Sozialamt (Orientierungsstelle), freie Träger (Lotsen)" },
      { ebene: "eu", stelle: "ESF Plus" },
    ],
    nextSteps: "Partnerstädte für eine gemeinsame ITI gewinnen; gemeinsame Schulung der Lotsen planen.",
    budget: 350000,
    start: "2026-01-01",
    end: "2028-12-31",
    contact: "Sozialamt Dortmund, Koordinierungsstelle Nordstadt",
    visibility: "public",
    seeksPartners: true,
    funding: [fl(P_ESF[0], P_ESF[1], "esf", 280000, 35000, "Kommunaler Haushalt"), fl(P_KOMMAN[0], P_KOMMAN[1], "land", 30000, 0, "")],
    indicators: [ind("Begleitete Haushalte", "Haushalte", 0, "2026-01-01", 400, "2028-12-31", 0, "2026-01-01")],
    articles: ["miteinander-zugang-aufsuchende-arbeit", "arbeit-lotsen-kompetenzerfassung"],
    lastActivityDaysAgo: 10,
  },
  {
    title: "Schulstart Nordstadt – Seiteneinstieg ohne Wartezeit",
    summary: "Schulpflichtige Kinder bekommen binnen zwei Wochen nach der Anmeldung einen Platz in einer Vorbereitungsklasse." + ILLU,
    lead: "dortmund",
    status: "laufend",
    history: [
      { status: "in-vorbereitung", date: "2023-02-01" },
      { status: "laufend", date: "2023-08-10" },
    ],
    felder: ["kinder-bildung"],
    zielgruppen: ["Schulpflichtige Kinder", "Eltern"],
    problem: "Kinder warteten nach dem Zuzug mehrere Monate auf einen Schulplatz; die Schulpflicht lief ins Leere.",
    approach: "Zentrale Anmeldung im Kommunalen Integrationszentrum, Platzvergabe nach einem Ampelsystem, Elterngespräche mit Sprachmittlung.",
    worked: "Die Wartezeit sank deutlich, seit alle Schulen freie Plätze wöchentlich melden.",
    failed: "Für Jugendliche ab 16 fehlen passende Angebote am Berufskolleg.",
    failureReasons: "Zu wenige Lehrkräfte für Deutsch als Zweitsprache.",
    responsibilities: [
      { ebene: "kommune", stelle: "Kommunales Integrationszentrum, Schulverwaltung" },
      { ebene: "land", stelle: "Schulaufsicht, Lehrerstellen" },
    ],
    nextSteps: "Angebot für 16- bis 18-Jährige mit den Berufskollegs entwickeln.",
    budget: 150000,
    start: "2023-08-10",
    end: "2027-07-31",
    contact: "Kommunales Integrationszentrum Dortmund",
    visibility: "public",
    funding: [fl(P_KINDER[0], P_KINDER[1], "land", 90000, 30000, "Kommunaler Haushalt (Schulverwaltung)")],
    indicators: [ind("Wartezeit bis zum Schulplatz", "Tage", 90, "2023-02-01", 14, "2027-07-31", 21, "2026-06-30")],
    articles: ["bildung-vorbereitungsklassen-schulsozialarbeit"],
    lastActivityDaysAgo: 60,
  },
  {
    title: "Mieterschule Nordstadt",
    summary: "Kurse über Rechte und Pflichten als Mieterin und Mieter, gemeinsam mit dem Mieterverein." + ILLU,
    lead: "dortmund",
    status: "abgeschlossen",
    history: [
      { status: "idee", date: "2014-01-10" },
      { status: "laufend", date: "2014-05-01" },
      { status: "abgeschlossen", date: "2016-04-30", note: "Auswertung liegt vor; Kursmaterial an den Mieterverein übergeben." },
    ],
    felder: ["wohnen", "soziales-miteinander"],
    zielgruppen: ["Neu zugewanderte Mieterinnen und Mieter"],
    problem: "Viele kennen ihre Rechte als Mieter nicht und zahlen überhöhte Untermieten.",
    approach: "Kurze Kurse in der eigenen Sprache in Begegnungsstätten; Beratung zu Mietverträgen.",
    worked: "Kurse direkt im Haus oder in der Nachbarschaft erreichten mehr Menschen als Kurse im Stadtteilbüro.",
    failed: "Kurse am Abend wurden kaum besucht.",
    failureReasons: "Viele arbeiten abends oder haben keine Kinderbetreuung.",
    responsibilities: [{ ebene: "kommune", stelle: "Amt für Wohnen, Mieterverein" }],
    nextSteps: "Material wird vom Mieterverein weiter genutzt.",
    budget: 60000,
    start: "2014-05-01",
    end: "2016-04-30",
    contact: "Amt für Wohnen Dortmund",
    visibility: "public",
    funding: [fl(P_SZ[0], P_SZ[1], "bund", 45000, 15000, "")],
    indicators: [ind("Kursteilnahmen", "Personen", 0, "2014-05-01", 300, "2016-04-30", 340, "2016-04-30")],
    articles: ["wohnen-mieterinformation-rechte-pflichten"],
    lastActivityDaysAgo: 300,
  },
  {
    title: "Qualifizierung für Selbstständige aus Südosteuropa",
    summary: "Beratung und Kurse für Menschen mit Gewerbeanmeldung – abgebrochen, weil die Zielgruppe nach 2014 in abhängige Beschäftigung wechselte." + ILLU,
    lead: "dortmund",
    status: "abgebrochen",
    history: [
      { status: "idee", date: "2013-03-01" },
      { status: "bewilligt", date: "2013-07-01" },
      { status: "laufend", date: "2013-09-01" },
      {
        status: "abgebrochen",
        date: "2014-09-30",
        note: "Abbruch nach einem Jahr: Seit der vollen Arbeitnehmerfreizügigkeit im Januar 2014 meldeten sich kaum noch Selbstständige; die Ko-Finanzierung des Jobcenters war für diese Gruppe nicht zulässig.",
      },
    ],
    felder: ["arbeitsmarkt"],
    zielgruppen: ["Selbstständige", "Gewerbetreibende"],
    problem: "Vor 2014 sicherten viele ihr Einkommen über eine Gewerbeanmeldung, oft in Scheinselbstständigkeit und ohne Kenntnis von Steuer- und Sozialversicherungspflichten.",
    approach: "Beratung in der Muttersprache, Kurse zu Buchführung und Steuern, Begleitung zum Finanzamt.",
    worked: "Die Beratung half, Steuerschulden zu vermeiden.",
    failed: "Die Kurse blieben nach 2014 leer; die geplante Zahl an Teilnehmenden wurde nicht erreicht.",
    failureReasons:
      "Mit der vollen Freizügigkeit wechselten viele in abhängige Beschäftigung. Das Konzept war zu eng auf Selbstständige zugeschnitten; die Ko-Finanzierung fiel weg.",
    responsibilities: [
      { ebene: "kommune", stelle: "Wirtschaftsförderung" },
      { ebene: "bund", stelle: "Jobcenter (Ko-Finanzierung)" },
    ],
    nextSteps: "Erfahrungen fließen in die Arbeitsmarktlotsen ein.",
    budget: 120000,
    start: "2013-09-01",
    end: "2014-09-30",
    contact: "Wirtschaftsförderung Dortmund",
    visibility: "public",
    funding: [fl(null, "ESF-Bundesprogramm (Förderperiode 2007–2013)", "esf", 90000, 10000, "Jobcenter (entfallen)")],
    indicators: [ind("Teilnehmende", "Personen", 0, "2013-09-01", 150, "2014-12-31", 38, "2014-09-30")],
    articles: ["arbeit-selbststaendigkeit-gewerbeanmeldung"],
    lastActivityDaysAgo: 400,
  },
  {
    title: "Gemeinsame ITI Zuwanderung Ruhrgebiet",
    summary: "Idee für eine integrierte territoriale Investition mehrerer Städte mit ähnlicher Zuwanderung." + ILLU,
    lead: "dortmund",
    status: "idee",
    history: [{ status: "idee", date: "2026-05-01" }],
    felder: ["zusammenarbeit", "wohnen", "arbeitsmarkt"],
    zielgruppen: ["Städte", "Quartiersakteure"],
    problem: "Einzelne Städte sind für die Fördermittel zu klein; gemeinsam könnten sie in der EU-Förderperiode ab 2028 ein thematisches ITI beantragen.",
    approach: "Drei bis fünf Städte stimmen Ziele und Indikatoren ab und bündeln EFRE- und ESF-Mittel.",
    responsibilities: [
      { ebene: "kommune", stelle: "Koordinierungsstellen der Städte" },
      { ebene: "land", stelle: "Verwaltungsbehörde EFRE/ESF" },
    ],
    nextSteps: "Interessierte Städte ansprechen; Programmplanung des Landes für die Förderperiode ab 2028 verfolgen.",
    budget: 2000000,
    start: "2028-01-01",
    end: "2031-12-31",
    contact: "Koordinierungsstelle Städtenetz Dortmund",
    visibility: "members",
    seeksPartners: true,
    funding: [fl(P_ITI[0], P_ITI[1], "iti", 1400000, 300000, "Kommunale Haushalte der beteiligten Städte")],
    lastActivityDaysAgo: 30,
  },
  {
    title: "Task Force Problemimmobilien Hochfeld und Marxloh",
    summary: "Ämterübergreifende Begehungen in den Stadtteilen mit den meisten Problemimmobilien." + ILLU,
    lead: "duisburg",
    partners: ["dortmund"],
    status: "laufend",
    history: [
      { status: "in-vorbereitung", date: "2013-04-01" },
      { status: "laufend", date: "2013-10-01" },
    ],
    felder: ["wohnen", "gesundheit"],
    zielgruppen: ["Bewohnerinnen und Bewohner von Problemimmobilien"],
    problem: "In Hochfeld, Marxloh und Bruckhausen konzentrieren sich überbelegte und baufällige Häuser.",
    approach: "Nach Dortmunder Vorbild: gemeinsame Begehungen, Auflagen, Räumung nur mit Ersatzangebot; Gesundheitsamt prüft Hygiene.",
    worked: "Ein gemeinsamer Kalender der Ämter.",
    failed: "Ersatzunterkünfte reichen nicht.",
    failureReasons: "Kaum freier, bezahlbarer Wohnraum in den Stadtteilen.",
    responsibilities: [{ ebene: "kommune", stelle: "Bürger- und Ordnungsamt, Bauaufsicht, Gesundheitsamt" }],
    nextSteps: "Monitoring auf weitere Stadtteile ausweiten.",
    budget: 380000,
    start: "2013-10-01",
    end: "2027-12-31",
    contact: "Bürger- und Ordnungsamt Duisburg",
    visibility: "public",
    funding: [fl(P_SZ[0], P_SZ[1], "bund", 240000, 60000, "Kommunaler Haushalt")],
    indicators: [ind("Häuser mit behobenen Mängeln", "Häuser", 0, "2013-10-01", 80, "2027-12-31", 52, "2026-03-31")],
    articles: ["wohnen-raeumung-unbewohnbarer-haeuser"],
    lastActivityDaysAgo: 90,
  },
  {
    title: "Vorsorge- und Impfsprechstunde für Kinder in Hochfeld",
    summary: "Offene Sprechstunde für U-Untersuchungen und Impfungen, auch ohne geklärte Versicherung." + ILLU,
    lead: "duisburg",
    status: "abgeschlossen",
    history: [
      { status: "laufend", date: "2014-02-01" },
      { status: "abgeschlossen", date: "2017-12-31", note: "In den Regelbetrieb des Gesundheitsamts übernommen." },
    ],
    felder: ["gesundheit", "kinder-bildung"],
    zielgruppen: ["Kinder", "Schwangere"],
    problem: "Viele Kinder hatten keine Vorsorgeuntersuchungen und keinen Impfschutz, auch vor dem Schuleintritt.",
    approach: "Wöchentliche Sprechstunde im Stadtteil mit Kinderärztin und Sprachmittlung; Einladung über Kitas und Schulen.",
    worked: "Einladungen über die Schulen erreichten fast alle Familien mit Schulkindern.",
    failed: "Säuglinge wurden spät erreicht.",
    failureReasons: "Keine Daten über Geburten ohne Anmeldung.",
    responsibilities: [{ ebene: "kommune", stelle: "Gesundheitsamt, Kinder- und Jugendgesundheitsdienst" }],
    nextSteps: "Regelbetrieb.",
    budget: 90000,
    start: "2014-02-01",
    end: "2017-12-31",
    contact: "Gesundheitsamt Duisburg, Kinder- und Jugendgesundheitsdienst",
    visibility: "public",
    funding: [fl(null, "Kommunaler Haushalt (Gesundheitsamt)", "sonstige", 0, 60000, ""), fl(null, "Spende einer Stiftung für Kindergesundheit", "stiftung", 30000, 0, "")],
    indicators: [ind("Kinder mit vollständigem Impfschutz", "%", 35, "2014-02-01", 80, "2017-12-31", 74, "2017-12-31")],
    articles: ["gesundheit-vorsorgeuntersuchungen-kinder"],
    lastActivityDaysAgo: 500,
  },
  {
    title: "Einschulungslotsen Marxloh",
    summary: "Lotsinnen begleiten Familien von der Schulanmeldung bis zum ersten Schultag." + ILLU,
    lead: "duisburg",
    status: "laufend",
    history: [
      { status: "idee", date: "2023-11-01" },
      { status: "beantragt", date: "2024-02-28", note: "Interessenbekundung in der zweiten EhAP-Plus-Runde (Frist 8. März 2024)." },
      { status: "bewilligt", date: "2024-10-15" },
      { status: "laufend", date: "2024-12-01" },
    ],
    felder: ["kinder-bildung", "soziales-miteinander"],
    zielgruppen: ["Eltern schulpflichtiger Kinder"],
    problem: "Familien kennen die Schulanmeldung nicht; Kinder bleiben lange ohne Schulplatz.",
    approach: "Lotsinnen aus der Community informieren in Moscheen, Vereinen und Kitas und begleiten zur Anmeldung.",
    responsibilities: [{ ebene: "kommune", stelle: "Kommunales Integrationszentrum Duisburg" }],
    nextSteps: "Lotsinnen weiter schulen; Anschluss nach dem Förderende im November 2028 klären.",
    budget: 560000,
    start: "2024-12-01",
    end: "2028-11-30",
    contact: "Kommunales Integrationszentrum Duisburg",
    visibility: "members",
    funding: [fl(P_EHAP[0], P_EHAP[1], "esf", 500000, 60000, "Kommunaler Haushalt")],
    indicators: [ind("Begleitete Einschulungen", "Kinder", 0, "2024-12-01", 250, "2028-11-30", 85, "2026-09-30")],
    lastActivityDaysAgo: 40,
  },
  {
    title: "Sprach- und Kulturmittler Bruckhausen",
    summary: "Ein Pool von Sprach- und Kulturmittlern für Ämter, Schulen und Nachbarschaftskonflikte." + ILLU,
    lead: "duisburg",
    status: "laufend",
    history: [
      { status: "bewilligt", date: "2022-11-01" },
      { status: "laufend", date: "2023-01-01" },
    ],
    felder: ["soziales-miteinander", "zusammenarbeit"],
    zielgruppen: ["Neu Zugewanderte", "Nachbarschaft", "Fachkräfte"],
    problem: "Verständigung scheitert an Sprache und an fehlendem Vertrauen in Behörden.",
    approach: "Mittlerinnen und Mittler aus der Community, geschult und vergütet, auf Abruf für Ämter und Schulen.",
    worked: "Vermittlung in Nachbarschaftskonflikten entschärft Streit früh.",
    responsibilities: [{ ebene: "kommune", stelle: "Referat für Integration" }],
    nextSteps: "Verstetigung über den Haushalt prüfen.",
    budget: 200000,
    start: "2023-01-01",
    end: "2026-12-31",
    contact: "Referat für Integration Duisburg",
    visibility: "public",
    funding: [fl(P_KOMMAN[0], P_KOMMAN[1], "land", 150000, 50000, "")],
    indicators: [ind("Einsätze pro Jahr", "Einsätze", 0, "2023-01-01", 900, "2026-12-31", 640, "2025-12-31")],
    articles: ["miteinander-sprach-und-kulturmittler"],
    lastActivityDaysAgo: 240,
  },
  {
    title: "Arbeitsmarktlotsen Hochfeld",
    summary: "Kompetenzen erfassen, in Sprachkurse und Qualifizierung vermitteln, Ausbeutung vorbeugen." + ILLU,
    lead: "duisburg",
    status: "laufend",
    history: [
      { status: "idee", date: "2025-06-01" },
      { status: "beantragt", date: "2025-10-10", note: "Antrag im Förderaufruf BIWAQ VI (Frist 15. Oktober 2025)." },
      { status: "bewilligt", date: "2026-05-20" },
      { status: "laufend", date: "2026-07-01" },
    ],
    felder: ["arbeitsmarkt", "soziales-miteinander"],
    zielgruppen: ["Arbeitsuchende", "Beschäftigte in prekären Verhältnissen"],
    problem: "Viele arbeiten ungeschützt und unter dem Mindestlohn; vorhandene Qualifikationen werden nicht erkannt.",
    approach: "Lotsen erfassen Kompetenzen und vermitteln in Sprachkurse, Anerkennung und Qualifizierung; Zusammenarbeit mit Jobcenter und Zoll.",
    responsibilities: [
      { ebene: "kommune", stelle: "Jobcenter Duisburg, Wirtschaftsförderung" },
      { ebene: "bund", stelle: "Finanzkontrolle Schwarzarbeit" },
    ],
    nextSteps: "Kompetenzerfassung mit dem Jobcenter abstimmen; Übergang nach dem Förderende im September 2028 planen.",
    budget: 360000,
    start: "2026-07-01",
    end: "2028-09-30",
    contact: "Jobcenter Duisburg, Team Zuwanderung",
    visibility: "public",
    funding: [fl(P_BIWAQ[0], P_BIWAQ[1], "esf", 320000, 40000, "Jobcenter")],
    articles: ["arbeit-ausbeutung-prekaere-beschaeftigung"],
    lastActivityDaysAgo: 15,
  },
  {
    title: "Beratungsmobil Bruckhausen",
    summary: "Ein mobiles Beratungsbüro sollte Familien direkt auf der Straße erreichen – abgebrochen nach sechs Monaten." + ILLU,
    lead: "duisburg",
    status: "abgebrochen",
    history: [
      { status: "laufend", date: "2015-04-01" },
      {
        status: "abgebrochen",
        date: "2015-10-15",
        note: "Abbruch: Das Mobil fand keinen festen Standplatz, Beratungen waren ohne geschützten Raum nicht vertraulich, zwei von drei Stellen blieben unbesetzt.",
      },
    ],
    felder: ["soziales-miteinander", "gesundheit"],
    zielgruppen: ["Familien", "Frauen"],
    problem: "Familien kommen nicht in die Beratungsstellen.",
    approach: "Ein umgebauter Kleinbus mit Beratung an wechselnden Orten.",
    worked: "Erstkontakte gelangen häufig.",
    failed: "Aus Erstkontakten wurden selten Beratungen.",
    failureReasons: "Kein geschützter Raum für vertrauliche Gespräche; wechselnde Standorte verhinderten Vertrauen; Personal fehlte.",
    responsibilities: [{ ebene: "kommune", stelle: "Freier Träger im Auftrag der Stadt" }],
    nextSteps: "Stattdessen feste Sprechzeiten in einem Stadtteilladen.",
    budget: 80000,
    start: "2015-04-01",
    end: "2015-10-15",
    contact: "Sozialamt Duisburg",
    visibility: "public",
    funding: [fl(null, "Kommunale Mittel", "sonstige", 0, 80000, "")],
    lastActivityDaysAgo: 600,
  },
  {
    title: "Anlaufstelle Südosteuropa Gelsenkirchen",
    summary: "Zentrale Anlaufstelle für Neuzugewanderte mit Beratung zu Arbeit, Wohnen und Schule." + ILLU,
    lead: "gelsenkirchen",
    status: "laufend",
    history: [{ status: "laufend", date: "2024-04-01" }],
    felder: ["soziales-miteinander", "arbeitsmarkt"],
    zielgruppen: ["Neu Zugewanderte"],
    problem: "Beratung war auf viele Stellen verteilt.",
    approach: "Eine Tür für alle Fragen, mit Lotsen in Arbeit und Schule.",
    responsibilities: [{ ebene: "kommune", stelle: "Kommunales Integrationszentrum Gelsenkirchen" }],
    budget: 180000,
    start: "2024-04-01",
    end: "2027-03-31",
    contact: "Kommunales Integrationszentrum Gelsenkirchen",
    visibility: "public",
    funding: [fl(P_ESF[0], P_ESF[1], "esf", 140000, 20000, "")],
    lastActivityDaysAgo: 50,
  },
  {
    title: "Kita-Brückenangebot Hamm",
    summary: "Spielgruppen als Brücke in die Kita für Kinder ohne Betreuungsplatz." + ILLU,
    lead: "hamm",
    status: "idee",
    history: [{ status: "idee", date: "2026-06-01" }],
    felder: ["kinder-bildung", "soziales-miteinander"],
    zielgruppen: ["Kinder unter 6 Jahren", "Eltern"],
    problem: "Kinder neu zugewanderter Familien finden keinen Kitaplatz.",
    approach: "Niedrigschwellige Spielgruppen im Quartier mit Elternarbeit. EFRE scheidet aus, weil er nur Investitionen fördert; geprüft wird ein Antrag im nächsten kinderstark-Aufruf.",
    responsibilities: [{ ebene: "kommune", stelle: "Jugendamt Hamm" }],
    budget: 70000,
    start: "2027-01-01",
    end: "2028-12-31",
    contact: "Jugendamt Hamm",
    visibility: "public",
    funding: [fl(P_KINDER[0], P_KINDER[1], "land", 45000, 25000, "Kommunaler Haushalt (Jugendamt)")],
    lastActivityDaysAgo: 25,
  },
  {
    title: "Stadtteiltreff Nordstadt – Umbau eines Ladenlokals",
    summary: "Ein leerstehendes Ladenlokal wurde zu einem barrierefreien Treffpunkt mit Beratungsräumen umgebaut." + ILLU,
    lead: "dortmund",
    status: "abgeschlossen",
    history: [
      { status: "idee", date: "2022-06-01" },
      { status: "beantragt", date: "2022-12-15", note: "Einreichung in der ersten Runde von „Wohnviertel im Wandel“ (Frist 31. Dezember 2022)." },
      { status: "bewilligt", date: "2023-06-30" },
      { status: "laufend", date: "2023-09-01" },
      { status: "abgeschlossen", date: "2025-06-30", note: "Umbau fertig; Beratung und Sprechstunden laufen aus anderen Mitteln." },
    ],
    felder: ["wohnen", "soziales-miteinander"],
    zielgruppen: ["Nachbarschaft", "Neu Zugewanderte"],
    problem: "Im Quartier fehlte ein Raum, in dem Beratung vertraulich und Begegnung ohne Konsum möglich ist.",
    approach: "Umbau und Ausstattung eines leerstehenden Ladenlokals (Barrierefreiheit, Beratungsräume, Energieeffizienz). Personal und Programm werden nicht aus dem EFRE bezahlt.",
    worked: "Der Treff ist an fünf Tagen geöffnet; mehrere Beratungsdienste nutzen die Räume gemeinsam.",
    responsibilities: [
      { ebene: "kommune", stelle: "Amt für Stadterneuerung" },
      { ebene: "land", stelle: "Bezirksregierung (Bewilligung EFRE)" },
    ],
    budget: 400000,
    start: "2023-09-01",
    end: "2025-06-30",
    contact: "Amt für Stadterneuerung Dortmund",
    visibility: "public",
    funding: [fl(P_EFRE[0], "EFRE/JTF-Programm NRW 2021–2027 – „Wohnviertel im Wandel“ (investiv: Umbau und Ausstattung)", "efre", 320000, 80000, "Städtischer Eigenanteil (Stadterneuerung)")],
    lastActivityDaysAgo: 520,
  },
];

function daysAgo(n: number, now = Date.now()) {
  return new Date(now - n * 86_400_000);
}

/** The demo step "Projekte": indexes the cities and creates the demo projects that do not exist yet. */
export async function seedDemoProjects(db: DB) {
  const cityIds = new Map(db.select({ id: cities.id, slug: cities.slug }).from(cities).all().map((c) => [c.slug, c.id]));
  indexAllCities(db);
  const coordinators = new Map(
    db
      .select({ id: users.id, cityId: users.cityId })
      .from(users)
      .where(eq(users.role, "koordination"))
      .all()
      .filter((u) => u.cityId != null)
      .map((u) => [u.cityId!, u.id]),
  );
  let created = 0;
  for (const d of DEMO_PROJECTS) {
    const lead = cityIds.get(d.lead);
    if (!lead) continue;
    if (db.select({ id: projects.id }).from(projects).where(eq(projects.title, d.title)).get()) continue;
    const last = d.history[d.history.length - 1];
    const input: ProjectInput = {
      title: d.title,
      summary: d.summary,
      leadCityId: lead,
      partnerCityIds: (d.partners ?? []).map((s) => cityIds.get(s)).filter((x): x is number => x != null),
      status: d.status,
      statusDate: last.date,
      statusNote: last.note ?? "",
      handlungsfelder: d.felder,
      zielgruppen: d.zielgruppen,
      problem: d.problem,
      approach: d.approach,
      worked: d.worked ?? "",
      failed: d.failed ?? "",
      failureReasons: d.failureReasons ?? "",
      responsibilities: d.responsibilities,
      nextSteps: d.nextSteps ?? "",
      budget: d.budget,
      startDate: d.start ?? null,
      endDate: d.end ?? null,
      contactRole: d.contact,
      visibility: d.visibility,
      seeksPartners: !!d.seeksPartners,
      overBudgetConfirmed: false,
      fundingLines: d.funding,
      indicators: d.indicators ?? [],
      articleSlugs: d.articles ?? [],
    };
    const author = coordinators.get(lead) ?? null;
    const when = daysAgo(d.lastActivityDaysAgo + (d.updates?.length ? 30 : 0));
    const { id } = createProject(db, author, input, {
      reason: "Demo-Daten",
      now: when,
      history: d.history.map((h) => ({ status: h.status, date: h.date, note: h.note ?? "" })),
    });
    for (const u of d.updates ?? []) {
      const cid = cityIds.get(u.city) ?? null;
      addProjectUpdate(db, { id: (cid != null ? coordinators.get(cid) : null) ?? author, cityId: cid }, id, u.text, daysAgo(u.daysAgo));
    }
    created++;
  }
  return `${created} Projekte angelegt, ${cityIds.size} Städte im Suchindex`;
}
