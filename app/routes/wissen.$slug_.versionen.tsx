import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getArticleBySlug, restoreArticleRevision } from "~/models/article.server";
import { diffRevisions, getRevision, listRevisions } from "~/models/revision.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { RevisionDiff } from "~/components/RevisionDiff";
import { ARTICLE_FIELD_LABELS } from "~/components/wissen/ArticleForm";
import { formatDateTime } from "~/utils/format";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Versionen: ${data.title}` : "Versionen");

const SOURCE_LABELS: Record<string, string> = { web: "Website", import: "Import", restore: "Wiederherstellung", suggestion: "Vorschlag" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "content.edit");
  const db = getDb();
  const a = getArticleBySlug(db, params.slug ?? "");
  if (!a) throw new Response("Beitrag nicht gefunden", { status: 404 });
  const url = new URL(request.url);
  const revs = listRevisions(db, "article", a.id);
  const bis = Number(url.searchParams.get("bis")) || a.version;
  const von = Number(url.searchParams.get("von")) || bis - 1;
  let diff = null;
  if (von >= 1 && bis >= 1 && von !== bis) {
    const ra = getRevision(db, "article", a.id, von);
    const rb = getRevision(db, "article", a.id, bis);
    if (!ra || !rb) throw new Response("Version nicht gefunden", { status: 404 });
    // diffLines compares whole lines: give both bodies a final newline so appending text shows only the addition.
    const nl = (b: string) => (b.endsWith("\n") ? b : `${b}\n`);
    const d = diffRevisions({ body: nl(ra.body), meta: ra.meta }, { body: nl(rb.body), meta: rb.meta });
    diff = { von, bis, body: d.body, fields: d.fields };
  }
  return {
    slug: a.slug,
    title: a.title,
    current: a.version,
    diff,
    revisions: revs.map((r) => ({
      version: r.version,
      source: SOURCE_LABELS[r.source] ?? r.source,
      reason: r.reason,
      at: r.createdAt.toISOString(),
      author: r.authorName ?? (r.source === "import" ? "Import aus Datei" : "unbekannt"),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "content.edit");
  const db = getDb();
  const a = getArticleBySlug(db, params.slug ?? "");
  if (!a) throw new Response("Beitrag nicht gefunden", { status: 404 });
  const form = await request.formData();
  const version = Number(form.get("version"));
  if (form.get("intent") !== "wiederherstellen" || !Number.isInteger(version) || version < 1) throw new Response("Ungültige Anfrage", { status: 400 });
  const restored = getRevision(db, "article", a.id, version);
  if (!restored) throw new Response("Version nicht gefunden", { status: 404 });
  if ((restored.meta as { status?: string }).status === "veroeffentlicht") await requirePermission(request, "content.publish");
  const r = restoreArticleRevision(db, a.id, version, { id: user.id });
  return redirect(`/wissen/${a.slug}/versionen`, { headers: { "Set-Cookie": await flashHeader(`Version ${version} wiederhergestellt (neue Version ${r.version}).`) } });
}

export default function Versionen() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/wissen/${d.slug}`}>Zurück zum Beitrag</Link> · <Link to={`/wissen/${d.slug}/bearbeiten`}>Bearbeiten</Link>
      </p>
      <h1>Versionen: {d.title}</h1>
      {d.diff ? (
        <section aria-labelledby="diff-titel">
          <h2 id="diff-titel">
            Unterschiede von Version {d.diff.von} zu Version {d.diff.bis}
          </h2>
          <RevisionDiff body={d.diff.body} fields={d.diff.fields} fieldLabels={ARTICLE_FIELD_LABELS} />
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
              <th scope="col">Art</th>
              <th scope="col">Grund</th>
              <th scope="col">Aktionen</th>
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
                <td>{r.source}</td>
                <td>{r.reason}</td>
                <td>
                  {r.version > 1 ? (
                    <Link to={`?von=${r.version - 1}&bis=${r.version}`}>
                      Änderungen<span className="visually-hidden"> in Version {r.version}</span>
                    </Link>
                  ) : null}
                  {r.version !== d.current ? (
                    <>
                      {r.version > 1 ? " · " : null}
                      <Link to={`?von=${r.version}&bis=${d.current}`}>
                        Mit aktueller vergleichen<span className="visually-hidden"> (Version {r.version})</span>
                      </Link>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="wiederherstellen" />
                        <input type="hidden" name="version" value={r.version} />
                        {" · "}
                        <button type="submit" className="link-button">
                          Version {r.version} wiederherstellen
                        </button>
                      </Form>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
