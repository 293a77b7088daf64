// Judged queries over the real corpus (content/wissen, content/foerderung): what busy practitioners type, and
// the documents that should come first. `relevant[0]` is the best answer (grade 2), the others are also good
// answers (grade 1). `kind` names the query behaviour under test. Used by tests/search/*.test.ts (top 3)
// and scripts/bench-search.ts (nDCG@10, MRR@10, recall@10).
export type JudgedQuery = {
  q: string;
  kind: "plain" | "umlautfrei" | "prefix" | "tippfehler" | "kompositum" | "abkuerzung" | "frage" | "filter";
  typ?: "wissen" | "foerderung";
  feld?: string;
  relevant: string[]; // document ids, best first
};

export const JUDGED: JudgedQuery[] = [
  // plain
  { q: "Problemimmobilien", kind: "plain", relevant: ["wissen:glossar-problemimmobilie", "wissen:wohnen-task-force-problemimmobilien", "wissen:wohnen-eigentuemer-problemimmobilien"] },
  { q: "Krankenversicherung Kinder", kind: "plain", relevant: ["wissen:gesundheit-vorsorgeuntersuchungen-kinder", "wissen:gesundheit-krankenversicherungsschutz-herstellen", "wissen:checkliste-gesundheit", "wissen:loesungsszenario-5-kinderrechte"] },
  { q: "EFRE Kommune", kind: "plain", relevant: ["foerderung:efre-nrw", "wissen:glossar-efre", "foerderung:starke-quartiere-starke-menschen"] },
  { q: "Kindergeld", kind: "plain", relevant: ["wissen:glossar-kindergeld", "wissen:arbeit-einkommenssicherung-sgb-ii-xii"] },
  { q: "Schulpflicht", kind: "plain", relevant: ["wissen:glossar-schulpflicht", "wissen:bildung-schulpflicht-und-bildungsperspektiven"] },
  { q: "Clearingstelle", kind: "plain", relevant: ["wissen:glossar-clearingstelle", "wissen:loesungsszenario-2-fonds-clearingstelle", "wissen:gesundheit-notfallfonds-clearingstelle"] },
  { q: "Scheinselbstständigkeit", kind: "plain", relevant: ["wissen:glossar-scheinselbststaendigkeit", "wissen:arbeit-selbststaendigkeit-gewerbeanmeldung"] },
  { q: "Räumung unbewohnbarer Häuser", kind: "plain", relevant: ["wissen:wohnen-raeumung-unbewohnbarer-haeuser"] },
  { q: "Kulturmittlung", kind: "plain", relevant: ["wissen:miteinander-sprach-und-kulturmittler"] },
  { q: "Kindeswohlgefährdung", kind: "plain", relevant: ["wissen:glossar-kindeswohlgefaehrdung", "wissen:bildung-kindeswohlgefaehrdung-jugendhilfe"] },
  { q: "Wohnungslosigkeit", kind: "plain", relevant: ["foerderung:endlich-ein-zuhause", "foerderung:hilfen-in-wohnungsnotfaellen"] },
  { q: "Gewerbeanmeldung", kind: "plain", relevant: ["wissen:glossar-gewerbeanmeldung", "wissen:arbeit-selbststaendigkeit-gewerbeanmeldung"] },
  // without umlauts / ß
  { q: "Schueler", kind: "umlautfrei", relevant: ["wissen:glossar-vorbereitungsklasse", "wissen:bildung-vorbereitungsklassen-schulsozialarbeit", "wissen:checkliste-schule-kita"] },
  { q: "strassenprostitution", kind: "umlautfrei", relevant: ["wissen:miteinander-prostitution-aufsuchende-arbeit-frauen"] },
  { q: "Arbeitnehmerfreizuegigkeit", kind: "umlautfrei", relevant: ["wissen:glossar-arbeitnehmerfreizuegigkeit", "wissen:arbeit-arbeitnehmerfreizuegigkeit-2014"] },
  { q: "Rumaenien Bulgarien Zuzuege", kind: "umlautfrei", relevant: ["wissen:fakten-zuzuege-bulgarien-rumaenien-2007-2011", "wissen:fakten-dortmund-duisburg-2012"] },
  { q: "Ueberhoehte Untermieten", kind: "umlautfrei", relevant: ["wissen:wohnen-ueberhoehte-untermieten"] },
  { q: "Kindeswohlgefaehrdung", kind: "umlautfrei", relevant: ["wissen:glossar-kindeswohlgefaehrdung", "wissen:bildung-kindeswohlgefaehrdung-jugendhilfe"] },
  { q: "Suedosteuropa Landesprogramm", kind: "umlautfrei", relevant: ["foerderung:zuwanderung-suedosteuropa-nrw"] },
  // prefix (as you type)
  { q: "Vorbereitungskl", kind: "prefix", relevant: ["wissen:glossar-vorbereitungsklasse", "wissen:bildung-vorbereitungsklassen-schulsozialarbeit"] },
  { q: "Verwendungsnach", kind: "prefix", relevant: ["wissen:glossar-verwendungsnachweis"] },
  { q: "Integrationsku", kind: "prefix", relevant: ["wissen:glossar-integrationskurs", "foerderung:bamf-integrationskurse"] },
  { q: "Kofinanz", kind: "prefix", relevant: ["wissen:glossar-kofinanzierung"] },
  { q: "Jugendmigrations", kind: "prefix", relevant: ["foerderung:jugendmigrationsdienste"] },
  // one typo
  { q: "Krankenversicherng", kind: "tippfehler", relevant: ["wissen:gesundheit-krankenversicherungsschutz-herstellen", "wissen:glossar-ehic", "wissen:gesundheit-ehic-akzeptanz"] },
  { q: "Kofinanzirung", kind: "tippfehler", relevant: ["wissen:glossar-kofinanzierung"] },
  { q: "Clearinstelle", kind: "tippfehler", relevant: ["wissen:glossar-clearingstelle", "wissen:loesungsszenario-2-fonds-clearingstelle", "wissen:gesundheit-notfallfonds-clearingstelle"] },
  { q: "Schulplficht", kind: "tippfehler", relevant: ["wissen:glossar-schulpflicht", "wissen:bildung-schulpflicht-und-bildungsperspektiven"] },
  { q: "Verantwortungsgemeinshaft", kind: "tippfehler", relevant: ["wissen:glossar-verantwortungsgemeinschaft", "wissen:loesungsszenario-1-verantwortungsgemeinschaft", "wissen:zusammenarbeit-staedtebuendnis-staedtetag"] },
  // compound parts
  { q: "Immobilie", kind: "kompositum", relevant: ["wissen:glossar-problemimmobilie", "wissen:wohnen-task-force-problemimmobilien", "wissen:wohnen-eigentuemer-problemimmobilien"] },
  { q: "Prostitution", kind: "kompositum", relevant: ["wissen:miteinander-prostitution-aufsuchende-arbeit-frauen"] },
  { q: "Gemeinschaft Verantwortung", kind: "kompositum", relevant: ["wissen:glossar-verantwortungsgemeinschaft", "wissen:loesungsszenario-1-verantwortungsgemeinschaft"] },
  { q: "Untersuchungen Vorsorge Kinder", kind: "kompositum", relevant: ["wissen:gesundheit-vorsorgeuntersuchungen-kinder"] },
  // abbreviations
  { q: "EHIC", kind: "abkuerzung", relevant: ["wissen:glossar-ehic", "wissen:gesundheit-ehic-akzeptanz"] },
  { q: "ESF", kind: "abkuerzung", relevant: ["wissen:glossar-esf", "foerderung:esf-plus-nrw"] },
  { q: "EHAP", kind: "abkuerzung", relevant: ["wissen:glossar-ehap", "foerderung:ehap-2014-2020", "foerderung:ehap-plus"] },
  { q: "BIWAQ", kind: "abkuerzung", relevant: ["foerderung:biwaq"] },
  { q: "MBE", kind: "abkuerzung", relevant: ["foerderung:bamf-mbe"] },
  { q: "ITI", kind: "abkuerzung", relevant: ["wissen:glossar-iti", "foerderung:iti-instrument"] },
  { q: "SGB XII", kind: "abkuerzung", relevant: ["wissen:glossar-sgb-xii", "wissen:arbeit-einkommenssicherung-sgb-ii-xii"] },
  // multi-word questions
  { q: "Wie bekommen Neuzugewanderte eine Krankenversicherung?", kind: "frage", relevant: ["wissen:gesundheit-krankenversicherungsschutz-herstellen", "wissen:checkliste-gesundheit"] },
  { q: "Welche Förderung gibt es gegen Wohnungslosigkeit?", kind: "frage", relevant: ["foerderung:endlich-ein-zuhause", "foerderung:hilfen-in-wohnungsnotfaellen"] },
  { q: "Was tun bei Konflikten mit Müll und Lärm in der Nachbarschaft?", kind: "frage", relevant: ["wissen:miteinander-nachbarschaftskonflikte-quartier"] },
  { q: "Wie erreichen wir Arbeitsuchende über Lotsen?", kind: "frage", relevant: ["wissen:arbeit-lotsen-kompetenzerfassung"] },
  { q: "Was kostet die Entbindung ohne Versicherung?", kind: "frage", relevant: ["wissen:gesundheit-schwangerschaft-entbindung-ohne-versicherung"] },
  // filters
  { q: "Integrationskurs", kind: "filter", typ: "foerderung", relevant: ["foerderung:bamf-integrationskurse"] },
  { q: "Kinder", kind: "filter", typ: "foerderung", feld: "kinder-bildung", relevant: ["foerderung:kinderstark", "foerderung:kein-kind-zuruecklassen"] },
  { q: "Clearingstelle", kind: "filter", feld: "gesundheit", relevant: ["wissen:gesundheit-notfallfonds-clearingstelle", "wissen:loesungsszenario-2-fonds-clearingstelle", "wissen:glossar-clearingstelle"] },
  { q: "Europäischer Sozialfonds", kind: "filter", typ: "foerderung", relevant: ["foerderung:esf-plus-nrw", "foerderung:biwaq"] },
];
