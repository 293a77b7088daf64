import { Form } from "@remix-run/react";
import { CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField } from "~/components/ui/form";
import type { FieldErrors } from "~/utils/forms";
import { HANDLUNGSFELDER } from "~/utils/taxonomy";
import { TERMIN_ZIELGRUPPEN } from "./labels";
import { TERMIN_LABELS } from "./termin-schema";

export type TerminFormValues = Record<string, string | string[] | undefined>;

/** The event form: used by /termine/neu and /termine/:id/bearbeiten. Works without JavaScript. */
export function TerminForm({
  values,
  errors,
  cities,
  submitLabel,
}: {
  values: TerminFormValues;
  errors?: FieldErrors;
  /** Redaktion chooses the city (or none); coordinators get their own city fixed (null here). */
  cities: { slug: string; name: string }[] | null;
  submitLabel: string;
}) {
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const list = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : typeof values[k] === "string" && values[k] ? [values[k] as string] : []);
  return (
    <>
      <ErrorSummary errors={errors} labels={TERMIN_LABELS} />
      <Form method="post" noValidate>
        <TextField name="titel" label={TERMIN_LABELS.titel} errors={errors} defaultValue={v("titel")} required maxLength={200} />
        <TextField name="beginn_datum" type="date" label={TERMIN_LABELS.beginn_datum} errors={errors} defaultValue={v("beginn_datum")} required />
        <TextField name="beginn_zeit" type="time" label={TERMIN_LABELS.beginn_zeit} errors={errors} defaultValue={v("beginn_zeit")} required hint="Uhrzeit in Deutschland (Europe/Berlin), z. B. 10:00" />
        <TextField name="ende_zeit" type="time" label={TERMIN_LABELS.ende_zeit} errors={errors} defaultValue={v("ende_zeit")} hint="Optional" />
        <TextField name="ende_datum" type="date" label={TERMIN_LABELS.ende_datum} errors={errors} defaultValue={v("ende_datum")} hint="Nur bei mehrtägigen Terminen" />
        <TextField name="ort" label={TERMIN_LABELS.ort} errors={errors} defaultValue={v("ort")} maxLength={300} hint="Adresse des Veranstaltungsorts; leer lassen, wenn der Termin nur online stattfindet" />
        <div className="checkbox">
          <input type="checkbox" id="feld-online" name="online" value="ja" defaultChecked={v("online") === "ja" || v("online") === "true"} />
          <label htmlFor="feld-online">Findet online statt (auch hybrid)</label>
        </div>
        <CheckboxGroup name="zielgruppen" legend={TERMIN_LABELS.zielgruppen} options={TERMIN_ZIELGRUPPEN} checked={list("zielgruppen")} errors={errors} />
        <CheckboxGroup name="handlungsfelder" legend={TERMIN_LABELS.handlungsfelder} options={HANDLUNGSFELDER} checked={list("handlungsfelder")} errors={errors} />
        <TextField name="anmeldung_url" type="url" label={TERMIN_LABELS.anmeldung_url} errors={errors} defaultValue={v("anmeldung_url")} maxLength={500} hint="Optional, beginnend mit https://" />
        <TextArea name="beschreibung" label={TERMIN_LABELS.beschreibung} errors={errors} defaultValue={v("beschreibung")} rows={6} maxLength={5000} hint="Programm, Referierende, Kosten – als einfacher Text" />
        {cities ? (
          <SelectField
            name="stadt"
            label={TERMIN_LABELS.stadt}
            errors={errors}
            defaultValue={v("stadt")}
            options={[{ value: "", label: "keine (Land oder Städtenetz)" }, ...cities.map((c) => ({ value: c.slug, label: c.name }))]}
          />
        ) : null}
        <button type="submit">{submitLabel}</button>
      </Form>
    </>
  );
}
