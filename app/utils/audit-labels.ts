// German labels for the audit log (/verwaltung/protokoll). Isomorphic: the page renders with them.
// tests/unit/audit-labels.test.ts checks that every action key written by `audit(` in app/ has a label here.
import { PROJECT_STATUS } from "~/components/projekte/labels";
import { FORDERUNG_STATUS } from "~/components/forderungen/labels";
import { CLEARING_LABELS } from "~/components/forum/TopicMeta";
import {
  ANKOMMEN_SPRACHEN_DE,
  ANKOMMEN_STATIONEN,
  ARTICLE_STATUS,
  CITY_INDICATORS,
  HANDLUNGSFELDER,
  PROGRAMME_STATUS,
  ROLES,
  UEBERSETZUNG_STATUS,
} from "~/utils/taxonomy";

export const AUDIT_ACTIONS: Record<string, string> = {
  "anlaufstelle.archive": "Anlaufstelle archiviert",
  "anlaufstelle.create": "Anlaufstelle angelegt",
  "anlaufstelle.update": "Anlaufstelle geändert",
  "article.create": "Artikel angelegt",
  "article.update": "Artikel geändert",
  "article.restore": "Artikel-Version wiederhergestellt",
  "article.suggestion": "Artikel aus Änderungsvorschlag aktualisiert",
  "article.import": "Artikel importiert",
  "article.owner": "Verantwortliche für Artikel festgelegt",
  "article.review": "Artikel geprüft",
  "article.suggest": "Änderungsvorschlag eingereicht",
  "suggestion.accept": "Änderungsvorschlag angenommen",
  "suggestion.reject": "Änderungsvorschlag abgelehnt",
  "city.create": "Stadt angelegt",
  "city.update": "Stadt geändert",
  "city.archive": "Stadt archiviert",
  "city.delete": "Stadt gelöscht",
  "city.restore": "Stadt wiederhergestellt",
  "city.figure.create": "Kennzahl eingetragen",
  "city.figure.update": "Kennzahl geändert",
  "city.figure.delete": "Kennzahl gelöscht",
  "clearing.status": "Clearingstelle: Status geändert",
  "clearing.concern": "Clearingstelle: Betroffenheit gemeldet",
  "clearing.concern.remove": "Clearingstelle: Betroffenheit zurückgezogen",
  "clearing.faq": "Clearingstelle: als FAQ übernommen",
  "forderung.status": "Forderung: Status geändert",
  "forderung.propose": "Forderung: Statusänderung vorgeschlagen",
  "forderung.confirm": "Forderung: Vorschlag bestätigt",
  "forderung.reject": "Forderung: Vorschlag abgelehnt",
  "forum.category.defaults": "Forum: Standardkategorien angelegt",
  "forum.category.delete": "Forum: Kategorie gelöscht",
  "forum.category.visibility": "Forum: Sichtbarkeit der Kategorie geändert",
  "forum.flag.dismiss": "Forum: Meldung verworfen",
  "forum.note": "Forum: Moderationsnotiz geschrieben",
  "forum.post.delete": "Forum: Beitrag gelöscht",
  "forum.post.edit": "Forum: Beitrag bearbeitet",
  "forum.post.flag": "Forum: Beitrag gemeldet",
  "forum.post.hide": "Forum: Beitrag ausgeblendet",
  "forum.post.restore": "Forum: Beitrag wieder eingeblendet",
  "forum.topic.accept": "Forum: Antwort als Lösung markiert",
  "forum.topic.unaccept": "Forum: Lösungsmarkierung entfernt",
  "forum.topic.lock": "Forum: Thema geschlossen",
  "forum.topic.unlock": "Forum: Thema wieder geöffnet",
  "forum.topic.move": "Forum: Thema verschoben",
  "forum.topic.split": "Forum: Thema aufgeteilt",
  "guide.review": "Ankommen-Leitfaden geprüft",
  "invitation.create": "Einladung erstellt",
  "invitation.accept": "Einladung angenommen",
  "mail.resend": "E-Mail erneut gesendet",
  "programme.create": "Förderprogramm angelegt",
  "programme.edit": "Förderprogramm geändert",
  "programme.owner": "Verantwortliche für Förderprogramm festgelegt",
  "programme.restore": "Förderprogramm-Version wiederhergestellt",
  "programme.review": "Förderprogramm geprüft",
  "project.create": "Projekt angelegt",
  "project.update": "Projekt geändert",
  "project.addUpdate": "Projekt: Neuigkeit ergänzt",
  "termin.create": "Termin angelegt",
  "termin.update": "Termin geändert",
  "user.delete": "Konto gelöscht (auf eigenen Wunsch)",
  "user.delete.admin": "Konto durch die Verwaltung gelöscht",
  "user.disable": "Konto gesperrt",
  "user.enable": "Konto entsperrt",
  "user.name": "Name geändert",
  "user.password": "Passwort geändert",
  "user.password-reset": "Passwort zurückgesetzt",
  "user.role": "Rolle geändert",
  "user.unsubscribe": "E-Mail-Benachrichtigungen abbestellt",
  "ziel.create": "Ziel angelegt",
  "ziel.update": "Ziel geändert",
  "ziel.map": "Projekt-Indikator einem Ziel zugeordnet",
  "attachment.delete": "Datei eines anderen Mitglieds gelöscht",
  "project.discussion": "Projektdiskussion gestartet",
  "project.interest": "Interesse an Zusammenarbeit bekundet",
  "project.interestWithdrawn": "Interesse an Zusammenarbeit zurückgezogen",
  "project.seekPartners": "Partnersuche aktiviert",
  "programme.rate": "Förderprogramm bewertet",
  "attachment.replace": "Datei ersetzt (frühere Version bleibt erhalten)",
  "attachment.restore": "Frühere Dateiversion wiederhergestellt",
  "search.synonym.create": "Suche: Synonymgruppe angelegt",
  "search.synonym.update": "Suche: Synonymgruppe geändert",
  "search.synonym.delete": "Suche: Synonymgruppe gelöscht",
};

/** Object types (audit_log.entity_type) – also the options of the filter. */
export const AUDIT_ENTITY_TYPES: Record<string, string> = {
  anlaufstelle: "Anlaufstelle",
  article: "Artikel",
  city: "Stadt",
  forderung: "Forderung",
  forum_category: "Forumskategorie",
  search_synonym: "Synonymgruppe",
  forum_post: "Forumsbeitrag",
  forum_topic: "Forumsthema",
  guide: "Ankommen-Leitfaden",
  invitation: "Einladung",
  mail: "E-Mail",
  programme: "Förderprogramm",
  project: "Projekt",
  termin: "Termin",
  user: "Konto",
  ziel: "Ziel",
};

/** Unknown keys fall back to a readable sentence instead of the raw code. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? `Sonstige Aktion (${action.replace(/[._-]+/g, " ")})`;
}

export function auditEntityLabel(type: string): string {
  return AUDIT_ENTITY_TYPES[type] ?? type.replace(/[._-]+/g, " ");
}

const FIELD_LABELS: Record<string, string> = {
  status: "Status",
  from: "Vorher",
  to: "Nachher",
  slug: "Kennung",
  version: "Version",
  newVersion: "Neue Version",
  result: "Ergebnis",
  pruefenBis: "Nächste Prüfung bis",
  ownerId: "Verantwortlich",
  deputyId: "Vertretung",
  change: "Vorschlag Nr.",
  suggestion: "Vorschlag Nr.",
  fields: "Geänderte Felder",
  figure: "Kennzahl Nr.",
  indicator: "Kennzahl",
  visibility: "Sichtbarkeit",
  subscriptions: "Abos",
  postNumber: "Beitrag Nr.",
  fromNumber: "Ab Beitrag Nr.",
  newTopicId: "Neues Thema Nr.",
  name: "Name",
  role: "Rolle",
  cityId: "Stadt",
  ziel: "Ziel",
  created: "Angelegt",
  projects: "Projekte",
  users: "Konten",
  figures: "Kennzahlen",
  anlaufstellen: "Anlaufstellen",
  topics: "Forumsthemen",
  projectsLead: "Projekte (federführend)",
  projectsPartner: "Projekte (Partner)",
  figureHistory: "Kennzahl-Verlauf",
  concerns: "Betroffenheiten",
  openInvitations: "Offene Einladungen",
  category: "Kategorie",
  terms: "Begriffe",
};

const RESULT_LABELS: Record<string, string> = { unveraendert: "unverändert bestätigt", aktualisiert: "aktualisiert" };
const VISIBILITY_LABELS: Record<string, string> = { public: "öffentlich", members: "nur für Mitglieder" };

/** Status-like enum values of all areas, in German. */
const STATUS_VALUES: Record<string, string> = {
  ...PROGRAMME_STATUS,
  ...FORDERUNG_STATUS,
  ...CLEARING_LABELS,
  ...UEBERSETZUNG_STATUS,
  ...ARTICLE_STATUS,
  ...PROJECT_STATUS,
};

/** Ids in `detail` that the page resolves to names (users, cities). */
export type AuditNames = { users: Record<string, string>; cities: Record<string, string>; categories?: Record<string, string> };

function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[._-]+/g, " ");
}

function valueText(key: string, value: unknown, names: AuditNames): string {
  if (value === null || value === undefined || value === "") return "–";
  if (Array.isArray(value)) return value.map((v) => valueText(key, v, names)).join(", ");
  if (typeof value === "boolean") return value ? "ja" : "nein";
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${fieldLabel(k)} ${valueText(k, v, names)}`)
      .join(", ");
  }
  const s = String(value);
  switch (key) {
    case "status":
    case "from":
    case "to":
      return STATUS_VALUES[s] ?? ROLES[s as keyof typeof ROLES] ?? s;
    case "role":
      return ROLES[s as keyof typeof ROLES] ?? s;
    case "result":
      return RESULT_LABELS[s] ?? s;
    case "visibility":
      return VISIBILITY_LABELS[s] ?? s;
    case "indicator":
      return CITY_INDICATORS[s as keyof typeof CITY_INDICATORS]?.label ?? s;
    case "ownerId":
    case "deputyId":
      return names.users[s] ?? "gelöschtes Konto";
    case "cityId":
      return names.cities[s] ?? `Nr. ${s}`;
    case "category":
      return names.categories?.[s] ?? `Nr. ${s}`;
    case "pruefenBis":
      return /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10).split("-").reverse().join(".") : s;
    case "fields":
      return fieldLabel(s);
    default:
      return HANDLUNGSFELDER[s as keyof typeof HANDLUNGSFELDER] ?? s;
  }
}

/**
 * Readable lines for one entry's `detail`: "Status: Idee → In Vorbereitung", "Kennzahl: …". A pair of `from`/`to`
 * becomes one arrow line; everything else "Feld: Wert". Never JSON.
 */
export function describeAuditDetail(detail: Record<string, unknown> | null | undefined, names: AuditNames = { users: {}, cities: {} }): string[] {
  if (!detail || typeof detail !== "object") return [];
  const lines: string[] = [];
  const rest = { ...detail };
  if ("from" in rest && "to" in rest) {
    const from = rest.from;
    const to = rest.to;
    delete rest.from;
    delete rest.to;
    if (from && to && typeof from === "object" && typeof to === "object") {
      // e.g. user.role: { role, cityId } before and after
      const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
      for (const k of keys) {
        const a = valueText(k, (from as Record<string, unknown>)[k], names);
        const b = valueText(k, (to as Record<string, unknown>)[k], names);
        lines.push(a === b ? `${fieldLabel(k)}: ${b}` : `${fieldLabel(k)}: ${a} → ${b}`);
      }
    } else {
      const key = typeof from === "number" || typeof to === "number" ? "category" : "status";
      lines.push(`${fieldLabel(key)}: ${valueText(key, from, names)} → ${valueText(key, to, names)}`);
    }
  }
  for (const [k, v] of Object.entries(rest)) lines.push(`${fieldLabel(k)}: ${valueText(k, v, names)}`);
  return lines;
}

/** Guide ids are "<station>.<lang>". */
export function guideLabel(id: string): string {
  const [station, lang] = id.split(".");
  const s = ANKOMMEN_STATIONEN[station as keyof typeof ANKOMMEN_STATIONEN] ?? station;
  const l = ANKOMMEN_SPRACHEN_DE[lang as keyof typeof ANKOMMEN_SPRACHEN_DE] ?? lang;
  return `${s} (${l})`;
}
