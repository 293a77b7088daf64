// Judged queries over the real corpus (content/wissen, content/foerderung): what busy practitioners type, and
// the documents that should come first, judged by reading the documents. Used by tests/search/judged.test.ts
// (top 3 / top 10) and scripts/bench-search.ts (nDCG@10, MRR@10, Recall@10 per kind).
//
// Judgments are graded: 3 = the answer, 2 = very useful, 1 = related. `relevant` lists every judged document,
// best first (older code reads only it). `grades` gives the grade per document; without `grades` (or for an id
// missing from it) `relevant[0]` counts 3 and the others 2 – see gradeOf(). An "expected" document is one of
// grade ≥ 2.
//
// `stretch: true` – today's engine does not get an expected document into the top 3; the test asserts one is in
// the top 10. `open: true` – not even in the top 10 today; the test is marked as expected to fail (it.fails), so
// when the engine learns the query the test turns red and the flag must be removed (promote to stretch or normal).
export type QueryKind =
  | "plain"
  | "umlautfrei"
  | "prefix"
  | "tippfehler"
  | "kompositum"
  | "abkuerzung"
  | "frage"
  | "filter"
  | "flexion"
  | "synonym";

export const QUERY_KINDS: QueryKind[] = ["plain", "umlautfrei", "prefix", "tippfehler", "kompositum", "abkuerzung", "frage", "filter", "flexion", "synonym"];

export type Grade = 1 | 2 | 3;

export type JudgedQuery = {
  q: string;
  kind: QueryKind;
  typ?: "wissen" | "foerderung";
  feld?: string;
  relevant: string[]; // document ids, best first
  grades?: Record<string, Grade>;
  stretch?: true;
  open?: true;
};

/** The grade of a document for a query: 0 = not judged (not relevant). */
export function gradeOf(j: JudgedQuery, id: string): 0 | Grade {
  const i = j.relevant.indexOf(id);
  if (i < 0) return 0;
  return j.grades?.[id] ?? (i === 0 ? 3 : 2);
}

/** The documents of grade ≥ 2 – one of them must appear in the top 3 (top 10 for stretch queries). */
export const expectedIds = (j: JudgedQuery) => j.relevant.filter((id) => gradeOf(j, id) >= 2);

export const JUDGED: JudgedQuery[] = [
  // plain
  { q: "Problemimmobilien", kind: "plain", relevant: ["wissen:glossar-problemimmobilie", "wissen:wohnen-task-force-problemimmobilien", "wissen:wohnen-eigentuemer-problemimmobilien"] },
  { q: "Krankenversicherung Kinder", kind: "plain", relevant: ["wissen:gesundheit-vorsorgeuntersuchungen-kinder", "wissen:checkliste-gesundheit", "wissen:gesundheit-krankenversicherungsschutz-herstellen", "wissen:loesungsszenario-5-kinderrechte"],
    grades: { "wissen:gesundheit-vorsorgeuntersuchungen-kinder": 3, "wissen:gesundheit-krankenversicherungsschutz-herstellen": 2, "wissen:checkliste-gesundheit": 3, "wissen:loesungsszenario-5-kinderrechte": 1 } },
  { q: "EFRE Kommune", kind: "plain", relevant: ["foerderung:efre-nrw", "wissen:glossar-efre", "foerderung:starke-quartiere-starke-menschen"] },
  { q: "Kindergeld", kind: "plain", relevant: ["wissen:glossar-kindergeld", "wissen:checkliste-einkommen", "wissen:arbeit-einkommenssicherung-sgb-ii-xii"],
    grades: { "wissen:glossar-kindergeld": 3, "wissen:checkliste-einkommen": 3, "wissen:arbeit-einkommenssicherung-sgb-ii-xii": 2 } },
  { q: "Schulpflicht", kind: "plain", relevant: ["wissen:glossar-schulpflicht", "wissen:bildung-schulpflicht-und-bildungsperspektiven", "wissen:checkliste-schule-kita"],
    grades: { "wissen:glossar-schulpflicht": 3, "wissen:bildung-schulpflicht-und-bildungsperspektiven": 3, "wissen:checkliste-schule-kita": 2 } },
  { q: "Clearingstelle", kind: "plain", relevant: ["wissen:glossar-clearingstelle", "wissen:gesundheit-notfallfonds-clearingstelle", "wissen:loesungsszenario-2-fonds-clearingstelle", "wissen:zusammenarbeit-leitfaden-front-backoffice"],
    grades: { "wissen:glossar-clearingstelle": 3, "wissen:loesungsszenario-2-fonds-clearingstelle": 2, "wissen:gesundheit-notfallfonds-clearingstelle": 3, "wissen:zusammenarbeit-leitfaden-front-backoffice": 2 } },
  { q: "Scheinselbstständigkeit", kind: "plain", relevant: ["wissen:glossar-scheinselbststaendigkeit", "wissen:arbeit-selbststaendigkeit-gewerbeanmeldung", "wissen:checkliste-arbeit"],
    grades: { "wissen:glossar-scheinselbststaendigkeit": 3, "wissen:arbeit-selbststaendigkeit-gewerbeanmeldung": 2, "wissen:checkliste-arbeit": 2 } },
  { q: "Räumung unbewohnbarer Häuser", kind: "plain", relevant: ["wissen:wohnen-raeumung-unbewohnbarer-haeuser"] },
  { q: "Kulturmittlung", kind: "plain", relevant: ["wissen:miteinander-sprach-und-kulturmittler"] },
  { q: "Kindeswohlgefährdung", kind: "plain", relevant: ["wissen:glossar-kindeswohlgefaehrdung", "wissen:bildung-kindeswohlgefaehrdung-jugendhilfe"] },
  { q: "Wohnungslosigkeit", kind: "plain", relevant: ["foerderung:endlich-ein-zuhause", "foerderung:hilfen-in-wohnungsnotfaellen", "wissen:glossar-notfall", "wissen:glossar-prekaeres-wohnen"],
    grades: { "foerderung:endlich-ein-zuhause": 3, "foerderung:hilfen-in-wohnungsnotfaellen": 3, "wissen:glossar-prekaeres-wohnen": 1, "wissen:glossar-notfall": 2 } },
  { q: "Gewerbeanmeldung", kind: "plain", relevant: ["wissen:glossar-gewerbeanmeldung", "wissen:arbeit-selbststaendigkeit-gewerbeanmeldung", "wissen:checkliste-arbeit"],
    grades: { "wissen:glossar-gewerbeanmeldung": 3, "wissen:arbeit-selbststaendigkeit-gewerbeanmeldung": 3, "wissen:checkliste-arbeit": 2 } },

  // without umlauts / ß
  { q: "Schueler", kind: "umlautfrei", relevant: ["wissen:glossar-vorbereitungsklasse", "wissen:bildung-vorbereitungsklassen-schulsozialarbeit", "wissen:checkliste-schule-kita"] },
  { q: "strassenprostitution", kind: "umlautfrei", relevant: ["wissen:miteinander-prostitution-aufsuchende-arbeit-frauen"] },
  { q: "Arbeitnehmerfreizuegigkeit", kind: "umlautfrei", relevant: ["wissen:glossar-arbeitnehmerfreizuegigkeit", "wissen:arbeit-arbeitnehmerfreizuegigkeit-2014"] },
  { q: "Rumaenien Bulgarien Zuzuege", kind: "umlautfrei", relevant: ["wissen:fakten-zuzuege-bulgarien-rumaenien-2007-2011", "wissen:fakten-dortmund-duisburg-2012"] },
  { q: "Ueberhoehte Untermieten", kind: "umlautfrei", relevant: ["wissen:wohnen-ueberhoehte-untermieten"] },
  { q: "Kindeswohlgefaehrdung", kind: "umlautfrei", relevant: ["wissen:glossar-kindeswohlgefaehrdung", "wissen:bildung-kindeswohlgefaehrdung-jugendhilfe"] },
  { q: "Suedosteuropa Landesprogramm", kind: "umlautfrei", relevant: ["foerderung:zuwanderung-suedosteuropa-nrw"] },
  { q: "Fruehe Verheiratung", kind: "umlautfrei", relevant: ["wissen:bildung-fruehehen-familiengericht", "wissen:loesungsszenario-5-kinderrechte"] },
  { q: "Praeventionsketten", kind: "umlautfrei", relevant: ["foerderung:kinderstark", "foerderung:kein-kind-zuruecklassen", "wissen:bildung-kein-kind-zuruecklassen-elternarbeit"],
    grades: { "foerderung:kinderstark": 3, "foerderung:kein-kind-zuruecklassen": 3, "wissen:bildung-kein-kind-zuruecklassen-elternarbeit": 2 } },
  { q: "Wohnungsnotfaelle", kind: "umlautfrei", relevant: ["foerderung:hilfen-in-wohnungsnotfaellen", "wissen:glossar-notfall", "foerderung:endlich-ein-zuhause"],
    grades: { "foerderung:hilfen-in-wohnungsnotfaellen": 3, "wissen:glossar-notfall": 3, "foerderung:endlich-ein-zuhause": 2 } },
  { q: "Staedtebuendnis", kind: "umlautfrei", relevant: ["wissen:zusammenarbeit-staedtebuendnis-staedtetag"] },
  { q: "Oertliche Kooperation freie Traeger", kind: "umlautfrei", relevant: ["wissen:zusammenarbeit-oertliche-kooperation-freie-traeger", "wissen:zusammenarbeit-dortmunder-netzwerk-eu-armutszuwanderung"],
    grades: { "wissen:zusammenarbeit-oertliche-kooperation-freie-traeger": 3, "wissen:zusammenarbeit-dortmunder-netzwerk-eu-armutszuwanderung": 1 } },
  { q: "Prekaere Beschaeftigung", kind: "umlautfrei", relevant: ["wissen:arbeit-ausbeutung-prekaere-beschaeftigung", "wissen:glossar-scheinselbststaendigkeit", "wissen:checkliste-arbeit"],
    grades: { "wissen:arbeit-ausbeutung-prekaere-beschaeftigung": 3, "wissen:glossar-scheinselbststaendigkeit": 1, "wissen:checkliste-arbeit": 1 } },
  { q: "Muell Laerm Nachbarn", kind: "umlautfrei", relevant: ["wissen:miteinander-nachbarschaftskonflikte-quartier", "wissen:wohnen-mieterinformation-rechte-pflichten"],
    grades: { "wissen:miteinander-nachbarschaftskonflikte-quartier": 3, "wissen:wohnen-mieterinformation-rechte-pflichten": 1 } },

  // prefix (as you type)
  { q: "Vorbereitungskl", kind: "prefix", relevant: ["wissen:glossar-vorbereitungsklasse", "wissen:bildung-vorbereitungsklassen-schulsozialarbeit"] },
  { q: "Verwendungsnach", kind: "prefix", relevant: ["wissen:glossar-verwendungsnachweis"] },
  { q: "Integrationsku", kind: "prefix", relevant: ["wissen:glossar-integrationskurs", "foerderung:bamf-integrationskurse"] },
  { q: "Kofinanz", kind: "prefix", relevant: ["wissen:glossar-kofinanzierung"] },
  { q: "Jugendmigrations", kind: "prefix", relevant: ["foerderung:jugendmigrationsdienste"] },
  { q: "Scheinselbst", kind: "prefix", relevant: ["wissen:glossar-scheinselbststaendigkeit", "wissen:checkliste-arbeit"], grades: { "wissen:glossar-scheinselbststaendigkeit": 3, "wissen:checkliste-arbeit": 1 } },
  { q: "Orientierungsst", kind: "prefix", relevant: ["wissen:glossar-orientierungsstelle", "wissen:loesungsszenario-3-aufsuchende-arbeit-orientierungsstelle"] },
  { q: "Wohnungszug", kind: "prefix", relevant: ["wissen:wohnen-wohnungszugangsstrategie-dortmund", "wissen:loesungsszenario-6-wohnungsmarkt"] },
  { q: "Eigenant", kind: "prefix", relevant: ["wissen:glossar-eigenanteil", "wissen:glossar-kofinanzierung"], grades: { "wissen:glossar-eigenanteil": 3, "wissen:glossar-kofinanzierung": 1 } },
  { q: "Schwangersch", kind: "prefix", relevant: ["wissen:gesundheit-schwangerschaft-entbindung-ohne-versicherung", "wissen:checkliste-gesundheit", "wissen:bildung-fruehehen-familiengericht", "wissen:checkliste-einkommen"],
    grades: { "wissen:gesundheit-schwangerschaft-entbindung-ohne-versicherung": 3, "wissen:checkliste-gesundheit": 2, "wissen:bildung-fruehehen-familiengericht": 1, "wissen:checkliste-einkommen": 1 } },
  { q: "Basistar", kind: "prefix", relevant: ["wissen:gesundheit-krankenkassen-basistarif-niederschlagung", "wissen:loesungsszenario-2-fonds-clearingstelle"], grades: { "wissen:gesundheit-krankenkassen-basistarif-niederschlagung": 3, "wissen:loesungsszenario-2-fonds-clearingstelle": 1 } },
  { q: "Kulturmitt", kind: "prefix", relevant: ["wissen:miteinander-sprach-und-kulturmittler"] },
  { q: "Vorsorgeunt", kind: "prefix", relevant: ["wissen:gesundheit-vorsorgeuntersuchungen-kinder", "wissen:checkliste-gesundheit"] },

  // one typo
  { q: "Krankenversicherng", kind: "tippfehler", relevant: ["wissen:gesundheit-krankenversicherungsschutz-herstellen", "wissen:glossar-ehic", "wissen:gesundheit-ehic-akzeptanz"] },
  { q: "Kofinanzirung", kind: "tippfehler", relevant: ["wissen:glossar-kofinanzierung"] },
  { q: "Clearinstelle", kind: "tippfehler", relevant: ["wissen:glossar-clearingstelle", "wissen:loesungsszenario-2-fonds-clearingstelle", "wissen:gesundheit-notfallfonds-clearingstelle"] },
  { q: "Schulplficht", kind: "tippfehler", relevant: ["wissen:glossar-schulpflicht", "wissen:bildung-schulpflicht-und-bildungsperspektiven"] },
  { q: "Verantwortungsgemeinshaft", kind: "tippfehler", relevant: ["wissen:glossar-verantwortungsgemeinschaft", "wissen:loesungsszenario-1-verantwortungsgemeinschaft", "wissen:zusammenarbeit-staedtebuendnis-staedtetag"] },
  { q: "Problemimobilie", kind: "tippfehler", relevant: ["wissen:glossar-problemimmobilie", "wissen:wohnen-task-force-problemimmobilien", "wissen:wohnen-eigentuemer-problemimmobilien"] },
  { q: "Gewerbeanmeldnug", kind: "tippfehler", relevant: ["wissen:glossar-gewerbeanmeldung", "wissen:arbeit-selbststaendigkeit-gewerbeanmeldung"] },
  { q: "Kindergelt", kind: "tippfehler", relevant: ["wissen:glossar-kindergeld", "wissen:checkliste-einkommen"] },
  { q: "Integrationskurz", kind: "tippfehler", relevant: ["wissen:glossar-integrationskurs", "foerderung:bamf-integrationskurse"] },
  { q: "Orientirungsstelle", kind: "tippfehler", relevant: ["wissen:glossar-orientierungsstelle", "wissen:loesungsszenario-3-aufsuchende-arbeit-orientierungsstelle"] },
  { q: "Kindeswohlgefärdung", kind: "tippfehler", relevant: ["wissen:glossar-kindeswohlgefaehrdung", "wissen:bildung-kindeswohlgefaehrdung-jugendhilfe"] },
  { q: "Aufsuchnde Arbeit", kind: "tippfehler", relevant: ["wissen:glossar-aufsuchende-arbeit", "wissen:miteinander-zugang-aufsuchende-arbeit", "wissen:loesungsszenario-3-aufsuchende-arbeit-orientierungsstelle"],
    grades: { "wissen:glossar-aufsuchende-arbeit": 3, "wissen:loesungsszenario-3-aufsuchende-arbeit-orientierungsstelle": 2, "wissen:miteinander-zugang-aufsuchende-arbeit": 3 } },
  { q: "Jugendmigratonsdienste", kind: "tippfehler", relevant: ["foerderung:jugendmigrationsdienste"] },

  // compounds: a part finds the compound, a compound finds its parts
  { q: "Immobilie", kind: "kompositum", relevant: ["wissen:glossar-problemimmobilie", "wissen:wohnen-task-force-problemimmobilien", "wissen:wohnen-eigentuemer-problemimmobilien"] },
  { q: "Prostitution", kind: "kompositum", relevant: ["wissen:miteinander-prostitution-aufsuchende-arbeit-frauen"] },
  { q: "Gemeinschaft Verantwortung", kind: "kompositum", relevant: ["wissen:glossar-verantwortungsgemeinschaft", "wissen:loesungsszenario-1-verantwortungsgemeinschaft"] },
  { q: "Untersuchungen Vorsorge Kinder", kind: "kompositum", relevant: ["wissen:gesundheit-vorsorgeuntersuchungen-kinder"] },
  { q: "Versicherung", kind: "kompositum",
    relevant: ["wissen:gesundheit-krankenversicherungsschutz-herstellen", "wissen:checkliste-gesundheit", "wissen:gesundheit-schwangerschaft-entbindung-ohne-versicherung", "wissen:gesundheit-notfallfonds-clearingstelle", "wissen:gesundheit-krankenkassen-basistarif-niederschlagung", "wissen:glossar-ehic", "wissen:gesundheit-basisversorgung-gesundheitsamt"],
    grades: { "wissen:gesundheit-krankenversicherungsschutz-herstellen": 3, "wissen:checkliste-gesundheit": 3, "wissen:gesundheit-schwangerschaft-entbindung-ohne-versicherung": 2, "wissen:gesundheit-notfallfonds-clearingstelle": 2, "wissen:gesundheit-krankenkassen-basistarif-niederschlagung": 2, "wissen:glossar-ehic": 1, "wissen:gesundheit-basisversorgung-gesundheitsamt": 1 } },
  { q: "Notfallhilfe Wohnung", kind: "kompositum", relevant: ["foerderung:hilfen-in-wohnungsnotfaellen", "wissen:glossar-notfall", "foerderung:endlich-ein-zuhause", "wissen:wohnen-wohnungszugangsstrategie-dortmund", "wissen:loesungsszenario-6-wohnungsmarkt"],
    grades: { "foerderung:hilfen-in-wohnungsnotfaellen": 3, "wissen:glossar-notfall": 2, "foerderung:endlich-ein-zuhause": 2, "wissen:wohnen-wohnungszugangsstrategie-dortmund": 2, "wissen:loesungsszenario-6-wohnungsmarkt": 1 } },
  { q: "Wohnungszugang", kind: "kompositum", relevant: ["wissen:wohnen-wohnungszugangsstrategie-dortmund", "wissen:loesungsszenario-6-wohnungsmarkt"], grades: { "wissen:wohnen-wohnungszugangsstrategie-dortmund": 3, "wissen:loesungsszenario-6-wohnungsmarkt": 3 } },
  { q: "Bundesfonds Gesundheit", kind: "kompositum", relevant: ["wissen:loesungsszenario-2-fonds-clearingstelle", "wissen:gesundheit-notfallfonds-clearingstelle"], grades: { "wissen:loesungsszenario-2-fonds-clearingstelle": 3, "wissen:gesundheit-notfallfonds-clearingstelle": 3 } },
  { q: "Sozialarbeit Schule", kind: "kompositum", relevant: ["wissen:bildung-vorbereitungsklassen-schulsozialarbeit", "wissen:checkliste-schule-kita"], grades: { "wissen:bildung-vorbereitungsklassen-schulsozialarbeit": 3, "wissen:checkliste-schule-kita": 1 } },
  { q: "Gesundheitsversorgung", kind: "kompositum", relevant: ["wissen:loesungsszenario-2-fonds-clearingstelle", "wissen:gesundheit-notfallfonds-clearingstelle", "wissen:gesundheit-basisversorgung-gesundheitsamt", "wissen:checkliste-gesundheit"],
    grades: { "wissen:loesungsszenario-2-fonds-clearingstelle": 3, "wissen:gesundheit-notfallfonds-clearingstelle": 3, "wissen:gesundheit-basisversorgung-gesundheitsamt": 2, "wissen:checkliste-gesundheit": 2 } },
  { q: "Beiträge Rückstand", kind: "kompositum", relevant: ["wissen:gesundheit-krankenkassen-basistarif-niederschlagung", "wissen:checkliste-gesundheit"], grades: { "wissen:gesundheit-krankenkassen-basistarif-niederschlagung": 3, "wissen:checkliste-gesundheit": 2 } },
  { q: "Kultur Mittler", kind: "kompositum", relevant: ["wissen:miteinander-sprach-und-kulturmittler"] },
  { q: "Kurs Sprache", kind: "kompositum", stretch: true, relevant: ["wissen:arbeit-qualifizierung-sprachkurse", "wissen:glossar-integrationskurs", "foerderung:bamf-integrationskurse"],
    grades: { "wissen:arbeit-qualifizierung-sprachkurse": 3, "wissen:glossar-integrationskurs": 2, "foerderung:bamf-integrationskurse": 2 } },
  { q: "Versicherungskarte", kind: "kompositum", relevant: ["wissen:glossar-ehic", "wissen:gesundheit-ehic-akzeptanz", "wissen:checkliste-gesundheit"], grades: { "wissen:glossar-ehic": 3, "wissen:gesundheit-ehic-akzeptanz": 3, "wissen:checkliste-gesundheit": 1 } },
  { q: "Kindergeldantrag", kind: "kompositum", relevant: ["wissen:checkliste-einkommen", "wissen:glossar-kindergeld", "wissen:arbeit-selbststaendigkeit-gewerbeanmeldung"],
    grades: { "wissen:checkliste-einkommen": 3, "wissen:glossar-kindergeld": 3, "wissen:arbeit-selbststaendigkeit-gewerbeanmeldung": 1 } },
  { q: "Anmeldung Gewerbe", kind: "kompositum", relevant: ["wissen:glossar-gewerbeanmeldung", "wissen:arbeit-selbststaendigkeit-gewerbeanmeldung", "wissen:checkliste-arbeit"],
    grades: { "wissen:glossar-gewerbeanmeldung": 3, "wissen:arbeit-selbststaendigkeit-gewerbeanmeldung": 3, "wissen:checkliste-arbeit": 2 } },

  // abbreviations and their expansions
  { q: "EHIC", kind: "abkuerzung", relevant: ["wissen:glossar-ehic", "wissen:gesundheit-ehic-akzeptanz"] },
  { q: "ESF", kind: "abkuerzung", relevant: ["wissen:glossar-esf", "foerderung:esf-plus-nrw"] },
  { q: "EHAP", kind: "abkuerzung", relevant: ["wissen:glossar-ehap", "foerderung:ehap-2014-2020", "foerderung:ehap-plus"] },
  { q: "BIWAQ", kind: "abkuerzung", relevant: ["foerderung:biwaq"] },
  { q: "MBE", kind: "abkuerzung", relevant: ["foerderung:bamf-mbe"] },
  { q: "ITI", kind: "abkuerzung", relevant: ["wissen:glossar-iti", "foerderung:iti-instrument"] },
  { q: "SGB XII", kind: "abkuerzung", relevant: ["wissen:glossar-sgb-xii", "wissen:arbeit-einkommenssicherung-sgb-ii-xii"] },
  { q: "KV für Kinder", kind: "abkuerzung", stretch: true,
    relevant: ["wissen:checkliste-gesundheit", "wissen:gesundheit-vorsorgeuntersuchungen-kinder", "wissen:gesundheit-krankenversicherungsschutz-herstellen", "wissen:gesundheit-notfallfonds-clearingstelle", "wissen:loesungsszenario-5-kinderrechte", "wissen:gesundheit-basisversorgung-gesundheitsamt"],
    grades: { "wissen:checkliste-gesundheit": 3, "wissen:gesundheit-vorsorgeuntersuchungen-kinder": 3, "wissen:gesundheit-krankenversicherungsschutz-herstellen": 2, "wissen:gesundheit-notfallfonds-clearingstelle": 2, "wissen:loesungsszenario-5-kinderrechte": 1, "wissen:gesundheit-basisversorgung-gesundheitsamt": 1 } },
  { q: "SGB II", kind: "abkuerzung", relevant: ["wissen:glossar-sgb-ii", "wissen:arbeit-einkommenssicherung-sgb-ii-xii", "wissen:checkliste-einkommen", "wissen:glossar-sgb-xii"],
    grades: { "wissen:glossar-sgb-ii": 3, "wissen:arbeit-einkommenssicherung-sgb-ii-xii": 2, "wissen:checkliste-einkommen": 2, "wissen:glossar-sgb-xii": 1 } },
  { q: "BuT", kind: "abkuerzung", relevant: ["wissen:checkliste-schule-kita", "wissen:checkliste-einkommen"], grades: { "wissen:checkliste-schule-kita": 3, "wissen:checkliste-einkommen": 2 } },
  { q: "ESF+", kind: "abkuerzung", relevant: ["foerderung:esf-plus-nrw", "wissen:glossar-esf", "foerderung:ehap-plus", "foerderung:biwaq"],
    grades: { "foerderung:esf-plus-nrw": 3, "wissen:glossar-esf": 3, "foerderung:ehap-plus": 1, "foerderung:biwaq": 1 } },
  { q: "FreizügG", kind: "abkuerzung", relevant: ["wissen:glossar-freizuegigkeit", "wissen:checkliste-anmeldung"], grades: { "wissen:glossar-freizuegigkeit": 3, "wissen:checkliste-anmeldung": 2 } },
  { q: "U-Untersuchung", kind: "abkuerzung", relevant: ["wissen:gesundheit-vorsorgeuntersuchungen-kinder", "wissen:checkliste-gesundheit", "wissen:checkliste-schule-kita"],
    grades: { "wissen:gesundheit-vorsorgeuntersuchungen-kinder": 3, "wissen:checkliste-gesundheit": 2, "wissen:checkliste-schule-kita": 1 } },
  { q: "JMD", kind: "abkuerzung", relevant: ["foerderung:jugendmigrationsdienste"] },
  { q: "BAMF", kind: "abkuerzung", relevant: ["wissen:glossar-bamf", "foerderung:bamf-integrationskurse", "foerderung:bamf-mbe", "wissen:glossar-integrationskurs"],
    grades: { "wissen:glossar-bamf": 3, "foerderung:bamf-integrationskurse": 2, "foerderung:bamf-mbe": 2, "wissen:glossar-integrationskurs": 1 } },
  { q: "KOMM-IN", kind: "abkuerzung", relevant: ["wissen:glossar-komm-in-nrw", "foerderung:komm-in-nrw", "wissen:zusammenarbeit-komm-in-projektstruktur"],
    grades: { "wissen:glossar-komm-in-nrw": 3, "foerderung:komm-in-nrw": 3, "wissen:zusammenarbeit-komm-in-projektstruktur": 2 } },
  { q: "EFRE", kind: "abkuerzung", relevant: ["wissen:glossar-efre", "foerderung:efre-nrw", "foerderung:efre-ziel-2-nrw-2007-2013", "foerderung:starke-quartiere-starke-menschen"],
    grades: { "wissen:glossar-efre": 3, "foerderung:efre-nrw": 3, "foerderung:efre-ziel-2-nrw-2007-2013": 2, "foerderung:starke-quartiere-starke-menschen": 1 } },

  // questions in natural language
  { q: "Wie bekommen Neuzugewanderte eine Krankenversicherung?", kind: "frage", relevant: ["wissen:gesundheit-krankenversicherungsschutz-herstellen", "wissen:checkliste-gesundheit"] },
  { q: "Welche Förderung gibt es gegen Wohnungslosigkeit?", kind: "frage", relevant: ["foerderung:endlich-ein-zuhause", "foerderung:hilfen-in-wohnungsnotfaellen", "foerderung:ehap-plus"],
    grades: { "foerderung:endlich-ein-zuhause": 3, "foerderung:hilfen-in-wohnungsnotfaellen": 3, "foerderung:ehap-plus": 1 } },
  { q: "Was tun bei Konflikten mit Müll und Lärm in der Nachbarschaft?", kind: "frage", relevant: ["wissen:miteinander-nachbarschaftskonflikte-quartier"] },
  { q: "Wie erreichen wir Arbeitsuchende über Lotsen?", kind: "frage", relevant: ["wissen:arbeit-lotsen-kompetenzerfassung"] },
  { q: "Was kostet die Entbindung ohne Versicherung?", kind: "frage", relevant: ["wissen:gesundheit-schwangerschaft-entbindung-ohne-versicherung"] },
  { q: "Wer zahlt die Krankenversicherung, wenn die Eltern nicht versichert sind?", kind: "frage", stretch: true,
    relevant: ["wissen:checkliste-gesundheit", "wissen:gesundheit-notfallfonds-clearingstelle", "wissen:gesundheit-vorsorgeuntersuchungen-kinder", "wissen:gesundheit-krankenversicherungsschutz-herstellen", "wissen:loesungsszenario-2-fonds-clearingstelle", "wissen:gesundheit-basisversorgung-gesundheitsamt", "wissen:glossar-clearingstelle"],
    grades: { "wissen:checkliste-gesundheit": 3, "wissen:gesundheit-notfallfonds-clearingstelle": 3, "wissen:gesundheit-vorsorgeuntersuchungen-kinder": 2, "wissen:gesundheit-krankenversicherungsschutz-herstellen": 2, "wissen:loesungsszenario-2-fonds-clearingstelle": 2, "wissen:gesundheit-basisversorgung-gesundheitsamt": 1, "wissen:glossar-clearingstelle": 1 } },
  { q: "Wer zahlt die Entbindung, wenn die Mutter nicht versichert ist?", kind: "frage", relevant: ["wissen:gesundheit-schwangerschaft-entbindung-ohne-versicherung", "wissen:checkliste-gesundheit", "wissen:checkliste-einkommen", "wissen:loesungsszenario-5-kinderrechte"],
    grades: { "wissen:gesundheit-schwangerschaft-entbindung-ohne-versicherung": 3, "wissen:checkliste-gesundheit": 2, "wissen:checkliste-einkommen": 1, "wissen:loesungsszenario-5-kinderrechte": 1 } },
  { q: "Bekommen Zugewanderte aus Rumänien Kindergeld?", kind: "frage", relevant: ["wissen:checkliste-einkommen", "wissen:glossar-kindergeld", "wissen:arbeit-einkommenssicherung-sgb-ii-xii"],
    grades: { "wissen:checkliste-einkommen": 3, "wissen:glossar-kindergeld": 3, "wissen:arbeit-einkommenssicherung-sgb-ii-xii": 2 } },
  { q: "Was tun, wenn ein Haus geräumt werden muss?", kind: "frage", relevant: ["wissen:wohnen-raeumung-unbewohnbarer-haeuser", "wissen:wohnen-task-force-problemimmobilien", "wissen:bildung-kindeswohlgefaehrdung-jugendhilfe"],
    grades: { "wissen:wohnen-raeumung-unbewohnbarer-haeuser": 3, "wissen:wohnen-task-force-problemimmobilien": 1, "wissen:bildung-kindeswohlgefaehrdung-jugendhilfe": 1 } },
  { q: "Wie melde ich ein Kind in der Schule an?", kind: "frage", relevant: ["wissen:checkliste-schule-kita", "wissen:bildung-vorbereitungsklassen-schulsozialarbeit", "wissen:glossar-schulpflicht"],
    grades: { "wissen:checkliste-schule-kita": 3, "wissen:bildung-vorbereitungsklassen-schulsozialarbeit": 2, "wissen:glossar-schulpflicht": 1 } },
  { q: "Was gilt, wenn die EHIC beim Arzt nicht akzeptiert wird?", kind: "frage", relevant: ["wissen:gesundheit-ehic-akzeptanz", "wissen:checkliste-gesundheit", "wissen:glossar-ehic"],
    grades: { "wissen:gesundheit-ehic-akzeptanz": 3, "wissen:checkliste-gesundheit": 2, "wissen:glossar-ehic": 2 } },
  { q: "Welche Unterlagen braucht man für die Anmeldung beim Bürgeramt?", kind: "frage", relevant: ["wissen:checkliste-anmeldung", "wissen:glossar-melderecht"], grades: { "wissen:checkliste-anmeldung": 3, "wissen:glossar-melderecht": 1 } },
  { q: "Ab wann dürfen Rumänen ohne Arbeitserlaubnis arbeiten?", kind: "frage", relevant: ["wissen:glossar-arbeitnehmerfreizuegigkeit", "wissen:checkliste-arbeit", "wissen:arbeit-arbeitnehmerfreizuegigkeit-2014"],
    grades: { "wissen:glossar-arbeitnehmerfreizuegigkeit": 3, "wissen:checkliste-arbeit": 2, "wissen:arbeit-arbeitnehmerfreizuegigkeit-2014": 2 } },
  { q: "Wie kann man gegen überhöhte Mieten für einzelne Zimmer vorgehen?", kind: "frage", relevant: ["wissen:wohnen-ueberhoehte-untermieten", "wissen:checkliste-wohnen", "wissen:glossar-prekaeres-wohnen"],
    grades: { "wissen:wohnen-ueberhoehte-untermieten": 3, "wissen:checkliste-wohnen": 1, "wissen:glossar-prekaeres-wohnen": 1 } },
  { q: "Wo bekommen Nichtversicherte eine ärztliche Behandlung?", kind: "frage", relevant: ["wissen:gesundheit-basisversorgung-gesundheitsamt", "wissen:checkliste-gesundheit", "wissen:gesundheit-notfallfonds-clearingstelle"],
    grades: { "wissen:gesundheit-basisversorgung-gesundheitsamt": 3, "wissen:checkliste-gesundheit": 2, "wissen:gesundheit-notfallfonds-clearingstelle": 1 } },
  { q: "Gibt es Sozialhilfe für Unionsbürger in den ersten drei Monaten?", kind: "frage", relevant: ["wissen:checkliste-einkommen", "wissen:arbeit-einkommenssicherung-sgb-ii-xii", "wissen:glossar-sgb-xii", "wissen:glossar-sgb-ii"],
    grades: { "wissen:checkliste-einkommen": 3, "wissen:arbeit-einkommenssicherung-sgb-ii-xii": 2, "wissen:glossar-sgb-xii": 2, "wissen:glossar-sgb-ii": 1 } },
  { q: "Was können wir tun, wenn Eltern ihre Kinder nicht zur Schule schicken?", kind: "frage", relevant: ["wissen:bildung-schulpflicht-und-bildungsperspektiven", "wissen:glossar-schulpflicht", "wissen:checkliste-schule-kita"],
    grades: { "wissen:bildung-schulpflicht-und-bildungsperspektiven": 3, "wissen:glossar-schulpflicht": 2, "wissen:checkliste-schule-kita": 2 } },
  { q: "Wer hilft Familien, die aus ihrer Wohnung geräumt wurden?", kind: "frage", relevant: ["wissen:wohnen-raeumung-unbewohnbarer-haeuser", "wissen:checkliste-wohnen", "foerderung:endlich-ein-zuhause", "wissen:glossar-notfall"],
    grades: { "wissen:wohnen-raeumung-unbewohnbarer-haeuser": 3, "wissen:checkliste-wohnen": 2, "foerderung:endlich-ein-zuhause": 1, "wissen:glossar-notfall": 1 } },
  { q: "Welche EU-Fonds gibt es für benachteiligte Stadtteile?", kind: "frage",
    relevant: ["foerderung:efre-nrw", "foerderung:starke-quartiere-starke-menschen", "foerderung:biwaq", "wissen:glossar-efre", "foerderung:efre-ziel-2-nrw-2007-2013", "foerderung:urban-gemeinschaftsinitiative"],
    grades: { "foerderung:efre-nrw": 3, "foerderung:starke-quartiere-starke-menschen": 3, "foerderung:biwaq": 2, "foerderung:efre-ziel-2-nrw-2007-2013": 1, "wissen:glossar-efre": 2, "foerderung:urban-gemeinschaftsinitiative": 1 } },
  { q: "Wie finden wir Vermieter, die an Zugewanderte vermieten?", kind: "frage", relevant: ["wissen:wohnen-wohnungszugangsstrategie-dortmund", "wissen:loesungsszenario-6-wohnungsmarkt", "foerderung:endlich-ein-zuhause"],
    grades: { "wissen:wohnen-wohnungszugangsstrategie-dortmund": 3, "wissen:loesungsszenario-6-wohnungsmarkt": 2, "foerderung:endlich-ein-zuhause": 1 } },

  { q: "Wer zahlt die Vorsorgeuntersuchung, wenn das Kind nicht versichert ist?", kind: "frage",
    relevant: ["wissen:gesundheit-vorsorgeuntersuchungen-kinder", "wissen:checkliste-gesundheit", "wissen:gesundheit-basisversorgung-gesundheitsamt", "wissen:gesundheit-notfallfonds-clearingstelle"],
    grades: { "wissen:gesundheit-vorsorgeuntersuchungen-kinder": 3, "wissen:checkliste-gesundheit": 2, "wissen:gesundheit-basisversorgung-gesundheitsamt": 2, "wissen:gesundheit-notfallfonds-clearingstelle": 1 } },
  { q: "Wer zahlt den Integrationskurs, wenn man Bürgergeld bekommt?", kind: "frage", relevant: ["foerderung:bamf-integrationskurse", "wissen:glossar-integrationskurs"], grades: { "foerderung:bamf-integrationskurse": 3, "wissen:glossar-integrationskurs": 2 } },
  { q: "Was passiert mit dem Kindergeld, wenn die Eltern keine Arbeit haben?", kind: "frage", stretch: true, relevant: ["wissen:checkliste-einkommen", "wissen:glossar-kindergeld", "wissen:arbeit-einkommenssicherung-sgb-ii-xii"],
    grades: { "wissen:checkliste-einkommen": 3, "wissen:glossar-kindergeld": 3, "wissen:arbeit-einkommenssicherung-sgb-ii-xii": 2 } },
  { q: "Wer hilft, wenn die Krankenkasse rückwirkende Beiträge verlangt?", kind: "frage", relevant: ["wissen:gesundheit-krankenkassen-basistarif-niederschlagung", "wissen:checkliste-gesundheit", "wissen:glossar-clearingstelle"],
    grades: { "wissen:gesundheit-krankenkassen-basistarif-niederschlagung": 3, "wissen:checkliste-gesundheit": 2, "wissen:glossar-clearingstelle": 1 } },

  // filters (typ, Handlungsfeld)
  { q: "Integrationskurs", kind: "filter", typ: "foerderung", relevant: ["foerderung:bamf-integrationskurse"] },
  { q: "Kinder", kind: "filter", typ: "foerderung", feld: "kinder-bildung", relevant: ["foerderung:kinderstark", "foerderung:kein-kind-zuruecklassen"] },
  { q: "Clearingstelle", kind: "filter", feld: "gesundheit", relevant: ["wissen:gesundheit-notfallfonds-clearingstelle", "wissen:loesungsszenario-2-fonds-clearingstelle", "wissen:glossar-clearingstelle"] },
  { q: "Europäischer Sozialfonds", kind: "filter", typ: "foerderung", relevant: ["foerderung:esf-plus-nrw", "foerderung:biwaq"] },
  { q: "Kinder", kind: "filter", typ: "wissen", feld: "gesundheit", relevant: ["wissen:gesundheit-vorsorgeuntersuchungen-kinder", "wissen:checkliste-gesundheit", "wissen:loesungsszenario-5-kinderrechte", "wissen:gesundheit-schwangerschaft-entbindung-ohne-versicherung"],
    grades: { "wissen:gesundheit-vorsorgeuntersuchungen-kinder": 3, "wissen:checkliste-gesundheit": 2, "wissen:loesungsszenario-5-kinderrechte": 2, "wissen:gesundheit-schwangerschaft-entbindung-ohne-versicherung": 1 } },
  { q: "Wohnungslosigkeit", kind: "filter", typ: "foerderung", relevant: ["foerderung:endlich-ein-zuhause", "foerderung:hilfen-in-wohnungsnotfaellen", "foerderung:ehap-plus", "foerderung:ehap-2014-2020"],
    grades: { "foerderung:endlich-ein-zuhause": 3, "foerderung:hilfen-in-wohnungsnotfaellen": 3, "foerderung:ehap-plus": 1, "foerderung:ehap-2014-2020": 1 } },
  { q: "Quartier", kind: "filter", typ: "foerderung", feld: "wohnen", relevant: ["foerderung:sozialer-zusammenhalt", "foerderung:starke-quartiere-starke-menschen", "foerderung:efre-nrw", "foerderung:urban-gemeinschaftsinitiative", "foerderung:efre-ziel-2-nrw-2007-2013"],
    grades: { "foerderung:sozialer-zusammenhalt": 3, "foerderung:starke-quartiere-starke-menschen": 3, "foerderung:efre-nrw": 2, "foerderung:urban-gemeinschaftsinitiative": 2, "foerderung:efre-ziel-2-nrw-2007-2013": 1 } },
  { q: "Checkliste", kind: "filter", typ: "wissen", feld: "arbeitsmarkt", relevant: ["wissen:checkliste-arbeit", "wissen:checkliste-einkommen"], grades: { "wissen:checkliste-arbeit": 3, "wissen:checkliste-einkommen": 3 } },
  { q: "Beratung", kind: "filter", typ: "foerderung", feld: "gesundheit", relevant: ["foerderung:bamf-mbe", "foerderung:ehap-plus", "foerderung:ehap-2014-2020"], grades: { "foerderung:bamf-mbe": 3, "foerderung:ehap-plus": 3, "foerderung:ehap-2014-2020": 2 } },
  { q: "Roma", kind: "filter", feld: "soziales-miteinander", relevant: ["wissen:glossar-roma"] },
  { q: "Prävention", kind: "filter", typ: "foerderung", relevant: ["foerderung:kinderstark", "foerderung:kein-kind-zuruecklassen", "foerderung:starke-quartiere-starke-menschen", "foerderung:hilfen-in-wohnungsnotfaellen"],
    grades: { "foerderung:kinderstark": 3, "foerderung:kein-kind-zuruecklassen": 3, "foerderung:starke-quartiere-starke-menschen": 1, "foerderung:hilfen-in-wohnungsnotfaellen": 1 } },

  // inflection: plural, case, adjective endings
  { q: "Schulen", kind: "flexion", relevant: ["wissen:checkliste-schule-kita", "wissen:bildung-vorbereitungsklassen-schulsozialarbeit", "wissen:bildung-schulpflicht-und-bildungsperspektiven", "wissen:bildung-platzplanung-schule-kita-datenlage", "wissen:glossar-schulpflicht"],
    grades: { "wissen:checkliste-schule-kita": 3, "wissen:bildung-vorbereitungsklassen-schulsozialarbeit": 2, "wissen:bildung-schulpflicht-und-bildungsperspektiven": 2, "wissen:bildung-platzplanung-schule-kita-datenlage": 2, "wissen:glossar-schulpflicht": 1 } },
  { q: "nicht versicherten Kindern", kind: "flexion", relevant: ["wissen:gesundheit-vorsorgeuntersuchungen-kinder", "wissen:gesundheit-basisversorgung-gesundheitsamt", "wissen:checkliste-gesundheit", "wissen:loesungsszenario-5-kinderrechte"],
    grades: { "wissen:gesundheit-vorsorgeuntersuchungen-kinder": 3, "wissen:gesundheit-basisversorgung-gesundheitsamt": 2, "wissen:checkliste-gesundheit": 2, "wissen:loesungsszenario-5-kinderrechte": 1 } },
  { q: "Kindern Jugendamt", kind: "flexion", relevant: ["wissen:bildung-jugendamt-familienbesuche", "wissen:bildung-kindeswohlgefaehrdung-jugendhilfe", "wissen:loesungsszenario-5-kinderrechte"],
    grades: { "wissen:bildung-jugendamt-familienbesuche": 3, "wissen:bildung-kindeswohlgefaehrdung-jugendhilfe": 2, "wissen:loesungsszenario-5-kinderrechte": 2 } },
  { q: "Vorbereitungsklassen", kind: "flexion", relevant: ["wissen:glossar-vorbereitungsklasse", "wissen:bildung-vorbereitungsklassen-schulsozialarbeit"], grades: { "wissen:glossar-vorbereitungsklasse": 3, "wissen:bildung-vorbereitungsklassen-schulsozialarbeit": 3 } },
  { q: "Clearingstellen", kind: "flexion", relevant: ["wissen:gesundheit-notfallfonds-clearingstelle", "wissen:glossar-clearingstelle", "wissen:loesungsszenario-2-fonds-clearingstelle"],
    grades: { "wissen:gesundheit-notfallfonds-clearingstelle": 3, "wissen:glossar-clearingstelle": 3, "wissen:loesungsszenario-2-fonds-clearingstelle": 2 } },
  { q: "Integrationskursen", kind: "flexion", relevant: ["wissen:glossar-integrationskurs", "foerderung:bamf-integrationskurse"], grades: { "wissen:glossar-integrationskurs": 3, "foerderung:bamf-integrationskurse": 3 } },
  { q: "Eigentümern", kind: "flexion", relevant: ["wissen:wohnen-eigentuemer-problemimmobilien", "wissen:wohnen-task-force-problemimmobilien"], grades: { "wissen:wohnen-eigentuemer-problemimmobilien": 3, "wissen:wohnen-task-force-problemimmobilien": 1 } },
  { q: "Lotse", kind: "flexion", relevant: ["wissen:arbeit-lotsen-kompetenzerfassung", "wissen:loesungsszenario-3-aufsuchende-arbeit-orientierungsstelle", "wissen:miteinander-selbstorganisation-partizipation"],
    grades: { "wissen:arbeit-lotsen-kompetenzerfassung": 3, "wissen:loesungsszenario-3-aufsuchende-arbeit-orientierungsstelle": 2, "wissen:miteinander-selbstorganisation-partizipation": 1 } },
  { q: "Sprachkursen", kind: "flexion", relevant: ["wissen:arbeit-qualifizierung-sprachkurse", "wissen:glossar-integrationskurs"], grades: { "wissen:arbeit-qualifizierung-sprachkurse": 3, "wissen:glossar-integrationskurs": 2 } },
  { q: "Krankenkasse", kind: "flexion", relevant: ["wissen:gesundheit-krankenkassen-basistarif-niederschlagung", "wissen:checkliste-gesundheit", "wissen:gesundheit-krankenversicherungsschutz-herstellen"],
    grades: { "wissen:gesundheit-krankenkassen-basistarif-niederschlagung": 3, "wissen:checkliste-gesundheit": 2, "wissen:gesundheit-krankenversicherungsschutz-herstellen": 2 } },
  { q: "Räumungen", kind: "flexion", relevant: ["wissen:wohnen-raeumung-unbewohnbarer-haeuser", "wissen:bildung-kindeswohlgefaehrdung-jugendhilfe"], grades: { "wissen:wohnen-raeumung-unbewohnbarer-haeuser": 3, "wissen:bildung-kindeswohlgefaehrdung-jugendhilfe": 1 } },
  { q: "Selbstständiger", kind: "flexion", relevant: ["wissen:arbeit-selbststaendigkeit-gewerbeanmeldung", "wissen:checkliste-arbeit", "wissen:glossar-scheinselbststaendigkeit"],
    grades: { "wissen:arbeit-selbststaendigkeit-gewerbeanmeldung": 3, "wissen:checkliste-arbeit": 2, "wissen:glossar-scheinselbststaendigkeit": 1 } },

  // synonyms: the word a practitioner uses ↔ the word in the documents
  { q: "Bürgergeld", kind: "synonym", relevant: ["wissen:glossar-sgb-ii", "wissen:checkliste-einkommen", "wissen:arbeit-einkommenssicherung-sgb-ii-xii"],
    grades: { "wissen:glossar-sgb-ii": 3, "wissen:checkliste-einkommen": 2, "wissen:arbeit-einkommenssicherung-sgb-ii-xii": 2 } },
  { q: "Grundsicherung", kind: "synonym", relevant: ["wissen:glossar-sgb-ii", "wissen:arbeit-einkommenssicherung-sgb-ii-xii", "wissen:checkliste-einkommen", "wissen:glossar-sgb-xii"],
    grades: { "wissen:glossar-sgb-ii": 3, "wissen:arbeit-einkommenssicherung-sgb-ii-xii": 2, "wissen:checkliste-einkommen": 2, "wissen:glossar-sgb-xii": 1 } },
  { q: "Hartz IV", kind: "synonym", relevant: ["wissen:glossar-sgb-ii", "wissen:arbeit-einkommenssicherung-sgb-ii-xii", "wissen:checkliste-einkommen"],
    grades: { "wissen:glossar-sgb-ii": 3, "wissen:arbeit-einkommenssicherung-sgb-ii-xii": 2, "wissen:checkliste-einkommen": 2 } },
  { q: "Sozialhilfe", kind: "synonym", relevant: ["wissen:glossar-sgb-xii", "wissen:arbeit-einkommenssicherung-sgb-ii-xii", "wissen:checkliste-einkommen"],
    grades: { "wissen:glossar-sgb-xii": 3, "wissen:arbeit-einkommenssicherung-sgb-ii-xii": 2, "wissen:checkliste-einkommen": 2 } },
  { q: "Obdachlosigkeit", kind: "synonym", relevant: ["foerderung:hilfen-in-wohnungsnotfaellen", "foerderung:endlich-ein-zuhause", "wissen:glossar-notfall", "wissen:wohnen-raeumung-unbewohnbarer-haeuser"],
    grades: { "foerderung:hilfen-in-wohnungsnotfaellen": 3, "foerderung:endlich-ein-zuhause": 3, "wissen:glossar-notfall": 2, "wissen:wohnen-raeumung-unbewohnbarer-haeuser": 1 } },
  { q: "Dolmetscher", kind: "synonym", open: true, relevant: ["wissen:miteinander-sprach-und-kulturmittler"] },
  { q: "Schrottimmobilie", kind: "synonym", open: true, relevant: ["wissen:glossar-problemimmobilie", "wissen:wohnen-task-force-problemimmobilien", "wissen:wohnen-eigentuemer-problemimmobilien"] },
  { q: "Soziale Stadt", kind: "synonym", relevant: ["foerderung:sozialer-zusammenhalt"] },
  { q: "Arbeitserlaubnis", kind: "synonym", relevant: ["wissen:glossar-arbeitnehmerfreizuegigkeit", "wissen:checkliste-arbeit", "wissen:arbeit-arbeitnehmerfreizuegigkeit-2014"],
    grades: { "wissen:glossar-arbeitnehmerfreizuegigkeit": 3, "wissen:checkliste-arbeit": 2, "wissen:arbeit-arbeitnehmerfreizuegigkeit-2014": 2 } },
  { q: "Streetwork", kind: "synonym", relevant: ["wissen:glossar-aufsuchende-arbeit", "wissen:miteinander-zugang-aufsuchende-arbeit", "wissen:loesungsszenario-3-aufsuchende-arbeit-orientierungsstelle"],
    grades: { "wissen:glossar-aufsuchende-arbeit": 3, "wissen:miteinander-zugang-aufsuchende-arbeit": 2, "wissen:loesungsszenario-3-aufsuchende-arbeit-orientierungsstelle": 2 } },
  { q: "Armutsmigration", kind: "synonym", open: true, relevant: ["wissen:zusammenarbeit-dortmunder-netzwerk-eu-armutszuwanderung", "wissen:glossar-zuwanderer"], grades: { "wissen:zusammenarbeit-dortmunder-netzwerk-eu-armutszuwanderung": 3, "wissen:glossar-zuwanderer": 1 } },
  { q: "Kindergarten", kind: "synonym", open: true, relevant: ["wissen:checkliste-schule-kita", "wissen:bildung-platzplanung-schule-kita-datenlage"], grades: { "wissen:checkliste-schule-kita": 3, "wissen:bildung-platzplanung-schule-kita-datenlage": 2 } },
  { q: "Übersetzung Beratung", kind: "synonym", relevant: ["wissen:miteinander-sprach-und-kulturmittler"] },
];
