// /ankommen/laufzettel – a printable, bilingual checklist for one city, built from the guides and the city's
// Anlaufstellen. A GET form: nothing about the family is entered, sent or stored.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { getDb } from "~/services/db.server";
import { buildLaufzettel, isSprache, isStation, listCityChoices } from "~/models/ankommen.server";
import { getCityBySlug } from "~/models/city.server";
import { AnlaufstellenList, toAnlaufstelleView } from "~/components/ankommen/AnlaufstellenList";
import { ErrorSummary, CheckboxGroup, SelectField } from "~/components/ui/form";
import type { FieldErrors } from "~/utils/forms";
import { formatDate, todayIso } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { getEnv } from "~/services/env.server";
import { ANKOMMEN_SPRACHEN, ANKOMMEN_SPRACHEN_DE, ANKOMMEN_STATIONEN, keysOf, type AnkommenSprache, type AnkommenStation } from "~/utils/taxonomy";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction = () => titleMeta("Laufzettel", "Zweisprachiger Laufzettel zum Ausdrucken: Schritte, Anlaufstellen und Öffnungszeiten einer Stadt.");

const LABELS = { stadt: "Stadt", stationen: "Stationen", sprache1: "Erste Sprache", sprache2: "Zweite Sprache" };

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const sp = url.searchParams;
  const db = getDb();
  const cities = listCityChoices(db).map((c) => ({ slug: c.slug, name: c.name }));
  const stationen = sp.getAll("stationen").filter(isStation);
  const s1 = sp.get("sprache1");
  const s2 = sp.get("sprache2");
  const values = {
    stadt: sp.get("stadt") ?? "",
    stationen: stationen as string[],
    sprache1: isSprache(s1) ? s1 : "de",
    sprache2: isSprache(s2) ? s2 : "bg",
  };
  const submitted = sp.has("erstellen");
  const errors: FieldErrors = {};
  const city = values.stadt ? getCityBySlug(db, values.stadt) : null;
  if (submitted) {
    if (!city) errors.stadt = "Bitte wählen Sie die Stadt, für die der Laufzettel gelten soll.";
    if (stationen.length === 0) errors.stationen = "Bitte wählen Sie mindestens eine Station.";
    if (values.sprache1 === values.sprache2) errors.sprache2 = "Bitte wählen Sie zwei verschiedene Sprachen.";
  }
  const ok = submitted && Object.keys(errors).length === 0 && city;
  const sections = ok
    ? buildLaufzettel(db, { cityId: city.id, stationen: stationen as AnkommenStation[], sprachen: [values.sprache1, values.sprache2] as [AnkommenSprache, AnkommenSprache] }).map((s) => ({
        ...s,
        stellen: s.stellen.map(toAnlaufstelleView),
      }))
    : null;
  return {
    cities,
    values,
    errors: submitted ? errors : null,
    city: city ? { name: city.name } : null,
    sections,
    printedUrl: getEnv().publicUrl + url.pathname + url.search,
    today: todayIso(),
  };
}

export default function Laufzettel() {
  const d = useLoaderData<typeof loader>();
  const [l1, l2] = [d.values.sprache1 as AnkommenSprache, d.values.sprache2 as AnkommenSprache];
  const langOptions = keysOf(ANKOMMEN_SPRACHEN).map((l) => ({ value: l, label: `${ANKOMMEN_SPRACHEN_DE[l]}${l !== "de" && l !== "de-x-ls" ? ` (${ANKOMMEN_SPRACHEN[l]})` : ""}` }));
  return (
    <>
      <div className="no-print">
        <Breadcrumbs items={[{ label: "Ankommen", to: "/ankommen" }, { label: "Laufzettel" }]} />
        <h1>Laufzettel erstellen</h1>
        <p>
          Für eine Familie oder eine Person, die neu in der Stadt ist: Wählen Sie die Stadt, die Stationen, die jetzt anstehen, und zwei
          Sprachen. Der Laufzettel zeigt je Station die Schritte in beiden Sprachen nebeneinander, die örtlichen Anlaufstellen mit
          Öffnungszeiten und was mitzubringen ist.
        </p>
        <p className="notice">
          <strong>Datenschutz:</strong> Hier werden keine Angaben zu Personen eingegeben oder gespeichert. Namen oder Termine tragen Sie
          bei Bedarf von Hand auf dem Ausdruck ein.
        </p>
        <ErrorSummary errors={d.errors} labels={LABELS} />
        <Form method="get" className="laufzettel-form">
          <SelectField
            name="stadt"
            label={LABELS.stadt}
            errors={d.errors}
            defaultValue={d.values.stadt}
            options={[{ value: "", label: "– bitte wählen –" }, ...d.cities.map((c) => ({ value: c.slug, label: c.name }))]}
          />
          <CheckboxGroup name="stationen" legend={LABELS.stationen} options={ANKOMMEN_STATIONEN} checked={d.values.stationen} errors={d.errors} />
          <SelectField name="sprache1" label={LABELS.sprache1} errors={d.errors} defaultValue={l1} options={langOptions} />
          <SelectField name="sprache2" label={LABELS.sprache2} errors={d.errors} defaultValue={l2} options={langOptions} />
          <button type="submit" name="erstellen" value="1">
            Laufzettel erstellen
          </button>
        </Form>
      </div>
      {d.sections ? (
        <section className="laufzettel" aria-labelledby="laufzettel-titel">
          <header className="laufzettel-kopf">
            <h2 id="laufzettel-titel">
              Laufzettel {d.city?.name} · <span lang={l1}>{ANKOMMEN_SPRACHEN[l1]}</span> / <span lang={l2}>{ANKOMMEN_SPRACHEN[l2]}</span>
            </h2>
            <p>
              Erstellt am {formatDate(d.today)} · {d.printedUrl}
            </p>
            <p className="no-print">Zum Ausdrucken: Strg + P (Mac: ⌘ + P). Der Ausdruck enthält nur den Laufzettel.</p>
          </header>
          {d.sections.length === 0 ? <p>Für diese Auswahl gibt es noch keine Wegweiser.</p> : null}
          {d.sections.map((s) => (
            <section key={s.station} className="laufzettel-station" aria-labelledby={`lz-${s.station}`}>
              <h3 id={`lz-${s.station}`}>
                {s.label}
                {s.titles[1] && l2 !== "de" ? (
                  <>
                    {" / "}
                    <span lang={l2}>{s.titles[1]}</span>
                  </>
                ) : null}
              </h3>
              <table className="laufzettel-tabelle">
                <caption className="visually-hidden">
                  Schritte {s.label}: {ANKOMMEN_SPRACHEN_DE[l1]} und {ANKOMMEN_SPRACHEN_DE[l2]}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="lz-check">
                      <span className="visually-hidden">Erledigt</span>
                    </th>
                    <th scope="col" lang={l1}>
                      {ANKOMMEN_SPRACHEN[l1]}
                    </th>
                    <th scope="col" lang={l2}>
                      {ANKOMMEN_SPRACHEN[l2]}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.steps.map(([a, b], i) => (
                    <tr key={i}>
                      <td className="lz-check">
                        <span aria-hidden="true">☐</span>
                        <span className="visually-hidden">Schritt {i + 1}</span>
                      </td>
                      <td lang={l1} dangerouslySetInnerHTML={{ __html: a || "–" }} />
                      <td lang={l2} dangerouslySetInnerHTML={{ __html: b || "–" }} />
                    </tr>
                  ))}
                </tbody>
              </table>
              {s.stellen.length ? (
                <div className="laufzettel-stellen">
                  <h4>Anlaufstellen in {d.city?.name}</h4>
                  <AnlaufstellenList stellen={s.stellen} headingLevel={4} />
                </div>
              ) : null}
            </section>
          ))}
        </section>
      ) : null}
    </>
  );
}

