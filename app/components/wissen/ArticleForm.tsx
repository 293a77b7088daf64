// The article editor (Redaktion): all front-matter fields, Markdown body, preview and reason for the change.
// Works without JavaScript: "Vorschau" is a submit button that re-renders the page with the rendered preview.
import { Form } from "@remix-run/react";
import { CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField } from "~/components/ui/form";
import type { FieldErrors } from "~/utils/forms";
import { ARTICLE_STATUS, ARTICLE_TYPES, EBENEN, HANDLUNGSFELDER, STATIONEN } from "~/utils/taxonomy";

export const ARTICLE_FIELD_LABELS: Record<string, string> = {
  title: "Titel",
  slug: "Kurzname",
  type: "Art",
  summary: "Zusammenfassung",
  handlungsfelder: "Handlungsfelder",
  ebenen: "Ebenen",
  staedte: "Städte",
  station: "Station",
  stand: "Stand",
  pruefen_bis: "Prüfen bis",
  quellen: "Quellen",
  status: "Status",
  diagramm: "Diagramm",
  body: "Text",
  reason: "Grund der Änderung",
};

type Values = Record<string, string | string[]>;


export function ArticleForm({
  values,
  errors,
  cities,
  mode,
  preview,
  children,
  multipart,
}: {
  values: Values;
  errors: FieldErrors | null;
  cities: { slug: string; name: string }[];
  mode: "neu" | "bearbeiten";
  preview: { html: string; missingLinks: string[] } | null;
  /** Extra fields before the reason (owner pickers, review mode). */
  children?: React.ReactNode;
  /** the children include a file field (attachments) */
  multipart?: boolean;
}) {
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const many = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : values[k] ? [values[k] as string] : []);
  return (
    <>
      <ErrorSummary errors={errors} labels={ARTICLE_FIELD_LABELS} />
      {preview ? (
        <section className="preview" aria-labelledby="vorschau-titel">
          <h2 id="vorschau-titel">Vorschau (noch nicht gespeichert)</h2>
          {preview.missingLinks.length ? (
            <p className="notice">Fehlende Link-Ziele: {preview.missingLinks.map((l) => `[[${l}]]`).join(", ")}</p>
          ) : null}
          <div className="prose article-body" dangerouslySetInnerHTML={{ __html: preview.html }} />
        </section>
      ) : null}
      <Form method="post" noValidate className="article-form" encType={multipart ? "multipart/form-data" : undefined}>
        <TextField name="title" label="Titel" required errors={errors} defaultValue={v("title")} />
        {mode === "neu" ? (
          <TextField
            name="slug"
            label="Kurzname in der Adresse (optional)"
            hint="Nur Kleinbuchstaben, Ziffern und Bindestriche; leer lassen, um ihn aus dem Titel zu bilden."
            errors={errors}
            defaultValue={v("slug")}
          />
        ) : null}
        <SelectField name="type" label="Art" options={Object.entries(ARTICLE_TYPES).map(([value, label]) => ({ value, label }))} errors={errors} defaultValue={v("type") || "praxis"} />
        <TextArea name="summary" label="Zusammenfassung" hint="Ein bis zwei Sätze; erscheint in Listen und Suchergebnissen." rows={3} errors={errors} defaultValue={v("summary")} />
        <CheckboxGroup name="handlungsfelder" legend="Handlungsfelder" options={HANDLUNGSFELDER} checked={many("handlungsfelder")} errors={errors} />
        <CheckboxGroup name="ebenen" legend="Ebenen" options={EBENEN} checked={many("ebenen")} errors={errors} />
        <CheckboxGroup name="staedte" legend="Städte" options={Object.fromEntries(cities.map((c) => [c.slug, c.name]))} checked={many("staedte")} errors={errors} />
        <SelectField
          name="station"
          label="Station (nur Checklisten)"
          options={[{ value: "", label: "keine" }, ...Object.entries(STATIONEN).map(([value, label]) => ({ value, label }))]}
          errors={errors}
          defaultValue={v("station")}
        />
        <TextField name="stand" label="Stand" type="date" hint="Datum, zu dem der Inhalt gilt." errors={errors} defaultValue={v("stand")} />
        <TextField name="pruefen_bis" label="Prüfen bis (optional)" type="date" errors={errors} defaultValue={v("pruefen_bis")} />
        <TextArea name="quellen" label="Quellen" hint="Eine Quelle pro Zeile, mit Seite oder Abschnitt." rows={4} errors={errors} defaultValue={v("quellen")} />
        <TextArea
          name="body"
          label="Text (Markdown)"
          hint="Überschriften mit ##; Links zu anderen Beiträgen als [[kurzname]]. Praxisbeispiele folgen dem Raster: Problembeschreibung und Ziel, Erfolgreiche Ansätze, Gescheiterte Ansätze, Gründe des Scheiterns, Lösungsalternativen, Zuständigkeiten, Nächste Schritte."
          rows={20}
          errors={errors}
          defaultValue={v("body")}
          className="editor-body"
        />
        <TextArea
          name="diagramm"
          label="Diagramm (nur Fakten, YAML, optional)"
          hint="Schlüssel: titel, einheit, quelle, kategorien, reihen (name, werte) – wie in content/README.md."
          rows={6}
          errors={errors}
          defaultValue={v("diagramm")}
          className="editor-body"
        />
        <SelectField name="status" label="Status" options={Object.entries(ARTICLE_STATUS).map(([value, label]) => ({ value, label }))} errors={errors} defaultValue={v("status") || "entwurf"} />
        {children}
        <TextField
          name="reason"
          label={mode === "neu" ? "Grund (optional)" : "Grund der Änderung"}
          hint="Erscheint in der Versionsgeschichte."
          required={mode !== "neu"}
          errors={errors}
          defaultValue={v("reason")}
        />
        <div className="actions">
          <button type="submit" name="intent" value="vorschau" className="secondary">
            Vorschau
          </button>
          <button type="submit" name="intent" value="speichern">
            Speichern
          </button>
        </div>
      </Form>
    </>
  );
}
