import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import css from "~/components/forderungen/forderungen.css";
import { EBENE_HEADINGS, FORDERUNG_STATUS, lsLabel } from "~/components/forderungen/labels";
import { PROPOSAL_LABELS, proposalSchema } from "~/components/forderungen/proposal-schema";
import { StatusBadge } from "~/components/forderungen/StatusBadge";
import { ErrorSummary, SelectField, TextArea, TextField } from "~/components/ui/form";
import { getForderung, listHistory, listProposals, proposeStatusChange } from "~/models/forderung.server";
import { getUser, requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { can } from "~/services/permissions";
import { formatDate, formatDateTime, todayIso } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";
import { EBENEN, HANDLUNGSFELDER, type Ebene, type Handlungsfeld } from "~/utils/taxonomy";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];
export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? data.forderung.titel : "Forderung nicht gefunden");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = toViewer(await getUser(request));
  const db = getDb();
  const f = getForderung(db, params.slug ?? "");
  if (!f) throw new Response("Diese Forderung gibt es nicht.", { status: 404 });
  const history = listHistory(db, f.id).map((h) => ({
    id: h.id,
    status: h.status,
    datum: h.datum,
    nachweis: h.nachweis,
    nachweisUrl: h.nachweisUrl,
    begruendung: h.begruendung,
    author: h.author,
  }));
  const pending = listProposals(db, viewer, { forderungId: f.id }).map((p) => ({ id: p.id, status: p.status, datum: p.datum, nachweis: p.nachweis, author: p.author, createdAt: p.createdAt.toISOString() }));
  return {
    forderung: { slug: f.slug, titel: f.titel, text: f.text, stelle: f.stelle, ebene: f.ebene, loesungsszenario: f.loesungsszenario, artikel: f.artikel, quelle: f.quelle, status: f.status, statusDatum: f.statusDatum, handlungsfelder: f.handlungsfelder },
    history,
    pending,
    canPropose: can(viewer, "forderung.propose"),
    canDecide: can(viewer, "forderung.decide"),
    today: todayIso(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const viewer = toViewer(user)!;
  if (!can(viewer, "forderung.propose")) throw new Response("Nur Koordination und Redaktion können einen Status vorschlagen.", { status: 403 });
  const db = getDb();
  const f = getForderung(db, params.slug ?? "");
  if (!f) throw new Response("Diese Forderung gibt es nicht.", { status: 404 });
  const form = await request.formData();
  const parsed = parseForm(form, proposalSchema, "Status ändern");
  if (!parsed.ok) return data(parsed, { status: 400 });
  const d = parsed.data;
  const result = proposeStatusChange(db, viewer, f.id, { status: d.status, datum: d.datum, nachweis: d.nachweis, nachweisUrl: d.nachweis_url ?? null, begruendung: d.begruendung ?? null });
  const message = result.state === "bestaetigt" ? "Status geändert." : "Vorschlag gespeichert. Er erscheint nach Bestätigung durch die Redaktion im Verlauf.";
  return redirect(`/forderungen/${f.slug}`, { headers: { "Set-Cookie": await flashHeader(message) } });
}

export default function ForderungDetail() {
  const { forderung: f, history, pending, canPropose, canDecide, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && !actionData.ok ? actionData.errors : undefined;
  const values = actionData && !actionData.ok ? actionData.values : {};
  return (
    <article className="narrow">
      <Breadcrumbs items={[{ label: "Forderungen", to: "/forderungen" }, { label: EBENE_HEADINGS[f.ebene as Ebene], to: `/forderungen?ebene=${f.ebene}` }, { label: f.titel }]} />
      <h1>{f.titel}</h1>
      <p>
        <StatusBadge status={f.status} /> {f.statusDatum ? <>seit {formatDate(f.statusDatum)}</> : <>Stand unbekannt</>}
      </p>
      <dl className="conditions">
        <dt>Wer ist am Zug?</dt>
        <dd>
          {EBENEN[f.ebene as Ebene]}: {f.stelle}
        </dd>
        <dt>Lösungsszenario</dt>
        <dd>
          <Link to={`/wissen/${f.artikel}`}>{lsLabel(f.loesungsszenario)}</Link>
        </dd>
        <dt>Handlungsfelder</dt>
        <dd>{f.handlungsfelder.length ? f.handlungsfelder.map((h) => HANDLUNGSFELDER[h as Handlungsfeld] ?? h).join(", ") : "keine Angabe"}</dd>
        <dt>Quelle</dt>
        <dd>{f.quelle}</dd>
      </dl>
      <p>{f.text}</p>

      <h2 id="verlauf">Verlauf</h2>
      {history.length ? (
        <ol className="forderung-history" aria-labelledby="verlauf">
          {history.map((h) => (
            <li key={h.id}>
              <p>
                <time dateTime={h.datum}>{formatDate(h.datum)}</time>: <StatusBadge status={h.status} />
              </p>
              <p>
                Nachweis: {h.nachweis}
                {h.nachweisUrl ? (
                  <>
                    {" "}
                    (<a href={h.nachweisUrl}>Quelle öffnen</a>)
                  </>
                ) : null}
              </p>
              {h.begruendung ? <p>Anmerkung: {h.begruendung}</p> : null}
              <p className="forderung-meta">Eingetragen von {h.author}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>Noch kein Statuswechsel erfasst: Stand unbekannt, der Status ist „offen“ seit dem Handlungsrahmen (31.01.2013).</p>
      )}

      {pending.length ? (
        <section aria-labelledby="vorschlaege">
          <h2 id="vorschlaege">{canDecide ? "Offene Vorschläge" : "Ihre offenen Vorschläge"}</h2>
          {pending.map((p) => (
            <div key={p.id} className="forderung-proposal">
              <p>
                <StatusBadge status={p.status} /> zum <time dateTime={p.datum}>{formatDate(p.datum)}</time>, vorgeschlagen von {p.author} am {formatDateTime(p.createdAt)}
              </p>
              <p>{p.nachweis}</p>
              <p className="forderung-meta">{canDecide ? <Link to="/forderungen/vorschlaege">Bestätigen oder ablehnen</Link> : "Wartet auf Bestätigung durch die Redaktion."}</p>
            </div>
          ))}
        </section>
      ) : null}

      {canPropose ? (
        <section aria-labelledby="status-aendern">
          <h2 id="status-aendern">{canDecide ? "Status ändern" : "Statusänderung vorschlagen"}</h2>
          {!canDecide ? <p>Ihr Vorschlag erscheint im Verlauf, sobald die Redaktion ihn bestätigt hat.</p> : null}
          <ErrorSummary errors={errors} labels={PROPOSAL_LABELS} />
          <Form method="post" noValidate>
            <SelectField
              name="status"
              label={PROPOSAL_LABELS.status}
              errors={errors}
              defaultValue={values.status ?? f.status}
              options={Object.entries(FORDERUNG_STATUS).map(([value, label]) => ({ value, label }))}
            />
            <TextField name="datum" type="date" label={PROPOSAL_LABELS.datum} errors={errors} defaultValue={values.datum ?? today} required hint="Wann ist das geschehen, was der Nachweis belegt?" />
            <TextArea name="nachweis" label={PROPOSAL_LABELS.nachweis} errors={errors} defaultValue={values.nachweis ?? ""} required rows={4} maxLength={2000} hint="Was ist geschehen, und wo steht es (Gesetz, Erlass, Pressemitteilung, Beschluss)?" />
            <TextField name="nachweis_url" type="url" label={PROPOSAL_LABELS.nachweis_url} errors={errors} defaultValue={values.nachweis_url ?? ""} maxLength={500} hint="Optional, beginnend mit https://" />
            <TextArea name="begruendung" label={PROPOSAL_LABELS.begruendung} errors={errors} defaultValue={values.begruendung ?? ""} rows={2} maxLength={2000} hint="Optional" />
            <button type="submit">{canDecide ? "Status speichern" : "Vorschlag senden"}</button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}
