// /staedte/:slug/anlaufstellen – a city's local offices for newcomers. Everyone may read them; the city's
// coordinators and Redaktion maintain them (can("anlaufstelle.edit")), with history and audit. No deletion:
// an office that closes is archived.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "~/services/db.server";
import { getUser, requireUser, forbidden, toViewer } from "~/services/auth.server";
import { can } from "~/services/permissions";
import { flashHeader } from "~/services/flash.server";
import { getCityBySlug } from "~/models/city.server";
import { archiveAnlaufstelle, getAnlaufstelle, listAnlaufstellen, saveAnlaufstelle } from "~/models/ankommen.server";
import { AnlaufstellenList, spracheLabel, toAnlaufstelleView, type AnlaufstelleView } from "~/components/ankommen/AnlaufstellenList";
import { CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField } from "~/components/ui/form";
import { body, failure, line, parseForm, type FormFailure } from "~/utils/forms";
import { pageTitle } from "~/utils/meta";
import { ANKOMMEN_STATIONEN, HANDLUNGSFELDER, keysOf } from "~/utils/taxonomy";

const SPRACHEN = ["de", "bg", "ro", "en", "tr", "ar", "rom"] as const;
const TITLE = "Anlaufstelle speichern";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(data ? `Anlaufstellen in ${data.city.name}` : "Anlaufstellen") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const city = getCityBySlug(db, params.slug ?? "");
  if (!city) throw new Response("Stadt nicht gefunden", { status: 404 });
  const viewer = toViewer(await getUser(request));
  const mayEdit = can(viewer, "anlaufstelle.edit", { cityId: city.id });
  const editId = Number(new URL(request.url).searchParams.get("bearbeiten"));
  const editing = mayEdit && Number.isInteger(editId) && editId > 0 ? getAnlaufstelle(db, editId) : null;
  return {
    city: { slug: city.slug, name: city.name },
    stellen: listAnlaufstellen(db, city.id).map((s) => ({ ...toAnlaufstelleView(s), stationen: s.stationen })),
    mayEdit,
    editing: editing && editing.cityId === city.id && !editing.archivedAt ? { ...toAnlaufstelleView(editing), stationen: editing.stationen } : null,
  };
}

const list = <T extends [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values, { errorMap: () => ({ message }) })).max(values.length));

const schema = z.object({
  id: z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.number().int().positive().optional()),
  name: line(150, { min: 1, minMessage: "Bitte geben Sie den Namen der Anlaufstelle ein." }),
  handlungsfeld: z.enum(keysOf(HANDLUNGSFELDER), { errorMap: () => ({ message: "Bitte wählen Sie einen Bereich." }) }),
  stationen: list(keysOf(ANKOMMEN_STATIONEN), "Unbekannte Station.").refine((v) => v.length > 0, "Bitte wählen Sie mindestens eine Station."),
  adresse: body(300, { min: 1, minMessage: "Bitte geben Sie die Adresse ein." }),
  oeffnungszeiten: body(500),
  telefon: line(40).refine((v) => v === "" || /^[+\d][\d\s/()-]{3,38}$/.test(v), "Bitte eine Telefonnummer aus Ziffern, Leerzeichen, +, /, ( ) oder - angeben."),
  email: line(200).refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), "Bitte eine gültige E-Mail-Adresse der Stelle angeben."),
  sprachen: list([...SPRACHEN], "Unbekannte Sprache."),
  terminNoetig: z.preprocess((v) => v === "ja", z.boolean()),
  hinweis: body(1000),
  grund: line(300, { min: 1, minMessage: "Bitte geben Sie kurz an, was Sie geändert haben (für die Versionsgeschichte)." }),
});

const LABELS: Record<string, string> = {
  name: "Name",
  handlungsfeld: "Bereich",
  stationen: "Stationen",
  adresse: "Adresse",
  oeffnungszeiten: "Öffnungszeiten",
  telefon: "Telefon",
  email: "E-Mail der Stelle",
  sprachen: "Sprachen",
  hinweis: "Hinweis",
  grund: "Grund der Änderung",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const city = getCityBySlug(db, params.slug ?? "");
  if (!city) throw new Response("Stadt nicht gefunden", { status: 404 });
  const user = await requireUser(request);
  if (!can(toViewer(user), "anlaufstelle.edit", { cityId: city.id })) forbidden("Nur die Koordination dieser Stadt und die Redaktion pflegen ihre Anlaufstellen.");
  const form = await request.formData();
  const back = `/staedte/${city.slug}/anlaufstellen`;
  if (form.get("intent") === "archivieren") {
    const id = Number(form.get("id"));
    const existing = Number.isInteger(id) ? getAnlaufstelle(db, id) : null;
    if (!existing || existing.cityId !== city.id) throw new Response("Anlaufstelle nicht gefunden", { status: 404 });
    if (form.get("bestaetigt") !== "ja")
      return data(failure("Anlaufstelle archivieren", { [`bestaetigt-${id}`]: "Bitte bestätigen Sie, dass die Anlaufstelle archiviert werden soll." }), { status: 400 });
    if (!existing.archivedAt) archiveAnlaufstelle(db, { id, actorId: user.id });
    return redirect(back, { headers: { "Set-Cookie": await flashHeader(`${existing.name} archiviert.`) } });
  }
  const parsed = parseForm(form, schema, TITLE);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const { id, grund, ...rest } = parsed.data;
  if (id) {
    const existing = getAnlaufstelle(db, id);
    if (!existing || existing.cityId !== city.id || existing.archivedAt) throw new Response("Anlaufstelle nicht gefunden", { status: 404 });
  }
  saveAnlaufstelle(db, { id, cityId: city.id, actorId: user.id, data: rest, reason: grund });
  return redirect(back, { headers: { "Set-Cookie": await flashHeader(`${rest.name} gespeichert.`) } });
}

type Editable = AnlaufstelleView & { stationen: string[] };

function StelleForm({ stelle, result }: { stelle: Editable | null; result: FormFailure | null }) {
  const errors = result?.errors ?? null;
  const v = (k: keyof Editable) => (result?.values?.[k] as string | undefined) ?? (stelle ? String(stelle[k] ?? "") : "");
  return (
    <Form method="post" className="stack">
      <ErrorSummary errors={errors} labels={LABELS} />
      {stelle ? <input type="hidden" name="id" value={stelle.id} /> : null}
      <TextField name="name" label={LABELS.name} errors={errors} defaultValue={v("name")} required maxLength={150} />
      <SelectField
        name="handlungsfeld"
        label={LABELS.handlungsfeld}
        errors={errors}
        defaultValue={v("handlungsfeld")}
        options={[{ value: "", label: "– bitte wählen –" }, ...Object.entries(HANDLUNGSFELDER).map(([value, label]) => ({ value, label }))]}
      />
      <CheckboxGroup
        name="stationen"
        legend={LABELS.stationen}
        hint="Bei welchen Schritten des Ankommens hilft die Stelle? Danach erscheint sie in den Wegweisern und im Laufzettel."
        options={ANKOMMEN_STATIONEN}
        checked={stelle?.stationen ?? []}
        errors={errors}
      />
      <TextArea name="adresse" label={LABELS.adresse} errors={errors} defaultValue={v("adresse")} rows={3} required maxLength={300} />
      <TextArea name="oeffnungszeiten" label={LABELS.oeffnungszeiten} hint="z. B. Mo–Fr 9–12 Uhr, Do 14–18 Uhr" errors={errors} defaultValue={v("oeffnungszeiten")} rows={3} maxLength={500} />
      <TextField name="telefon" label={LABELS.telefon} type="tel" errors={errors} defaultValue={v("telefon")} maxLength={40} />
      <TextField name="email" label={LABELS.email} hint="Nur die Adresse der Stelle, nie die einer einzelnen Person." type="email" errors={errors} defaultValue={v("email")} maxLength={200} />
      <CheckboxGroup
        name="sprachen"
        legend={LABELS.sprachen}
        options={SPRACHEN.map((s) => ({ value: s, label: spracheLabel(s) }))}
        checked={stelle?.sprachen ?? []}
        errors={errors}
      />
      <div className="checkbox">
        <input type="checkbox" id="feld-terminNoetig" name="terminNoetig" value="ja" defaultChecked={stelle?.terminNoetig ?? false} />
        <label htmlFor="feld-terminNoetig">Nur mit Termin</label>
      </div>
      <TextArea name="hinweis" label={LABELS.hinweis} errors={errors} defaultValue={v("hinweis")} rows={2} maxLength={1000} />
      <TextField name="grund" label={LABELS.grund} errors={errors} defaultValue={stelle ? "" : "Neu eingetragen"} required maxLength={300} />
      <button type="submit">{stelle ? "Änderungen speichern" : "Anlaufstelle eintragen"}</button>
    </Form>
  );
}

export default function Anlaufstellen() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormFailure | undefined;
  return (
    <>
      <nav aria-label="Brotkrumen" className="breadcrumb">
        <ol>
          <li>
            <Link to="/staedte">Städte</Link>
          </li>
          <li>
            <Link to={`/staedte/${d.city.slug}`}>{d.city.name}</Link>
          </li>
          <li aria-current="page">Anlaufstellen</li>
        </ol>
      </nav>
      <h1>Anlaufstellen in {d.city.name}</h1>
      <p>
        Wohin Neuzugewanderte in {d.city.name} gehen können. Die Stellen erscheinen in den <Link to={`/ankommen?stadt=${d.city.slug}`}>Ankommen-Wegweisern</Link> und im{" "}
        <Link to={`/ankommen/laufzettel?stadt=${d.city.slug}`}>Laufzettel</Link>.
      </p>
      {d.stellen.length ? <AnlaufstellenList stellen={d.stellen} headingLevel={2} /> : <p>Noch keine Anlaufstelle eingetragen.</p>}
      {d.mayEdit ? (
        <>
          {d.stellen.length ? (
            <section aria-labelledby="pflegen-titel">
              <h2 id="pflegen-titel">Einträge pflegen</h2>
              <ul className="stack">
                {d.stellen.map((s) => (
                  <li key={s.id}>
                    <Link to={`?bearbeiten=${s.id}#bearbeiten-titel`}>{s.name} bearbeiten</Link>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="archivieren" />
                      <input type="hidden" name="id" value={s.id} />
                      <div className="checkbox">
                        <input type="checkbox" id={`feld-bestaetigt-${s.id}`} name="bestaetigt" value="ja" />
                        <label htmlFor={`feld-bestaetigt-${s.id}`}>Ja, {s.name} ist geschlossen oder nicht mehr zuständig</label>
                      </div>
                      <button type="submit">Archivieren</button>
                    </Form>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="bearbeiten-titel">
            <h2 id="bearbeiten-titel">{d.editing ? `${d.editing.name} bearbeiten` : "Neue Anlaufstelle eintragen"}</h2>
            <StelleForm key={d.editing?.id ?? "neu"} stelle={d.editing} result={result && result.title === TITLE ? result : null} />
            {result && result.title !== TITLE ? <ErrorSummary errors={result.errors} /> : null}
          </section>
        </>
      ) : null}
    </>
  );
}
