import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Conditions } from "~/components/foerderung/Conditions";
import { OrNone, StatusBadge } from "~/components/foerderung/badges";
import { ExpiryHint, StandMarker } from "~/components/ReviewState";
import { getProgramme } from "~/models/programme.server";
import { AttachmentList } from "~/components/dateien/AttachmentList";
import { listAttachmentViews } from "~/models/attachment.server";
import { listProjectsUsingProgramme } from "~/models/project.server";
import { programmeRatingSummary } from "~/models/rating.server";
import { RatingSummary } from "~/components/foerderung/RatingSummary";
import { listRevisions } from "~/models/revision.server";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { can } from "~/services/permissions";
import { formatDate, formatDateTime, todayIso } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { ANTRAGSBERECHTIGT, EBENEN, FONDS, HANDLUNGSFELDER, label } from "~/utils/taxonomy";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data?.p.title ?? "Förderprogramm", data?.p.summary);

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Programmes are public; the viewer only decides which projects are listed and whether edit links show.
  const user = await getUser(request);
  const viewer = toViewer(user);
  const db = getDb();
  const p = getProgramme(db, params.slug ?? "");
  if (!p) throw new Response("Förderprogramm nicht gefunden", { status: 404 });
  const today = todayIso();
  const canEdit = can(viewer, "content.edit");
  return {
    files: listAttachmentViews(db, "programme", [p.slug], viewer).get(p.slug) ?? [],
    p: {
      slug: p.slug,
      title: p.title,
      kurz: p.kurz,
      fonds: label(FONDS, p.fonds),
      geber: p.geber,
      ebene: label(EBENEN, p.ebene),
      handlungsfelder: p.handlungsfelder.map((h) => label(HANDLUNGSFELDER, h)),
      antragsberechtigt: p.antragsberechtigt.map((a) => label(ANTRAGSBERECHTIGT, a)),
      foerderquote: p.foerderquote,
      eigenanteil: p.eigenanteil,
      kofinanzierung: p.kofinanzierung,
      ausschluss: p.ausschluss,
      fristen: p.fristen.map((f) => ({ ...f, past: f.datum < today })),
      laufzeitVon: p.laufzeitVon,
      laufzeitBis: p.laufzeitBis,
      url: p.url,
      status: p.status,
      summary: p.summary,
      stand: p.stand,
      pruefenBis: p.pruefenBis,
      stale: !!p.pruefenBis && p.pruefenBis < today,
      quellen: p.quellen,
      cooked: p.cooked,
      hasAntrag: p.cooked.includes('id="antrag-nachweis"'),
      updatedAt: p.updatedAt.toISOString(),
    },
    hasFutureDeadline: p.fristen.some((f) => f.datum >= today),
    projects: listProjectsUsingProgramme(db, p.slug, viewer).map((x) => ({ slug: x.slug, title: x.title, status: x.statusLabel, leadCity: x.leadCity, url: x.url })),
    ratings: programmeRatingSummary(db, p.slug, viewer),
    canEdit,
    revisions: canEdit
      ? listRevisions(db, "programme", p.id)
          .slice(0, 10)
          .map((r) => ({ version: r.version, source: r.source, reason: r.reason, createdAt: r.createdAt.toISOString(), authorName: r.authorName }))
      : [],
  };
}

export default function Programm() {
  const { p, projects, ratings, canEdit, revisions, hasFutureDeadline, files } = useLoaderData<typeof loader>();
  return (
    <article className="programme">
      <Breadcrumbs items={[{ label: "Förderung", to: "/foerderung" }, { label: p.title }]} />
      <h1>{p.title}</h1>
      <ul className="badges">
        <li className="badge">Fonds: {p.fonds}</li>
        <li className="badge">Ebene: {p.ebene}</li>
        <li>
          <StatusBadge status={p.status} />
          <ExpiryHint show={p.stale} what="Status" />
        </li>
        <li>
          {/* One staleness marker: prominent for Redaktion, a calm "wird überprüft" for everyone else. */}
          <StandMarker stand={p.stand} pruefenBis={p.pruefenBis} overdue={p.stale} redaktion={canEdit} />
        </li>
      </ul>
      <p className="lead">{p.summary}</p>
      {canEdit ? (
        <p>
          <Link to={`/foerderung/${p.slug}/bearbeiten`}>Programm bearbeiten</Link>
          {p.stale ? (
            <>
              {" · "}
              <Link to="/verwaltung/meine-pruefungen">Zur Prüfung</Link>
            </>
          ) : null}
        </p>
      ) : null}

      <h2 id="bedingungen">Bedingungen auf einen Blick</h2>
      <Conditions p={p} stale={p.stale} />
      <p>
        <a href={`/foerderung/${p.slug}/fristen.ics`} download>
          Fristen dieses Programms als Kalender (.ics)
        </a>
        {hasFutureDeadline ? null : <span className="muted"> – derzeit keine künftige Frist eingetragen</span>}
      </p>

      <h2 id="eckdaten">Eckdaten</h2>
      <dl className="facts">
        <dt>Kurzname</dt>
        <dd>{p.kurz}</dd>
        <dt>Fördergeber</dt>
        <dd>{p.geber}</dd>
        <dt>Handlungsfelder</dt>
        <dd>
          <OrNone>{p.handlungsfelder.length ? p.handlungsfelder.join(", ") : null}</OrNone>
        </dd>
        <dt>Laufzeit</dt>
        <dd>
          {p.laufzeitVon || p.laufzeitBis ? (
            <>
              {p.laufzeitVon ? `ab ${formatDate(p.laufzeitVon)}` : "Beginn: keine Angabe"}, {p.laufzeitBis ? `bis ${formatDate(p.laufzeitBis)}` : "Ende: keine Angabe"}
            </>
          ) : (
            <OrNone>{null}</OrNone>
          )}
        </dd>
        <dt>Website</dt>
        <dd>
          {p.url ? (
            <a href={p.url} rel="noopener noreferrer nofollow">
              {p.url}
            </a>
          ) : (
            <OrNone>{null}</OrNone>
          )}
        </dd>
      </dl>

      {p.hasAntrag ? (
        <p>
          <a href="#antrag-nachweis">Direkt zu „Antrag &amp; Nachweis“</a>
        </p>
      ) : null}
      <h2 id="erlaeuterung">Erläuterung</h2>
      {/* cooked = Markdown rendered and sanitized on write (renderMarkdown) */}
      <div className="prose programme-body" dangerouslySetInnerHTML={{ __html: p.cooked }} />
      {files.length ? (
        <>
          <h2 id="dateien">Dateien</h2>
          <AttachmentList files={files} label="Dateien zum Programm" />
        </>
      ) : null}

      <h2 id="projekte">Projekte mit diesem Programm</h2>
      {projects.length ? (
        <ul>
          {projects.map((x) => (
            <li key={x.slug}>
              <Link to={x.url}>{x.title}</Link> <span className="muted">({[x.leadCity, x.status].filter(Boolean).join(", ")})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>In der Projektdatenbank ist noch kein Projekt mit diesem Programm eingetragen.</p>
      )}

      <RatingSummary summary={ratings} />

      <h2 id="quellen">Quellen und Stand</h2>
      {p.quellen.length ? (
        <ul>
          {p.quellen.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
      ) : (
        <p>Quellen: keine Angabe</p>
      )}
      <dl className="facts">
        <dt>Stand</dt>
        <dd>{formatDate(p.stand)}</dd>
        <dt>Prüfen bis</dt>
        <dd>{p.stale && !canEdit ? "wird überprüft" : formatDate(p.pruefenBis)}</dd>
        <dt>Zuletzt geändert</dt>
        <dd>{formatDateTime(p.updatedAt)}</dd>
      </dl>

      {canEdit && revisions.length ? (
        <>
          <h2 id="versionen">Versionen</h2>
          <p>
            <Link to={`/foerderung/${p.slug}/versionen`}>Alle Versionen mit Unterschieden</Link>
          </p>
          <ol className="revision-list">
            {revisions.map((r) => (
              <li key={r.version}>
                Version {r.version}, {formatDateTime(r.createdAt)}, {r.source === "import" ? "Import" : (r.authorName ?? "unbekannt")}: {r.reason || "ohne Begründung"}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </article>
  );
}
