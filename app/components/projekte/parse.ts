// Parsing and validation of the project form (/projekte/neu and /projekte/:slug/bearbeiten).
// Field names are the error keys: "titel", "foerderung.0.betrag", "indikator.1.name" … so the shared form
// components show each message next to its field.
import { z } from "zod";
import { cleanFormData, line, readForm, TOO_MANY_FIELDS_MESSAGE, tooLong, type FieldErrors } from "~/utils/forms";
import { EBENEN, FONDS, HANDLUNGSFELDER, keysOf } from "~/utils/taxonomy";
import { PROJECT_STATUS } from "./labels";

export const DEFAULT_ROWS = { foerderung: 2, indikator: 2, zustaendigkeit: 2 } as const;
export const MAX_ROWS = 20;
export type RowKind = keyof typeof DEFAULT_ROWS;

/** German or plain number: "12.000", "12000,50", "1 500" → number; "" → null; garbage → NaN. */
export function parseAmount(raw: unknown): number | null {
  if (typeof raw !== "string") return null;
  let s = raw.trim().replace(/\s|€/g, "");
  if (s === "") return null;
  if (s.includes(",")) s = s.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, "");
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

const str = (v: FormDataEntryValue | null) => (typeof v === "string" ? v.trim() : "");
const list = (v: string) =>
  v
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Bitte ein Datum im Format TT.MM.JJJJ wählen.")
  .refine((d) => !Number.isNaN(new Date(`${d}T12:00:00Z`).getTime()), "Dieses Datum gibt es nicht.");
const optDate = z.union([z.literal("").transform(() => null), isoDate]);
const amount = (label: string) =>
  z
    .number({ invalid_type_error: `${label}: bitte eine Zahl eingeben.` })
    .nullable()
    .refine((n) => n == null || !Number.isNaN(n), `${label}: bitte eine Zahl eingeben (z. B. 12.000 oder 12000,50).`)
    .refine((n) => n == null || n >= 0, `${label} darf nicht negativ sein.`)
    .refine((n) => n == null || n <= 1e12, `${label} ist zu groß.`);
const optNumber = z
  .number()
  .nullable()
  .refine((n) => n == null || Number.isFinite(n), "Bitte eine Zahl eingeben.");

export function rowCounts(form: FormData) {
  const intent = str(form.get("intent"));
  const out = {} as Record<RowKind, number>;
  for (const kind of Object.keys(DEFAULT_ROWS) as RowKind[]) {
    const n = Number(str(form.get(`zeilen.${kind}`)));
    let count = Number.isInteger(n) && n > 0 ? Math.min(n, MAX_ROWS) : DEFAULT_ROWS[kind];
    if (intent === `mehr-${kind}`) count = Math.min(count + 1, MAX_ROWS);
    out[kind] = count;
  }
  return out;
}

const fundingRow = z.object({
  programm: z.string().max(120, tooLong(120)),
  name: line(200),
  fonds: z.union([z.literal(""), z.enum(keysOf(FONDS))]),
  betrag: amount("Betrag"),
  eigenanteil: amount("Eigenanteil"),
  kofinanzierung: line(300),
});
const indicatorRow = z.object({
  name: line(200),
  einheit: line(40),
  ausgangswert: optNumber,
  ausgangsdatum: optDate,
  zielwert: optNumber,
  zieldatum: optDate,
  aktuell: optNumber,
  aktuellDatum: optDate,
  /** shared target (/ziele); existence is checked against the database in form.server.ts */
  ziel: z.union([z.literal(""), z.string().max(120, tooLong(120)).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Bitte wählen Sie ein Ziel aus der Liste.")]),
});
const respRow = z.object({ ebene: z.union([z.literal(""), z.enum(keysOf(EBENEN))]), stelle: line(300) });

const long = (max = 8000) => z.string().max(max, tooLong(max));

export const projectFormSchema = z
  .object({
    titel: line(160, { min: 3, minMessage: "Bitte geben Sie einen Titel mit mindestens 3 Zeichen ein." }),
    zusammenfassung: long(600),
    stadt: z.number({ invalid_type_error: "Bitte wählen Sie die federführende Stadt." }).int().positive("Bitte wählen Sie die federführende Stadt."),
    partner: z.array(z.number().int().positive()).max(100, "Höchstens 100 Partnerstädte."),
    status: z.enum(keysOf(PROJECT_STATUS), { errorMap: () => ({ message: "Bitte wählen Sie einen Status." }) }),
    statusDatum: isoDate,
    statusNotiz: long(1000),
    felder: z.array(z.enum(keysOf(HANDLUNGSFELDER))).min(1, "Bitte wählen Sie mindestens ein Handlungsfeld."),
    zielgruppen: z.array(line(80, { message: "Jede Zielgruppe: höchstens 80 Zeichen." })).max(20, "Höchstens 20 Zielgruppen."),
    problem: long(),
    ansatz: long(),
    erfolge: long(),
    gescheitert: long(),
    gruende: long(),
    naechsteSchritte: long(),
    budget: amount("Budget"),
    beginn: optDate,
    ende: optDate,
    kontakt: line(200),
    sichtbarkeit: z.enum(["public", "members"], { errorMap: () => ({ message: "Bitte wählen Sie, wer das Projekt sehen darf." }) }),
    suchtPartner: z.boolean(),
    budgetBestaetigt: z.boolean(),
    artikel: z.array(z.string().max(120, tooLong(120)).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Artikel: bitte Kurznamen wie „wohnen-task-force-problemimmobilien“ angeben.")).max(30),
    grund: line(300),
    foerderung: z.array(fundingRow),
    indikator: z.array(indicatorRow),
    zustaendigkeit: z.array(respRow),
  })
  .superRefine((v, ctx) => {
    if (v.beginn && v.ende && v.ende < v.beginn) ctx.addIssue({ code: "custom", path: ["ende"], message: "Das Ende darf nicht vor dem Beginn liegen." });
    if (v.status === "abgebrochen" && v.statusNotiz.trim().length < 10 && v.gruende.trim().length < 10)
      ctx.addIssue({ code: "custom", path: ["statusNotiz"], message: "Bitte nennen Sie die Gründe für den Abbruch (mindestens 10 Zeichen)." });
    v.foerderung.forEach((f, i) => {
      const used = f.programm || f.name || f.betrag != null || f.eigenanteil != null || f.kofinanzierung || f.fonds;
      if (!used) return;
      if (!f.programm && !f.name) ctx.addIssue({ code: "custom", path: ["foerderung", i, "name"], message: "Bitte wählen Sie ein Programm oder geben Sie seinen Namen ein." });
      if (f.betrag == null) ctx.addIssue({ code: "custom", path: ["foerderung", i, "betrag"], message: "Bitte geben Sie den Betrag ein (0 ist erlaubt)." });
    });
    v.indikator.forEach((x, i) => {
      const used = x.name || x.einheit || x.ausgangswert != null || x.zielwert != null || x.aktuell != null || x.ausgangsdatum || x.zieldatum || x.aktuellDatum || x.ziel;
      if (used && !x.name) ctx.addIssue({ code: "custom", path: ["indikator", i, "name"], message: "Bitte benennen Sie den Indikator." });
    });
    v.zustaendigkeit.forEach((r, i) => {
      if (r.stelle && !r.ebene) ctx.addIssue({ code: "custom", path: ["zustaendigkeit", i, "ebene"], message: "Bitte wählen Sie die Ebene." });
      if (r.ebene && !r.stelle) ctx.addIssue({ code: "custom", path: ["zustaendigkeit", i, "stelle"], message: "Bitte nennen Sie die zuständige Stelle." });
    });
    const covered = v.foerderung.reduce((s, f) => s + (Number.isFinite(f.betrag ?? 0) ? f.betrag ?? 0 : 0) + (Number.isFinite(f.eigenanteil ?? 0) ? f.eigenanteil ?? 0 : 0), 0);
    if (v.budget != null && Number.isFinite(v.budget) && covered > v.budget && !v.budgetBestaetigt)
      ctx.addIssue({
        code: "custom",
        path: ["budgetBestaetigt"],
        message: `Die Förderlinien (Förderung + Eigenanteil: ${covered.toLocaleString("de-DE")} €) übersteigen das Budget (${v.budget.toLocaleString("de-DE")} €). Bitte korrigieren Sie die Beträge oder bestätigen Sie die Überschreitung.`,
      });
  });
export type ProjectForm = z.infer<typeof projectFormSchema>;

/** Reads the raw form into the structure the schema expects. */
export function readProjectForm(form: FormData) {
  const counts = rowCounts(form);
  const rows = <T,>(kind: RowKind, f: (i: number) => T) => Array.from({ length: counts[kind] }, (_, i) => f(i));
  const g = (k: string) => str(form.get(k));
  const raw = {
    titel: g("titel"),
    zusammenfassung: g("zusammenfassung"),
    stadt: g("stadt") === "" ? Number.NaN : Number(g("stadt")),
    partner: form
      .getAll("partner")
      .map((v) => Number(v))
      .filter((n) => Number.isInteger(n) && n > 0),
    status: g("status"),
    statusDatum: g("statusDatum"),
    statusNotiz: g("statusNotiz"),
    felder: form.getAll("felder").map((v) => String(v)),
    zielgruppen: list(g("zielgruppen")),
    problem: g("problem"),
    ansatz: g("ansatz"),
    erfolge: g("erfolge"),
    gescheitert: g("gescheitert"),
    gruende: g("gruende"),
    naechsteSchritte: g("naechsteSchritte"),
    budget: parseAmount(g("budget")),
    beginn: g("beginn"),
    ende: g("ende"),
    kontakt: g("kontakt"),
    sichtbarkeit: g("sichtbarkeit"),
    suchtPartner: form.get("suchtPartner") === "on",
    budgetBestaetigt: form.get("budgetBestaetigt") === "on",
    artikel: list(g("artikel")),
    grund: g("grund"),
    foerderung: rows("foerderung", (i) => ({
      programm: g(`foerderung.${i}.programm`),
      name: g(`foerderung.${i}.name`),
      fonds: g(`foerderung.${i}.fonds`),
      betrag: parseAmount(g(`foerderung.${i}.betrag`)),
      eigenanteil: parseAmount(g(`foerderung.${i}.eigenanteil`)),
      kofinanzierung: g(`foerderung.${i}.kofinanzierung`),
    })),
    indikator: rows("indikator", (i) => ({
      name: g(`indikator.${i}.name`),
      einheit: g(`indikator.${i}.einheit`),
      ausgangswert: parseAmount(g(`indikator.${i}.ausgangswert`)),
      ausgangsdatum: g(`indikator.${i}.ausgangsdatum`),
      zielwert: parseAmount(g(`indikator.${i}.zielwert`)),
      zieldatum: g(`indikator.${i}.zieldatum`),
      aktuell: parseAmount(g(`indikator.${i}.aktuell`)),
      aktuellDatum: g(`indikator.${i}.aktuellDatum`),
      ziel: g(`indikator.${i}.ziel`),
    })),
    zustaendigkeit: rows("zustaendigkeit", (i) => ({ ebene: g(`zustaendigkeit.${i}.ebene`), stelle: g(`zustaendigkeit.${i}.stelle`) })),
  };
  return { raw, counts };
}

export function parseProjectForm(submitted: FormData): { ok: true; data: ProjectForm } | { ok: false; errors: FieldErrors } {
  const form = cleanFormData(submitted);
  if (!form) return { ok: false, errors: { _form: TOO_MANY_FIELDS_MESSAGE } };
  const { raw } = readProjectForm(form);
  const r = projectFormSchema.safeParse(raw);
  if (r.success) return { ok: true, data: r.data };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const head = String(issue.path[0] ?? "");
    const key = ["artikel", "partner", "felder", "zielgruppen"].includes(head) ? head : issue.path.join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Labels for the error summary (field name → German label). */
export const FORM_LABELS: Record<string, string> = {
  titel: "Titel",
  zusammenfassung: "Kurzbeschreibung",
  stadt: "Federführende Stadt",
  status: "Status",
  statusDatum: "Datum des Status",
  statusNotiz: "Anmerkung zum Status",
  felder: "Handlungsfelder",
  budget: "Gesamtbudget",
  beginn: "Beginn",
  ende: "Ende",
  kontakt: "Kontakt (Rolle)",
  sichtbarkeit: "Sichtbarkeit",
  budgetBestaetigt: "Budget",
  artikel: "Wissensartikel",
};

export type FormValues = Record<string, string | string[]>;
const MULTI = new Set(["felder", "partner"]);

/** The submitted values, to re-fill the form after an error or a "weitere Zeile" submit. */
export function formToValues(form: FormData): FormValues {
  const out: FormValues = {};
  const fields = readForm(form);
  if (!fields) return out;
  for (const [key, all] of fields.all) {
    if (key === "intent") continue;
    out[key] = MULTI.has(key) ? all : all[0] ?? "";
  }
  return out;
}
