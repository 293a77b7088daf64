import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RevisionDiff } from "~/components/RevisionDiff";
import { getProjectForEdit } from "~/models/project.server";
import { diffRevisions, getRevision, listRevisions } from "~/models/revision.server";
import { forbidden, requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { can, visibilityFor } from "~/services/permissions";
import { formatDateTime } from "~/utils/format";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Versionen: ${data.title}` : "Versionen");

const FIELD_LABELS: Record<string, string> = {
  title: "Titel",
  summary: "Kurzbeschreibung",
  leadCityId: "Federführende Stadt (Nr.)",
  partnerCityIds: "Partnerstädte (Nr.)",
  status: "Status",
  statusDate: "Datum des Status",
  handlungsfelder: "Handlungsfelder",
  zielgruppen: "Zielgruppen",
  responsibilities: "Zuständigkeiten",
  budget: "Budget",
  startDate: "Beginn",
  endDate: "Ende",
  contactRole: "Kontakt",
  visibility: "Sichtbarkeit",
  seeksPartners: "Sucht Partnerstädte",
  overBudgetConfirmed: "Budgetüberschreitung bestätigt",
  fundingLines: "Förderlinien",
  indicators: "Indikatoren",
  articleSlugs: "Wissensartikel",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = toViewer(user);
  const db = getDb();
  const p = getProjectForEdit(db, params.slug ?? "");
  if (!p || !visibilityFor(viewer).includes(p.visibility)) throw new Response("Projekt nicht gefunden", { status: 404 });
  if (!can(viewer, "project.edit", { cityId: p.lead?.id ?? null })) forbidden("Die Versionsgeschichte sehen alle, die das Projekt bearbeiten dürfen.");
  const revs = listRevisions(db, "project", p.id);
  const current = revs[0]?.version ?? 1;
  const url = new URL(request.url);
  const bis = Number(url.searchParams.get("bis")) || current;
  const von = Number(url.searchParams.get("von")) || bis - 1;
  let diff = null;
  if (von >= 1 && bis >= 1 && von !== bis) {
    const ra = getRevision(db, "project", p.id, von);
    const rb = getRevision(db, "project", p.id, bis);
    if (!ra || !rb) throw new Response("Version nicht gefunden", { status: 404 });
    const nl = (b: string) => (b.endsWith("\n") ? b : `${b}\n`);
    const d = diffRevisions({ body: nl(ra.body), meta: ra.meta }, { body: nl(rb.body), meta: rb.meta });
    diff = { von, bis, body: d.body, fields: d.fields };
  }
  return {
    slug: p.slug,
    title: p.title,
    current,
    diff,
    revisions: revs.map((r) => ({ version: r.version, reason: r.reason, at: r.createdAt.toISOString(), author: r.authorName ?? "unbekannt" })),
  };
}

export default function ProjektVersionen() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/projekte/${d.slug}`}>Zurück zum Projekt</Link>
      </p>
      <h1>Versionen: {d.title}</h1>
      {d.diff ? (
        <section aria-labelledby="diff-titel">
          <h2 id="diff-titel">
            Unterschiede von Version {d.diff.von} zu Version {d.diff.bis}
          </h2>
          <RevisionDiff body={d.diff.body} fields={d.diff.fields} fieldLabels={FIELD_LABELS} />
        </section>
      ) : (
        <p>Es gibt nur eine Version.</p>
      )}
      <h2>Alle Versionen</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Zeit</th>
              <th scope="col">Von</th>
              <th scope="col">Grund</th>
              <th scope="col">Vergleich</th>
            </tr>
          </thead>
          <tbody>
            {d.revisions.map((r) => (
              <tr key={r.version}>
                <th scope="row">
                  {r.version}
                  {r.version === d.current ? " (aktuell)" : ""}
                </th>
                <td>{formatDateTime(r.at)}</td>
                <td>{r.author}</td>
                <td>{r.reason || "ohne Begründung"}</td>
                <td>
                  {r.version > 1 ? (
                    <Link to={`?von=${r.version - 1}&bis=${r.version}`}>
                      Änderungen<span className="visually-hidden"> in Version {r.version}</span>
                    </Link>
                  ) : (
                    "–"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
