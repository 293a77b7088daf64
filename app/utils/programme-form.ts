// The Redaktion's programme form ↔ the content front matter (the same schema as the importer, so a web edit
// and a file obey the same rules). Pure: the action and unit tests call it. Percent fields are entered as
// 0–100 and stored as fractions; list fields are one entry per line; deadlines are numbered rows.
import { programmeFrontmatter, slugSchema, type ProgrammeFrontmatter } from "~/services/content/frontmatter";
import { cleanFormData, readForm, TOO_MANY_FIELDS_MESSAGE, tooLong, type FieldErrors } from "./forms";
import { cleanLine } from "./text-hygiene";

export const EMPTY_DEADLINE_ROWS = 3;
export const RESERVED_SLUGS = new Set(["finder", "neu", "fristen", "fristen-ics", "bearbeiten", "pruefung"]);

export type FormValues = Record<string, string | string[]>;

export const FIELD_LABELS: Record<string, string> = {
  slug: "Kurzadresse (Slug)",
  title: "Titel",
  kurz: "Kurzname",
  fonds: "Fonds",
  geber: "Fördergeber",
  ebene: "Ebene",
  antragsberechtigt: "Antragsberechtigt",
  handlungsfelder: "Handlungsfelder",
  foerderquote: "Förderquote",
  eigenanteil: "Eigenanteil",
  kofinanzierung: "Kofinanzierung",
  ausschluss: "Ausschlusskriterien",
  laufzeit_von: "Laufzeit von",
  laufzeit_bis: "Laufzeit bis",
  url: "Website",
  status: "Status",
  summary: "Zusammenfassung",
  stand: "Stand",
  pruefen_bis: "Prüfen bis",
  quellen: "Quellen",
  body: "Erläuterung mit „Antrag & Nachweis“ (Markdown)",
  reason: "Grund der Änderung",
};

const lines = (v: string) =>
  v
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
const str = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v.trim() : "";
};
const pctFraction = (n: number) => Math.round(n * 100) / 10000;

export function formValuesOf(form: FormData): FormValues {
  const values: FormValues = {};
  const fields = readForm(form);
  if (!fields) return values;
  for (const [key, all] of fields.all) values[key] = key === "antragsberechtigt" || key === "handlungsfelder" ? all : (all[0] ?? "");
  return values;
}

/** Length limits of the programme form (characters); single-line fields are also cleaned with `cleanLine`. */
export const PROGRAMME_LIMITS: Record<string, number> = {
  slug: 80,
  title: 200,
  kurz: 80,
  geber: 200,
  kofinanzierung: 2000,
  ausschluss: 5000,
  url: 2000,
  summary: 2000,
  quellen: 5000,
  body: 200_000,
  reason: 500,
};
const SINGLE_LINE = new Set(["slug", "title", "kurz", "geber", "url", "reason", "stand", "pruefen_bis", "laufzeit_von", "laufzeit_bis", "foerderquote", "eigenanteil"]);

/** Form values for an existing programme. */
export function valuesFromFrontmatter(d: ProgrammeFrontmatter, body: string): FormValues {
  const pct = (f: number | undefined) => (f == null ? "" : String(Math.round(f * 10000) / 100));
  const v: FormValues = {
    title: d.title,
    kurz: d.kurz,
    fonds: d.fonds,
    geber: d.geber,
    ebene: d.ebene,
    antragsberechtigt: d.antragsberechtigt,
    handlungsfelder: d.handlungsfelder,
    foerderquote: pct(d.foerderquote),
    eigenanteil: pct(d.eigenanteil),
    kofinanzierung: d.kofinanzierung ?? "",
    ausschluss: (d.ausschluss ?? []).join("\n"),
    laufzeit_von: d.laufzeit_von ?? "",
    laufzeit_bis: d.laufzeit_bis ?? "",
    url: d.url ?? "",
    status: d.status,
    summary: d.summary,
    stand: d.stand ?? "",
    pruefen_bis: d.pruefen_bis ?? "",
    quellen: (d.quellen ?? []).join("\n"),
    body,
  };
  (d.fristen ?? []).forEach((f, i) => {
    v[`fristen.${i}.bezeichnung`] = f.bezeichnung;
    v[`fristen.${i}.datum`] = f.datum;
  });
  return v;
}

/** Number of deadline rows to render: the filled ones plus a few empty ones. */
export function deadlineRowCount(values: FormValues): number {
  let max = -1;
  for (const k of Object.keys(values)) {
    const m = /^fristen\.(\d+)\./.exec(k);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return Math.min(50, max + 1 + EMPTY_DEADLINE_ROWS);
}

function percentField(form: FormData, key: string, errors: FieldErrors, what: string): number | undefined {
  const raw = str(form, key).replace(",", ".").replace(/\s*%$/, "");
  if (raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) {
    errors[key] = `${what}: bitte eine Zahl von 0 bis 100 eingeben.`;
    return undefined;
  }
  if (n < 0 || n > 100) {
    errors[key] = `${what} muss zwischen 0 und 100 % liegen.`;
    return undefined;
  }
  return pctFraction(n);
}

export type ParsedProgrammeForm =
  | { ok: true; slug: string | null; data: ProgrammeFrontmatter; body: string; reason: string }
  | { ok: false; errors: FieldErrors; values: FormValues };

/** Validates the form. `create`: a slug is required and must be new (`slugTaken`). */
export function parseProgrammeForm(submitted: FormData, opts: { create: boolean; slugTaken?: (slug: string) => boolean }): ParsedProgrammeForm {
  const errors: FieldErrors = {};
  const cleaned = cleanFormData(submitted);
  if (!cleaned) return { ok: false, errors: { _form: TOO_MANY_FIELDS_MESSAGE }, values: {} };
  // Single-line fields get the stricter hygiene (no invisible characters, no line breaks).
  const form = new FormData();
  for (const [k, v] of cleaned.entries()) form.append(k, typeof v === "string" && (SINGLE_LINE.has(k) || /^fristen\.\d+\./.test(k)) ? cleanLine(v) : v);
  const values = formValuesOf(form);
  for (const [key, max] of Object.entries(PROGRAMME_LIMITS)) if (str(form, key).length > max) errors[key] = `${FIELD_LABELS[key] ?? key}: ${tooLong(max)}`;
  for (const [key, v] of form.entries()) if (/^fristen\.\d+\.bezeichnung$/.test(key) && typeof v === "string" && v.length > 200) errors[key] = `Frist: ${tooLong(200)}`;
  let slug: string | null = null;
  if (opts.create) {
    slug = str(form, "slug").toLowerCase();
    const s = slugSchema.safeParse(slug);
    if (!slug) errors.slug = "Bitte eine Kurzadresse angeben (z. B. esf-plus-nrw).";
    else if (!s.success) errors.slug = "Nur Kleinbuchstaben, Ziffern und Bindestriche (z. B. esf-plus-nrw).";
    else if (RESERVED_SLUGS.has(slug)) errors.slug = "Diese Kurzadresse ist reserviert.";
    else if (opts.slugTaken?.(slug)) errors.slug = "Diese Kurzadresse ist schon vergeben.";
  }
  const foerderquote = percentField(form, "foerderquote", errors, "Förderquote");
  const eigenanteil = percentField(form, "eigenanteil", errors, "Eigenanteil");

  const fristen: { bezeichnung: string; datum: string }[] = [];
  const fristIndex: number[] = []; // form row of each kept deadline (schema paths → form field names)
  for (let i = 0; i < 50; i++) {
    const b = str(form, `fristen.${i}.bezeichnung`);
    const d = str(form, `fristen.${i}.datum`);
    if (!form.has(`fristen.${i}.bezeichnung`) && !form.has(`fristen.${i}.datum`)) continue;
    if (!b && !d) continue;
    if (!b) errors[`fristen.${i}.bezeichnung`] = "Bitte eine Bezeichnung angeben (z. B. Antragsfrist).";
    if (!d) errors[`fristen.${i}.datum`] = "Bitte ein Datum angeben.";
    if (b && d) {
      fristen.push({ bezeichnung: b, datum: d });
      fristIndex.push(i);
    }
  }

  const opt = (k: string) => str(form, k) || undefined;
  const raw = {
    title: str(form, "title"),
    kurz: str(form, "kurz"),
    fonds: str(form, "fonds"),
    geber: str(form, "geber"),
    ebene: str(form, "ebene"),
    antragsberechtigt: form.getAll("antragsberechtigt").map(String),
    handlungsfelder: form.getAll("handlungsfelder").map(String),
    foerderquote,
    eigenanteil,
    kofinanzierung: opt("kofinanzierung"),
    ausschluss: lines(str(form, "ausschluss")),
    fristen,
    laufzeit_von: opt("laufzeit_von"),
    laufzeit_bis: opt("laufzeit_bis"),
    url: opt("url"),
    status: str(form, "status"),
    summary: str(form, "summary"),
    stand: opt("stand"),
    pruefen_bis: opt("pruefen_bis"),
    quellen: lines(str(form, "quellen")),
  };
  const result = programmeFrontmatter.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      let key = issue.path.join(".");
      if (issue.path[0] === "fristen" && typeof issue.path[1] === "number") {
        key = `fristen.${fristIndex[issue.path[1]]}.${issue.path[2] ?? "datum"}`;
      } else if (issue.path[0] === "ausschluss" || issue.path[0] === "quellen" || issue.path[0] === "antragsberechtigt" || issue.path[0] === "handlungsfelder") {
        key = String(issue.path[0]);
      }
      const label = FIELD_LABELS[key] ?? (key.startsWith("fristen.") ? "Frist" : key);
      const message = issue.message === "Required" ? "fehlt" : issue.message;
      errors[key] ??= `${label} ${message}`;
    }
  }
  // Deadlines must not lie before the programme starts (also in the schema; repeated here with a clearer text).
  const von = raw.laufzeit_von;
  fristen.forEach((f, n) => {
    if (von && /^\d{4}-\d{2}-\d{2}$/.test(von) && f.datum < von) errors[`fristen.${fristIndex[n]}.datum`] = `Die Frist liegt vor dem Programmbeginn (${von.split("-").reverse().join(".")}).`;
  });
  const body = str(form, "body");
  const reason = str(form, "reason");
  if (!reason) errors.reason = opts.create ? "Bitte kurz angeben, woher die Angaben stammen." : "Bitte kurz begründen, was Sie geändert haben.";
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors, values };
  return { ok: true, slug, data: result.data, body, reason };
}
