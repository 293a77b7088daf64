// The project form for /projekte/neu and /projekte/:slug/bearbeiten. Works without JavaScript: repeatable
import { FileField } from "~/components/dateien/FileField";
// rows (funding lines, indicators, responsibilities) are a fixed number of rows plus "weitere Zeile" submit
// buttons that re-render the form with one more empty row.
import { IdempotencyField } from "~/components/ui/IdempotencyField";
import { Form } from "@remix-run/react";
import { CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField } from "~/components/ui/form";
import { errorId, fieldId, type FieldErrors } from "~/utils/forms";
import { EBENEN, FONDS, HANDLUNGSFELDER } from "~/utils/taxonomy";
import { PROJECT_STATUS } from "./labels";
import { FORM_LABELS, type FormValues, type RowKind } from "./parse";

export type ProjectFormProps = {
  mode: "neu" | "bearbeiten";
  values: FormValues;
  errors: FieldErrors | null;
  counts: Record<RowKind, number>;
  cities: { id: number; name: string }[];
  /** koordination: the lead city is fixed to their own city */
  lockedCity: { id: number; name: string } | null;
  programmes: { slug: string; title: string }[];
  /** shared targets (/ziele) an indicator can report to */
  ziele?: { slug: string; title: string; unit: string }[];
  busy?: boolean;
  /** new projects: the loader's idempotency key (one submit, one project) */
  idempotencyKey?: string;
  /** accept attachments (multipart form; the edit route stores them with the project) */
  files?: boolean;
};


export function ProjectForm({ mode, values, errors, counts, cities, lockedCity, programmes, ziele = [], busy, idempotencyKey, files }: ProjectFormProps) {
  const v = (k: string) => {
    const x = values[k];
    return Array.isArray(x) ? x[0] ?? "" : x ?? "";
  };
  const many = (k: string) => {
    const x = values[k];
    return Array.isArray(x) ? x : x ? [x] : [];
  };
  const cityOptions = [{ value: "", label: "Bitte wählen" }, ...cities.map((c) => ({ value: String(c.id), label: c.name }))];
  const leadId = lockedCity ? String(lockedCity.id) : v("stadt");
  const programmeOptions = [{ value: "", label: "anderes Programm (Name eingeben)" }, ...programmes.map((p) => ({ value: p.slug, label: p.title }))];
  // keep a stored programme reference even when the guide does not (yet) list it
  const fondsOptions = [{ value: "", label: "keine Angabe" }, ...Object.entries(FONDS).map(([value, label]) => ({ value, label }))];
  const ebeneOptions = [{ value: "", label: "bitte wählen" }, ...Object.entries(EBENEN).map(([value, label]) => ({ value, label }))];
  const zielSelectOptions = [{ value: "", label: "keinem Ziel zugeordnet" }, ...ziele.map((z) => ({ value: z.slug, label: `${z.title} (${z.unit})` }))];
  const rowLabels: Record<string, string> = {};
  for (let i = 0; i < counts.foerderung; i++) {
    rowLabels[`foerderung.${i}.name`] = `Förderlinie ${i + 1}, Programm`;
    rowLabels[`foerderung.${i}.betrag`] = `Förderlinie ${i + 1}, Betrag`;
    rowLabels[`foerderung.${i}.eigenanteil`] = `Förderlinie ${i + 1}, Eigenanteil`;
  }
  for (let i = 0; i < counts.indikator; i++) {
    rowLabels[`indikator.${i}.name`] = `Indikator ${i + 1}, Name`;
    for (const k of ["ausgangswert", "zielwert", "aktuell", "ausgangsdatum", "zieldatum", "aktuellDatum"]) rowLabels[`indikator.${i}.${k}`] = `Indikator ${i + 1}`;
    rowLabels[`indikator.${i}.ziel`] = `Indikator ${i + 1}, gemeinsames Ziel`;
  }
  for (let i = 0; i < counts.zustaendigkeit; i++) {
    rowLabels[`zustaendigkeit.${i}.ebene`] = `Zuständigkeit ${i + 1}, Ebene`;
    rowLabels[`zustaendigkeit.${i}.stelle`] = `Zuständigkeit ${i + 1}, Stelle`;
  }
  return (
    <>
      <ErrorSummary errors={errors} labels={{ ...FORM_LABELS, ...rowLabels }} />
      <Form method="post" noValidate className="projekt-form" encType={files ? "multipart/form-data" : undefined}>
        {/* Enter in a text field submits with the first submit button: make that "save", not "add a row". */}
        <button type="submit" name="intent" value="speichern" className="visually-hidden" tabIndex={-1}>
          Speichern
        </button>
        {idempotencyKey ? <IdempotencyField value={idempotencyKey} /> : null}
        {(Object.keys(counts) as RowKind[]).map((k) => (
          <input key={k} type="hidden" name={`zeilen.${k}`} value={counts[k]} />
        ))}

        <h2>Grunddaten</h2>
        <TextField name="titel" label="Titel" required errors={errors} defaultValue={v("titel")} maxLength={160} />
        <TextArea name="zusammenfassung" label="Kurzbeschreibung" hint="Ein bis drei Sätze für Listen und Suche." errors={errors} defaultValue={v("zusammenfassung")} rows={3} />
        {lockedCity ? (
          <div className="field">
            <p>
              <strong>Federführende Stadt:</strong> {lockedCity.name}
            </p>
            <input type="hidden" name="stadt" value={lockedCity.id} />
          </div>
        ) : (
          <SelectField name="stadt" label="Federführende Stadt" options={cityOptions} errors={errors} defaultValue={v("stadt")} required />
        )}
        <CheckboxGroup
          name="partner"
          legend="Partnerstädte"
          hint="Koordinierende der Partnerstädte können Fortschrittsmeldungen ergänzen."
          options={cities.filter((c) => String(c.id) !== leadId).map((c) => ({ value: String(c.id), label: c.name }))}
          checked={many("partner")}
          errors={errors}
        />
        <CheckboxGroup
          name="felder"
          legend="Handlungsfelder"
          options={Object.entries(HANDLUNGSFELDER).map(([value, label]) => ({ value, label }))}
          checked={many("felder")}
          errors={errors}
        />
        <TextField name="zielgruppen" label="Zielgruppen" hint="Durch Komma getrennt, z. B. Familien, Jugendliche, Selbstständige." errors={errors} defaultValue={v("zielgruppen")} />
        <TextField
          name="kontakt"
          label="Kontakt (Rolle)"
          hint="Eine Stelle, keine Person, z. B. „Koordinierungsstelle Nordstadt“."
          errors={errors}
          defaultValue={v("kontakt")}
        />
        <fieldset>
          <legend>Sichtbarkeit</legend>
          {errors?.sichtbarkeit ? (
            <p className="field-error" id={errorId("sichtbarkeit")}>
              {errors.sichtbarkeit}
            </p>
          ) : null}
          <div className="checkbox">
            <input type="radio" id={fieldId("sichtbarkeit")} name="sichtbarkeit" value="members" defaultChecked={v("sichtbarkeit") !== "public"} />
            <label htmlFor={fieldId("sichtbarkeit")}>Nur für Mitglieder des Städtenetzes</label>
          </div>
          <div className="checkbox">
            <input type="radio" id={fieldId("sichtbarkeit-public")} name="sichtbarkeit" value="public" defaultChecked={v("sichtbarkeit") === "public"} />
            <label htmlFor={fieldId("sichtbarkeit-public")}>Öffentlich (auch im Open-Data-Export)</label>
          </div>
        </fieldset>
        <div className="checkbox">
          <input type="checkbox" id={fieldId("suchtPartner")} name="suchtPartner" defaultChecked={v("suchtPartner") === "on"} />
          <label htmlFor={fieldId("suchtPartner")}>Sucht Partnerstädte (z. B. für eine gemeinsame ITI)</label>
        </div>

        <h2>Status</h2>
        <SelectField
          name="status"
          label="Status"
          options={Object.entries(PROJECT_STATUS).map(([value, label]) => ({ value, label }))}
          errors={errors}
          defaultValue={v("status") || "idee"}
        />
        <TextField
          name="statusDatum"
          label="Datum des Status"
          hint={mode === "bearbeiten" ? "Wird in den Verlauf übernommen, wenn sich der Status ändert." : undefined}
          type="date"
          errors={errors}
          defaultValue={v("statusDatum")}
        />
        <TextArea name="statusNotiz" label="Anmerkung zum Status" hint="Beim Abbruch: Warum wurde das Projekt abgebrochen?" errors={errors} defaultValue={v("statusNotiz")} rows={3} />

        <h2>Zeitraum und Budget</h2>
        <div className="projekt-row">
          <TextField name="beginn" label="Beginn" type="date" errors={errors} defaultValue={v("beginn")} />
          <TextField name="ende" label="Ende" type="date" errors={errors} defaultValue={v("ende")} />
          <TextField name="budget" label="Gesamtbudget in Euro" inputMode="decimal" hint="z. B. 250.000" errors={errors} defaultValue={v("budget")} />
        </div>

        <h2>Förderlinien</h2>
        <p className="hint">Je Förderprogramm eine Zeile. Leere Zeilen werden ignoriert. Förderung und Eigenanteil zusammen sollten das Budget nicht übersteigen.</p>
        {Array.from({ length: counts.foerderung }, (_, i) => {
          const slug = v(`foerderung.${i}.programm`);
          const opts = slug && !programmes.some((p) => p.slug === slug) ? [...programmeOptions, { value: slug, label: `${v(`foerderung.${i}.name`) || slug} (Verweis)` }] : programmeOptions;
          return (
            <fieldset key={`f${i}`} className="projekt-rowset">
              <legend>Förderlinie {i + 1}</legend>
              <div className="projekt-row">
                <SelectField name={`foerderung.${i}.programm`} label="Programm aus dem Förderwegweiser" options={opts} errors={errors} defaultValue={slug} />
                <TextField name={`foerderung.${i}.name`} label="Programmname" hint="Nur nötig, wenn das Programm nicht in der Liste steht." errors={errors} defaultValue={v(`foerderung.${i}.name`)} />
                <SelectField name={`foerderung.${i}.fonds`} label="Fonds" options={fondsOptions} errors={errors} defaultValue={v(`foerderung.${i}.fonds`)} />
              </div>
              <div className="projekt-row">
                <TextField name={`foerderung.${i}.betrag`} label="Förderbetrag in Euro" inputMode="decimal" errors={errors} defaultValue={v(`foerderung.${i}.betrag`)} />
                <TextField name={`foerderung.${i}.eigenanteil`} label="Eigenanteil in Euro" inputMode="decimal" errors={errors} defaultValue={v(`foerderung.${i}.eigenanteil`)} />
                <TextField name={`foerderung.${i}.kofinanzierung`} label="Quelle der Ko-Finanzierung" errors={errors} defaultValue={v(`foerderung.${i}.kofinanzierung`)} />
              </div>
            </fieldset>
          );
        })}
        <p>
          <button type="submit" name="intent" value="mehr-foerderung" className="secondary" formNoValidate disabled={busy}>
            Weitere Förderlinie
          </button>
        </p>
        <div className={`checkbox${errors?.budgetBestaetigt ? " field--error" : ""}`}>
          <input
            type="checkbox"
            id={fieldId("budgetBestaetigt")}
            name="budgetBestaetigt"
            defaultChecked={v("budgetBestaetigt") === "on"}
            aria-describedby={errors?.budgetBestaetigt ? errorId("budgetBestaetigt") : undefined}
          />
          <label htmlFor={fieldId("budgetBestaetigt")}>Ich bestätige: Die Förderlinien dürfen das Budget übersteigen (z. B. weil Anträge in Konkurrenz gestellt werden).</label>
        </div>
        {errors?.budgetBestaetigt ? (
          <p className="field-error" id={errorId("budgetBestaetigt")}>
            <span className="visually-hidden">Fehler: </span>
            {errors.budgetBestaetigt}
          </p>
        ) : null}

        <h2>Indikatoren</h2>
        <p className="hint">Woran Sie Wirkung messen: Ausgangswert, Zielwert und aktueller Wert, jeweils mit Datum.</p>
        {Array.from({ length: counts.indikator }, (_, i) => (
          <fieldset key={`i${i}`} className="projekt-rowset">
            <legend>Indikator {i + 1}</legend>
            <div className="projekt-row">
              <TextField name={`indikator.${i}.name`} label="Name" errors={errors} defaultValue={v(`indikator.${i}.name`)} />
              <TextField name={`indikator.${i}.einheit`} label="Einheit" hint="z. B. Personen, %" errors={errors} defaultValue={v(`indikator.${i}.einheit`)} />
            </div>
            <div className="projekt-row">
              <TextField name={`indikator.${i}.ausgangswert`} label="Ausgangswert" inputMode="decimal" errors={errors} defaultValue={v(`indikator.${i}.ausgangswert`)} />
              <TextField name={`indikator.${i}.ausgangsdatum`} label="Stand Ausgangswert" type="date" errors={errors} defaultValue={v(`indikator.${i}.ausgangsdatum`)} />
            </div>
            <div className="projekt-row">
              <TextField name={`indikator.${i}.zielwert`} label="Zielwert" inputMode="decimal" errors={errors} defaultValue={v(`indikator.${i}.zielwert`)} />
              <TextField name={`indikator.${i}.zieldatum`} label="Zieldatum" type="date" errors={errors} defaultValue={v(`indikator.${i}.zieldatum`)} />
            </div>
            <div className="projekt-row">
              <TextField name={`indikator.${i}.aktuell`} label="Aktueller Wert" inputMode="decimal" errors={errors} defaultValue={v(`indikator.${i}.aktuell`)} />
              <TextField name={`indikator.${i}.aktuellDatum`} label="Stand aktueller Wert" type="date" errors={errors} defaultValue={v(`indikator.${i}.aktuellDatum`)} />
            </div>
            {ziele.length ? (
              <SelectField
                name={`indikator.${i}.ziel`}
                label="Gemeinsames Ziel (Gesamtzielperspektive)"
                hint="Der aktuelle Wert zählt dann auf der Seite des Ziels unter /ziele mit. Bitte dieselbe Einheit verwenden."
                options={zielSelectOptions}
                errors={errors}
                defaultValue={v(`indikator.${i}.ziel`)}
              />
            ) : null}
          </fieldset>
        ))}
        <p>
          <button type="submit" name="intent" value="mehr-indikator" className="secondary" formNoValidate disabled={busy}>
            Weiterer Indikator
          </button>
        </p>

        <h2>Raster</h2>
        <TextArea name="problem" label="Problembeschreibung und Ziel" errors={errors} defaultValue={v("problem")} />
        <TextArea name="ansatz" label="Ansatz" errors={errors} defaultValue={v("ansatz")} />
        <TextArea name="erfolge" label="Was hat funktioniert?" errors={errors} defaultValue={v("erfolge")} />
        <TextArea name="gescheitert" label="Was ist gescheitert?" errors={errors} defaultValue={v("gescheitert")} />
        <TextArea name="gruende" label="Gründe des Scheiterns" errors={errors} defaultValue={v("gruende")} />
        {Array.from({ length: counts.zustaendigkeit }, (_, i) => (
          <fieldset key={`z${i}`} className="projekt-rowset">
            <legend>Zuständigkeit {i + 1}</legend>
            <div className="projekt-row">
              <SelectField name={`zustaendigkeit.${i}.ebene`} label="Ebene" options={ebeneOptions} errors={errors} defaultValue={v(`zustaendigkeit.${i}.ebene`)} />
              <TextField name={`zustaendigkeit.${i}.stelle`} label="Zuständige Stelle" errors={errors} defaultValue={v(`zustaendigkeit.${i}.stelle`)} />
            </div>
          </fieldset>
        ))}
        <p>
          <button type="submit" name="intent" value="mehr-zustaendigkeit" className="secondary" formNoValidate disabled={busy}>
            Weitere Zuständigkeit
          </button>
        </p>
        <TextArea name="naechsteSchritte" label="Nächste Schritte" errors={errors} defaultValue={v("naechsteSchritte")} />
        <TextField
          name="artikel"
          label="Verknüpfte Wissensartikel"
          hint="Kurznamen aus der Adresse /wissen/…, durch Komma getrennt."
          errors={errors}
          defaultValue={v("artikel")}
        />
        {mode === "bearbeiten" ? <TextField name="grund" label="Grund der Änderung (für die Versionsgeschichte)" errors={errors} defaultValue={v("grund")} /> : null}
        {files ? <FileField errors={errors} label="Dateien zum Projekt anhängen (optional)" /> : null}
        <div className="actions">
          <button type="submit" name="intent" value="speichern" disabled={busy}>
            Projekt speichern
          </button>
        </div>
      </Form>
    </>
  );
}
