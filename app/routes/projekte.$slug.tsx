import { Fragment } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { listAttachmentViews } from "~/models/attachment.server";
import { AttachmentList } from "~/components/dateien/AttachmentList";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BarChart } from "~/components/charts/BarChart";
import { PROJECT_STATUS, PROJECT_VISIBILITY, statusBadgeClass } from "~/components/projekte/labels";
import { ErrorSummary, TextArea } from "~/components/ui/form";
import { addProjectUpdate, existingDocs, fundingTotals, getProjectBySlug } from "~/models/project.server";
import { getDiscussion, listInterest } from "~/models/project-exchange.server";
import { isEnded, listProjectRatings, projectProgrammes } from "~/models/rating.server";
import { ProjectExchange } from "~/components/projekte/ProjectExchange";
import { handleExchangeIntent, isExchangeIntent } from "~/services/project-exchange-action.server";
import { passRetryAfter } from "~/services/rate-limit.server";
import { listRevisions } from "~/models/revision.server";
import { forbidden, getUser, requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { can } from "~/services/permissions";
import { formatDate, formatDateTime, formatEuro, formatNumber } from "~/utils/format";
import { body, parseForm } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";
import { EBENEN, FONDS, HANDLUNGSFELDER, label } from "~/utils/taxonomy";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const headers = passRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data?.project.title ?? "Projekt", data?.project.summary);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const viewer = toViewer(user);
  const db = getDb();
  const p = getProjectBySlug(db, params.slug ?? "", viewer);
  if (!p) throw new Response("Projekt nicht gefunden", { status: 404 });
  const docs = existingDocs(
    db,
    [...p.funding.filter((f) => f.programmeSlug).map((f) => `foerderung:${f.programmeSlug}`), ...p.articleSlugs.map((s) => `wissen:${s}`)],
    viewer,
  );
  const totals = fundingTotals(p.budget, p.funding);
  const resource = { cityId: p.lead?.id ?? null, partnerCityIds: p.partners.map((c) => c.id) };
  return {
    files: listAttachmentViews(db, "project", [p.slug], viewer).get(p.slug) ?? [],
    project: {
      slug: p.slug,
      title: p.title,
      summary: p.summary,
      status: p.status,
      visibility: p.visibility,
      handlungsfelder: p.handlungsfelder,
      zielgruppen: p.zielgruppen,
      problem: p.problem,
      approach: p.approach,
      worked: p.worked,
      failed: p.failed,
      failureReasons: p.failureReasons,
      responsibilities: p.responsibilities,
      nextSteps: p.nextSteps,
      budget: p.budget,
      startDate: p.startDate,
      endDate: p.endDate,
      contactRole: p.contactRole,
      seeksPartners: p.seeksPartners,
      overBudgetConfirmed: p.overBudgetConfirmed,
      lastActivityAt: p.lastActivityAt.toISOString(),
      lead: p.lead ? { slug: p.lead.slug, name: p.lead.name } : null,
      partners: p.partners.map((c) => ({ slug: c.slug, name: c.name })),
      funding: p.funding.map((f) => ({
        id: f.id,
        programmeName: f.programmeName,
        programmeUrl: f.programmeSlug && docs.has(`foerderung:${f.programmeSlug}`) ? `/foerderung/${f.programmeSlug}` : null,
        fonds: f.fonds,
        amount: f.amount,
        ownShare: f.ownShare,
        cofinancing: f.cofinancing,
      })),
      indicators: p.indicators.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        baseline: i.baseline,
        baselineDate: i.baselineDate,
        target: i.target,
        targetDate: i.targetDate,
        current: i.current,
        currentDate: i.currentDate,
      })),
      events: p.events,
      // names of people only for signed-in members of the network; guests see the city
      updates: p.updates.map((u) => ({ id: u.id, body: u.body, createdAt: u.createdAt.toISOString(), cityName: u.cityName, authorName: user ? u.authorName : null })),
      articles: p.articleSlugs.map((s) => ({ slug: s, title: docs.get(`wissen:${s}`) ?? null })),
    },
    totals,
    revisions: listRevisions(db, "project", p.id)
      .slice(0, 10)
      .map((r) => ({ version: r.version, reason: r.reason, createdAt: r.createdAt.toISOString(), authorName: user ? r.authorName : null })),
    canEdit: can(viewer, "project.edit", resource),
    canUpdate: can(viewer, "project.addUpdate", resource),
    exchange: exchangeData(db, p, user, viewer, resource),
  };
}

function exchangeData(
  db: ReturnType<typeof getDb>,
  p: NonNullable<ReturnType<typeof getProjectBySlug>>,
  user: Awaited<ReturnType<typeof getUser>>,
  viewer: ReturnType<typeof toViewer>,
  resource: { cityId: number | null; partnerCityIds: number[] },
) {
  const interest = listInterest(db, p.id);
  const canRate = isEnded(p.status) && can(viewer, "programme.rate", { cityId: resource.cityId });
  const rated = canRate ? new Set(listProjectRatings(db, p.id).map((r) => r.programmeSlug)) : new Set<string>();
  return {
    discussion: getDiscussion(db, p.id, viewer),
    canDiscuss: can(viewer, "project.discuss", resource),
    interest: interest.map((i) => ({ slug: i.slug, name: i.name, createdAt: i.createdAt })),
    canInterest: user?.cityId != null && can(viewer, "project.interest", resource),
    ownInterest: user?.cityId != null && user.role === "koordination" && interest.some((i) => i.cityId === user.cityId),
    ownCityName: user?.cityName ?? null,
    rate: canRate ? projectProgrammes(db, p.id).map((g) => ({ slug: g.slug, name: g.name, rated: rated.has(g.slug) })) : null,
  };
}

const updateSchema = z.object({
  text: body(4000, { min: 3, minMessage: "Bitte schreiben Sie mindestens 3 Zeichen." }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const viewer = toViewer(user);
  const db = getDb();
  const p = getProjectBySlug(db, params.slug ?? "", viewer);
  if (!p) throw new Response("Projekt nicht gefunden", { status: 404 });
  const form = await request.formData();
  const intent = form.get("intent");
  if (isExchangeIntent(intent)) return handleExchangeIntent(db, user, p, intent, `/projekte/${p.slug}`);
  if (!can(viewer, "project.addUpdate", { cityId: p.lead?.id ?? null, partnerCityIds: p.partners.map((c) => c.id) }))
    forbidden("Fortschrittsmeldungen schreiben die Koordinierenden der beteiligten Städte und die Redaktion.");
  const parsed = parseForm(form, updateSchema, "Fortschrittsmeldung");
  if (!parsed.ok) return data(parsed, { status: 400 });
  addProjectUpdate(db, { id: user.id, cityId: user.cityId }, p.id, parsed.data.text);
  return redirect(`/projekte/${p.slug}#meldungen`, { headers: { "Set-Cookie": await flashHeader("Fortschrittsmeldung gespeichert.") } });
}

function Paragraphs({ text, empty = "Keine Angabe." }: { text: string; empty?: string }) {
  const parts = text.split(/\n{2,}/).filter((t) => t.trim());
  if (parts.length === 0) return <p className="muted">{empty}</p>;
  return (
    <>
      {parts.map((t, i) => (
        <p key={i} className="projekt-text">
          {t}
        </p>
      ))}
    </>
  );
}

const num = (v: number | null, unit: string) => (v == null ? "keine Angabe" : `${formatNumber(v)}${unit ? ` ${unit}` : ""}`);

export default function Projekt() {
  const { project: p, totals, revisions, canEdit, canUpdate, exchange, files } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && !actionData.ok ? actionData.errors : null;
  return (
    <article className="projekt">
      <Breadcrumbs items={[{ label: "Projekte", to: "/projekte" }, { label: p.title }]} />
      <h1>{p.title}</h1>
      <ul className="badges" aria-label="Merkmale">
        <li className={statusBadgeClass(p.status)}>Status: {PROJECT_STATUS[p.status]}</li>
        <li className="badge">{PROJECT_VISIBILITY[p.visibility]}</li>
        {p.seeksPartners ? <li className="badge badge--warn">Sucht Partnerstädte</li> : null}
      </ul>
      {p.summary ? <p className="lead">{p.summary}</p> : null}
      <div className="actions">
        {canEdit ? (
          <Link to={`/projekte/${p.slug}/bearbeiten`} className="button">
            Projekt bearbeiten
          </Link>
        ) : null}
        {p.seeksPartners || canEdit ? (
          <Link to={`/projekte/${p.slug}/passende-staedte`} className="button secondary">
            Passende Städte
          </Link>
        ) : null}
      </div>

      <dl className="facts">
        <dt>Federführung</dt>
        <dd>{p.lead ? <Link to={`/staedte/${p.lead.slug}`}>{p.lead.name}</Link> : "keine Angabe"}</dd>
        <dt>Partnerstädte</dt>
        <dd>
          {p.partners.length === 0
            ? "keine"
            : p.partners.map((c, i) => (
                <span key={c.slug}>
                  {i > 0 ? ", " : ""}
                  <Link to={`/staedte/${c.slug}`}>{c.name}</Link>
                </span>
              ))}
        </dd>
        <dt>Handlungsfelder</dt>
        <dd>{p.handlungsfelder.map((f) => label(HANDLUNGSFELDER, f)).join(", ") || "keine Angabe"}</dd>
        <dt>Zielgruppen</dt>
        <dd>{p.zielgruppen.join(", ") || "keine Angabe"}</dd>
        <dt>Zeitraum</dt>
        <dd>
          {p.startDate || p.endDate ? `${p.startDate ? formatDate(p.startDate) : "offen"} bis ${p.endDate ? formatDate(p.endDate) : "offen"}` : "keine Angabe"}
        </dd>
        <dt>Kontakt</dt>
        <dd>{p.contactRole || "keine Angabe"}</dd>
        <dt>Zuletzt aktualisiert</dt>
        <dd>{formatDateTime(p.lastActivityAt)}</dd>
      </dl>

      <h2>Raster</h2>
      {(() => {
        // Only filled parts of the grid; the empty ones are named in one line instead of repeating "Keine Angabe."
        const parts = [
          { title: "Problembeschreibung und Ziel", text: p.problem },
          { title: "Ansatz", text: p.approach },
          { title: "Was hat funktioniert?", text: p.worked },
          { title: "Was ist gescheitert?", text: p.failed },
          { title: "Gründe des Scheiterns", text: p.failureReasons },
          { title: "Zuständigkeiten", text: p.responsibilities.length ? "x" : "", list: true },
          { title: "Nächste Schritte", text: p.nextSteps },
        ];
        const empty = parts.filter((x) => !x.text.trim()).map((x) => x.title);
        return (
          <>
            {parts
              .filter((x) => x.text.trim())
              .map((x) => (
                <Fragment key={x.title}>
                  <h3>{x.title}</h3>
                  {x.list ? (
                    <ul>
                      {p.responsibilities.map((r, i) => (
                        <li key={i}>
                          <strong>{label(EBENEN, r.ebene)}:</strong> {r.stelle}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Paragraphs text={x.text} />
                  )}
                </Fragment>
              ))}
            {empty.length ? (
              <p className="muted">
                {empty.length === parts.length ? "Das Raster ist noch nicht ausgefüllt." : `Noch nicht ausgefüllt: ${empty.join(", ")}.`}
              </p>
            ) : null}
          </>
        );
      })()}

      <h2>Statusverlauf</h2>
      <ol className="projekt-timeline">
        {p.events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.date}>{formatDate(e.date)}</time>: <span className={statusBadgeClass(e.status)}>{PROJECT_STATUS[e.status]}</span>
            {e.note ? <p className="projekt-text">{e.note}</p> : null}
          </li>
        ))}
      </ol>

      <h2>Finanzierung</h2>
      {p.funding.length === 0 ? (
        <p>Noch keine Förderlinien erfasst.</p>
      ) : (
        <div className="table-wrap" role="region" aria-label="Förderlinien" tabIndex={0}>
          <table className="stack-cards">
            <caption className="visually-hidden">Förderlinien mit Summe und Finanzierungslücke</caption>
            <thead>
              <tr>
                <th scope="col">Programm</th>
                <th scope="col">Fonds</th>
                <th scope="col" className="num">
                  Förderbetrag
                </th>
                <th scope="col" className="num">
                  Eigenanteil
                </th>
                <th scope="col">Ko-Finanzierung</th>
              </tr>
            </thead>
            <tbody>
              {p.funding.map((f) => (
                <tr key={f.id}>
                  <th scope="row">{f.programmeUrl ? <Link to={f.programmeUrl}>{f.programmeName}</Link> : f.programmeName}</th>
                  <td data-label="Fonds">{f.fonds ? FONDS[f.fonds] : "–"}</td>
                  <td className="num" data-label="Förderbetrag">
                    {formatEuro(f.amount)}
                  </td>
                  <td className="num" data-label="Eigenanteil">
                    {formatEuro(f.ownShare)}
                  </td>
                  <td data-label="Ko-Finanzierung">{f.cofinancing || "–"}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Summe</th>
                <td></td>
                <td className="num" data-label="Förderbetrag">
                  {formatEuro(totals.funding)}
                </td>
                <td className="num" data-label="Eigenanteil">
                  {formatEuro(totals.own)}
                </td>
                <td></td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <dl className="facts">
        <dt>Gesamtbudget</dt>
        <dd>{p.budget == null ? "keine Angabe" : formatEuro(p.budget)}</dd>
        <dt>Gedeckt (Förderung + Eigenanteil)</dt>
        <dd>{formatEuro(totals.covered)}</dd>
        <dt>{totals.gap != null && totals.gap < 0 ? "Überdeckung" : "Verbleibende Lücke"}</dt>
        <dd>{totals.gap == null ? "ohne Budget nicht berechenbar" : formatEuro(Math.abs(totals.gap))}</dd>
      </dl>
      {totals.gap != null && totals.gap < 0 ? (
        <p className="notice">Die Förderlinien übersteigen das Budget{p.overBudgetConfirmed ? " (von der Stadt bestätigt)" : ""}.</p>
      ) : null}

      <h2>Indikatoren</h2>
      {p.indicators.length === 0 ? (
        <p>Noch keine Indikatoren erfasst.</p>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-label="Indikatoren" tabIndex={0}>
            <table className="stack-cards">
              <caption className="visually-hidden">Indikatoren mit Ausgangswert, aktuellem Wert und Zielwert</caption>
              <thead>
                <tr>
                  <th scope="col">Indikator</th>
                  <th scope="col">Ausgangswert</th>
                  <th scope="col">Aktuell</th>
                  <th scope="col">Ziel</th>
                </tr>
              </thead>
              <tbody>
                {p.indicators.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.name}</th>
                    <td data-label="Ausgangswert">
                      {num(i.baseline, i.unit)}
                      {i.baselineDate ? ` (${formatDate(i.baselineDate)})` : ""}
                    </td>
                    <td data-label="Aktuell">
                      {num(i.current, i.unit)}
                      {i.currentDate ? ` (${formatDate(i.currentDate)})` : ""}
                    </td>
                    <td data-label="Ziel">
                      {num(i.target, i.unit)}
                      {i.targetDate ? ` (bis ${formatDate(i.targetDate)})` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="projekt-charts">
            {p.indicators.map((i, n) => (
              <BarChart
                key={i.id}
                id={`indikator-${n + 1}`}
                chart={{
                  title: i.name,
                  unit: i.unit || undefined,
                  categories: ["Ausgangswert", "Aktuell", "Ziel"],
                  series: [{ name: i.name, values: [i.baseline, i.current, i.target] }],
                }}
              />
            ))}
          </div>
        </>
      )}

      <h2>Wissensartikel</h2>
      {p.articles.length === 0 ? (
        <p>Keine verknüpften Artikel.</p>
      ) : (
        <ul>
          {p.articles.map((a) => (
            <li key={a.slug}>{a.title ? <Link to={`/wissen/${a.slug}`}>{a.title}</Link> : a.slug}</li>
          ))}
        </ul>
      )}

      {files.length > 0 ? (
        <>
          <h2 id="dateien">Dateien</h2>
          <AttachmentList files={files} label="Dateien zum Projekt" />
        </>
      ) : null}

      <ProjectExchange slug={p.slug} {...exchange} />

      <h2 id="meldungen">Fortschrittsmeldungen</h2>
      {p.updates.length === 0 ? (
        <p>Noch keine Fortschrittsmeldungen.</p>
      ) : (
        <ol className="projekt-updates">
          {p.updates.map((u) => (
            <li key={u.id}>
              <p className="muted">
                {formatDateTime(u.createdAt)}
                {u.cityName ? ` · ${u.cityName}` : ""}
                {u.authorName ? ` · ${u.authorName}` : ""}
              </p>
              <Paragraphs text={u.body} />
            </li>
          ))}
        </ol>
      )}
      {canUpdate ? (
        <>
          <h3>Fortschrittsmeldung schreiben</h3>
          <ErrorSummary errors={errors} labels={{ text: "Fortschrittsmeldung" }} />
          <Form method="post" noValidate>
            <TextArea name="text" label="Fortschrittsmeldung" hint="Was hat sich getan? Keine personenbezogenen Daten." errors={errors} rows={4} />
            <button type="submit">Meldung speichern</button>
          </Form>
        </>
      ) : null}

      <h2>Versionen</h2>
      {canEdit ? (
        <p>
          <Link to={`/projekte/${p.slug}/versionen`}>Änderungen zwischen den Versionen ansehen</Link>
        </p>
      ) : null}
      <ol className="projekt-revisions">
        {revisions.map((r) => (
          <li key={r.version}>
            Version {r.version}, {formatDateTime(r.createdAt)}
            {r.authorName ? `, ${r.authorName}` : ""}: {r.reason || "ohne Begründung"}
          </li>
        ))}
      </ol>
    </article>
  );
}
