// Server side of the project form, shared by /projekte/neu and /projekte/:slug/bearbeiten.
import { data } from "@remix-run/node";
import { listCities } from "~/models/city.server";
import { zielOptions, unknownZielSlugs } from "~/models/ziel.server";
import { programmeOptions, type ProjectDetail, type ProjectInput } from "~/models/project.server";
import type { Executor } from "~/services/db.server";
import type { SessionUser } from "~/services/auth.server";
import { todayIso } from "~/utils/format";
import type { Fonds } from "~/utils/taxonomy";
import { DEFAULT_ROWS, formToValues, parseProjectForm, rowCounts, type FormValues, type ProjectForm, type RowKind } from "./parse";

export const FORM_TITLE = "Projekt";

export function formOptions(db: Executor, user: SessionUser) {
  const cities = listCities(db).map((c) => ({ id: c.id, name: c.name }));
  const lockedCity = user.role === "koordination" ? cities.find((c) => c.id === user.cityId) ?? null : null;
  return { cities, lockedCity, programmes: programmeOptions(db).map((p) => ({ slug: p.slug, title: p.title })), ziele: zielOptions(db) };
}

export function emptyValues(): FormValues {
  return { status: "idee", statusDatum: todayIso(), sichtbarkeit: "members" };
}

export function projectToValues(p: ProjectDetail): { values: FormValues; counts: Record<RowKind, number> } {
  const n = (x: number | null) => (x == null ? "" : String(x).replace(".", ","));
  const values: FormValues = {
    titel: p.title,
    zusammenfassung: p.summary,
    stadt: p.lead ? String(p.lead.id) : "",
    partner: p.partners.map((c) => String(c.id)),
    status: p.status,
    statusDatum: todayIso(),
    statusNotiz: "",
    felder: p.handlungsfelder,
    zielgruppen: p.zielgruppen.join(", "),
    problem: p.problem,
    ansatz: p.approach,
    erfolge: p.worked,
    gescheitert: p.failed,
    gruende: p.failureReasons,
    naechsteSchritte: p.nextSteps,
    budget: n(p.budget),
    beginn: p.startDate ?? "",
    ende: p.endDate ?? "",
    kontakt: p.contactRole,
    sichtbarkeit: p.visibility,
    suchtPartner: p.seeksPartners ? "on" : "",
    budgetBestaetigt: p.overBudgetConfirmed ? "on" : "",
    artikel: p.articleSlugs.join(", "),
  };
  p.funding.forEach((f, i) => {
    values[`foerderung.${i}.programm`] = f.programmeSlug ?? "";
    values[`foerderung.${i}.name`] = f.programmeName;
    values[`foerderung.${i}.fonds`] = f.fonds ?? "";
    values[`foerderung.${i}.betrag`] = n(f.amount);
    values[`foerderung.${i}.eigenanteil`] = n(f.ownShare);
    values[`foerderung.${i}.kofinanzierung`] = f.cofinancing;
  });
  p.indicators.forEach((x, i) => {
    values[`indikator.${i}.name`] = x.name;
    values[`indikator.${i}.einheit`] = x.unit;
    values[`indikator.${i}.ausgangswert`] = n(x.baseline);
    values[`indikator.${i}.ausgangsdatum`] = x.baselineDate ?? "";
    values[`indikator.${i}.zielwert`] = n(x.target);
    values[`indikator.${i}.zieldatum`] = x.targetDate ?? "";
    values[`indikator.${i}.aktuell`] = n(x.current);
    values[`indikator.${i}.aktuellDatum`] = x.currentDate ?? "";
    values[`indikator.${i}.ziel`] = x.zielSlug ?? "";
  });
  p.responsibilities.forEach((r, i) => {
    values[`zustaendigkeit.${i}.ebene`] = r.ebene;
    values[`zustaendigkeit.${i}.stelle`] = r.stelle;
  });
  const counts = {
    foerderung: Math.max(DEFAULT_ROWS.foerderung, p.funding.length + 1),
    indikator: Math.max(DEFAULT_ROWS.indikator, p.indicators.length + 1),
    zustaendigkeit: Math.max(DEFAULT_ROWS.zustaendigkeit, p.responsibilities.length + 1),
  };
  return { values, counts };
}

export type FormResult = { ok: false; title: string; errors: Record<string, string>; values: FormValues; counts: Record<RowKind, number> };

/**
 * Handles "weitere Zeile" and validation. Returns either a response payload for the form (400 with errors,
 * 200 for one more row) or the parsed data.
 */
export function handleProjectForm(form: FormData): { kind: "render"; response: ReturnType<typeof data<FormResult>> } | { kind: "save"; data: ProjectForm } {
  const counts = rowCounts(form);
  const values = formToValues(form);
  const intent = String(form.get("intent") ?? "speichern");
  if (intent.startsWith("mehr-")) return { kind: "render", response: data({ ok: false as const, title: FORM_TITLE, errors: {}, values, counts }) };
  const parsed = parseProjectForm(form);
  if (!parsed.ok) return { kind: "render", response: data({ ok: false as const, title: FORM_TITLE, errors: parsed.errors, values, counts }, { status: 400 }) };
  return { kind: "save", data: parsed.data };
}

/** Field errors for indicators mapped to a target that does not exist (the column has no FK; see db/schema/ziele.ts). */
export function zielErrors(db: Executor, d: ProjectForm): Record<string, string> | null {
  const unknown = new Set(unknownZielSlugs(db, d.indikator.map((x) => x.ziel)));
  const errors: Record<string, string> = {};
  d.indikator.forEach((x, i) => {
    if (x.ziel && unknown.has(x.ziel)) errors[`indikator.${i}.ziel`] = "Dieses Ziel gibt es nicht (mehr). Bitte wählen Sie ein Ziel aus der Liste.";
  });
  return Object.keys(errors).length ? errors : null;
}

export function badRequest(form: FormData, errors: Record<string, string>) {
  return data({ ok: false as const, title: FORM_TITLE, errors, values: formToValues(form), counts: rowCounts(form) }, { status: 400 });
}

/** Form data → model input. Programme names and funds are taken from the guide when a programme is chosen. */
export function toProjectInput(d: ProjectForm, programmes: { slug: string; title: string; fonds: string }[]): ProjectInput {
  const bySlug = new Map(programmes.map((p) => [p.slug, p]));
  return {
    title: d.titel,
    summary: d.zusammenfassung,
    leadCityId: d.stadt,
    partnerCityIds: d.partner.filter((id) => id !== d.stadt),
    status: d.status,
    statusDate: d.statusDatum,
    statusNote: d.statusNotiz,
    handlungsfelder: d.felder,
    zielgruppen: d.zielgruppen,
    problem: d.problem,
    approach: d.ansatz,
    worked: d.erfolge,
    failed: d.gescheitert,
    failureReasons: d.gruende,
    responsibilities: d.zustaendigkeit.filter((r) => r.ebene && r.stelle).map((r) => ({ ebene: r.ebene as Exclude<typeof r.ebene, "">, stelle: r.stelle })),
    nextSteps: d.naechsteSchritte,
    budget: d.budget,
    startDate: d.beginn,
    endDate: d.ende,
    contactRole: d.kontakt,
    visibility: d.sichtbarkeit,
    seeksPartners: d.suchtPartner,
    overBudgetConfirmed: d.budgetBestaetigt,
    fundingLines: d.foerderung
      .filter((f) => f.programm || f.name)
      .map((f) => {
        const prog = f.programm ? bySlug.get(f.programm) : undefined;
        const progFonds = prog?.fonds && prog.fonds in FONDS_KEYS ? (prog.fonds as Fonds) : null;
        return {
          programmeSlug: f.programm || null,
          programmeName: prog?.title ?? (f.name || f.programm),
          fonds: (f.fonds || progFonds || null) as Fonds | null,
          amount: f.betrag ?? 0,
          ownShare: f.eigenanteil ?? 0,
          cofinancing: f.kofinanzierung,
        };
      }),
    indicators: d.indikator
      .filter((x) => x.name)
      .map((x) => ({
        name: x.name,
        unit: x.einheit,
        baseline: x.ausgangswert,
        baselineDate: x.ausgangsdatum,
        target: x.zielwert,
        targetDate: x.zieldatum,
        current: x.aktuell,
        currentDate: x.aktuellDatum,
        zielSlug: x.ziel || null,
      })),
    articleSlugs: d.artikel,
  };
}
const FONDS_KEYS: Record<string, true> = { esf: true, efre: true, iti: true, bund: true, land: true, stiftung: true, sonstige: true };
