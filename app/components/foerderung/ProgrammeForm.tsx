import { Form } from "@remix-run/react";
import { CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField } from "~/components/ui/form";
import type { FieldErrors } from "~/utils/forms";
import { deadlineRowCount, FIELD_LABELS, type FormValues } from "~/utils/programme-form";
import { ANTRAGSBERECHTIGT, EBENEN, FONDS, HANDLUNGSFELDER, PROGRAMME_STATUS } from "~/utils/taxonomy";

const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));


export function ProgrammeForm({
  values,
  errors,
  create,
  children,
  multipart,
}: {
  values: FormValues;
  errors: FieldErrors | null;
  create: boolean;
  /** Extra fields before the reason (owner pickers, review mode). */
  children?: React.ReactNode;
  /** the children include a file field (attachments) */
  multipart?: boolean;
}) {
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const list = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : values[k] ? [values[k] as string] : []);
  const rows = deadlineRowCount(values);
  const labels: Record<string, string> = { ...FIELD_LABELS };
  for (let i = 0; i < rows; i++) {
    labels[`fristen.${i}.bezeichnung`] = `Frist ${i + 1}, Bezeichnung`;
    labels[`fristen.${i}.datum`] = `Frist ${i + 1}, Datum`;
  }
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate className="programme-form" encType={multipart ? "multipart/form-data" : undefined}>
        {create ? (
          <TextField name="slug" label={FIELD_LABELS.slug} hint="Teil der Adresse: /foerderung/… – Kleinbuchstaben, Ziffern, Bindestriche." defaultValue={v("slug")} errors={errors} required />
        ) : null}
        <TextField name="title" label={FIELD_LABELS.title} defaultValue={v("title")} errors={errors} required />
        <TextField name="kurz" label={FIELD_LABELS.kurz} defaultValue={v("kurz")} errors={errors} required />
        <TextArea name="summary" label="Zusammenfassung in einfacher Sprache" defaultValue={v("summary")} errors={errors} required rows={3} />
        <SelectField name="fonds" label={FIELD_LABELS.fonds} options={opts(FONDS)} defaultValue={v("fonds") || "sonstige"} errors={errors} />
        <TextField name="geber" label={FIELD_LABELS.geber} defaultValue={v("geber")} errors={errors} required />
        <SelectField name="ebene" label={FIELD_LABELS.ebene} options={opts(EBENEN)} defaultValue={v("ebene") || "land"} errors={errors} />
        <SelectField name="status" label={FIELD_LABELS.status} options={opts(PROGRAMME_STATUS)} defaultValue={v("status") || "unbekannt"} errors={errors} hint="„unbekannt“, wenn der aktuelle Stand nicht bestätigt ist." />
        <CheckboxGroup name="antragsberechtigt" legend="Wer darf Anträge stellen?" options={ANTRAGSBERECHTIGT} checked={list("antragsberechtigt")} errors={errors} />
        <CheckboxGroup name="handlungsfelder" legend={FIELD_LABELS.handlungsfelder} options={HANDLUNGSFELDER} checked={list("handlungsfelder")} errors={errors} />
        <fieldset>
          <legend>Geld</legend>
          <TextField name="foerderquote" label="Förderquote (in %)" hint="0 bis 100. Leer lassen, wenn nicht bestätigt – nie schätzen." inputMode="decimal" defaultValue={v("foerderquote")} errors={errors} className="input-short" />
          <TextField name="eigenanteil" label="Eigenanteil (in %)" hint="0 bis 100. Leer lassen, wenn nicht bestätigt." inputMode="decimal" defaultValue={v("eigenanteil")} errors={errors} className="input-short" />
          <TextArea name="kofinanzierung" label={FIELD_LABELS.kofinanzierung} hint="Regeln zur Kofinanzierung in eigenen Worten." defaultValue={v("kofinanzierung")} errors={errors} rows={3} />
        </fieldset>
        <TextArea name="ausschluss" label={FIELD_LABELS.ausschluss} hint="Ein Kriterium pro Zeile." defaultValue={v("ausschluss")} errors={errors} rows={4} />
        <fieldset>
          <legend>Laufzeit und Fristen</legend>
          <TextField name="laufzeit_von" type="date" label={FIELD_LABELS.laufzeit_von} defaultValue={v("laufzeit_von")} errors={errors} />
          <TextField name="laufzeit_bis" type="date" label={FIELD_LABELS.laufzeit_bis} defaultValue={v("laufzeit_bis")} errors={errors} />
          <p className="hint">Fristen: leere Zeilen werden ignoriert. Keine Frist darf vor dem Programmbeginn liegen.</p>
          {Array.from({ length: rows }, (_, i) => (
            <div className="deadline-row" key={i}>
              <TextField name={`fristen.${i}.bezeichnung`} label={`Frist ${i + 1}: Bezeichnung`} defaultValue={v(`fristen.${i}.bezeichnung`)} errors={errors} />
              <TextField name={`fristen.${i}.datum`} type="date" label={`Frist ${i + 1}: Datum`} defaultValue={v(`fristen.${i}.datum`)} errors={errors} />
            </div>
          ))}
        </fieldset>
        <TextField name="url" type="url" label={FIELD_LABELS.url} hint="Vollständige Adresse mit https://" defaultValue={v("url")} errors={errors} />
        <TextField name="stand" type="date" label={FIELD_LABELS.stand} hint="Datum, zu dem die Angaben geprüft wurden." defaultValue={v("stand")} errors={errors} />
        <TextField name="pruefen_bis" type="date" label={FIELD_LABELS.pruefen_bis} hint="Danach erscheint der Eintrag als „Prüfung überfällig“." defaultValue={v("pruefen_bis")} errors={errors} />
        <TextArea name="quellen" label={FIELD_LABELS.quellen} hint="Eine Quelle pro Zeile." defaultValue={v("quellen")} errors={errors} rows={4} />
        <TextArea
          name="body"
          label={FIELD_LABELS.body}
          hint="Markdown. Empfohlene Abschnitte: „## Worum es geht“, „## Voraussetzungen im Klartext“, „## Antrag & Nachweis“ (Schritte, Unterlagen, Berichtspflichten, typische Stolpersteine). Links zu Beiträgen: [[slug]]."
          defaultValue={v("body")}
          errors={errors}
          rows={18}
        />
        {children}
        <TextField name="reason" label={FIELD_LABELS.reason} hint="Erscheint in der Versionsgeschichte." defaultValue={v("reason")} errors={errors} required maxLength={500} />
        <button type="submit">{create ? "Programm anlegen" : "Änderungen speichern"}</button>
      </Form>
    </>
  );
}
