import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { RevisionDiff } from "~/components/RevisionDiff";
import { getProgramme, saveProgramme } from "~/models/programme.server";
import { diffRevisions, getRevision, listRevisions } from "~/models/revision.server";
import { audit } from "~/services/audit.server";
import { requirePermission } from "~/services/auth.server";
import { programmeFrontmatter } from "~/services/content/frontmatter";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { formatDateTime } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { FIELD_LABELS } from "~/utils/programme-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Versionen: ${data.kurz}` : "Versionen");

const SOURCE_LABELS: Record<string, string> = { web: "Website", import: "Import", restore: "Wiederherstellung", suggestion: "Vorschlag" };
const LABELS: Record<string, string> = { ...FIELD_LABELS, fristen: "Fristen" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "content.edit");
  const db = getDb();
  const p = getProgramme(db, params.slug ?? "");
  if (!p) throw new Response("Förderprogramm nicht gefunden", { status: 404 });
  const revs = listRevisions(db, "programme", p.id);
  const current = revs[0]?.version ?? 0;
  const url = new URL(request.url);
  const bis = Number(url.searchParams.get("bis")) || current;
  const von = Number(url.searchParams.get("von")) || bis - 1;
  let diff = null;
  if (Number.isInteger(von) && Number.isInteger(bis) && von >= 1 && bis >= 1 && von !== bis) {
    const ra = getRevision(db, "programme", p.id, von);
    const rb = getRevision(db, "programme", p.id, bis);
    if (!ra || !rb) throw new Response("Version nicht gefunden", { status: 404 });
    const d = diffRevisions(ra, rb);
    diff = { von, bis, body: d.body, fields: d.fields };
  }
  return {
    slug: p.slug,
    title: p.title,
    kurz: p.kurz,
    current,
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
  const p = getProgramme(db, params.slug ?? "");
  if (!p) throw new Response("Förderprogramm nicht gefunden", { status: 404 });
  const form = await request.formData();
  const version = Number(form.get("version"));
  if (form.get("intent") !== "wiederherstellen" || !Number.isInteger(version) || version < 1) throw new Response("Ungültige Anfrage", { status: 400 });
  const rev = getRevision(db, "programme", p.id, version);
  if (!rev) throw new Response("Version nicht gefunden", { status: 404 });
  // Revisions store the front-matter shape; validate it again before it becomes current.
  const parsed = programmeFrontmatter.safeParse(Object.fromEntries(Object.entries(rev.meta).filter(([, v]) => v !== null)));
  if (!parsed.success) throw new Response("Diese Version kann nicht wiederhergestellt werden (ungültige Angaben).", { status: 400 });
  let newVersion = 0;
  db.transaction((tx) => {
    newVersion = saveProgramme(tx, { slug: p.slug, data: parsed.data, body: rev.body, authorId: user.id, reason: `Version ${version} wiederhergestellt`, create: false, source: "restore" }).version;
    audit(tx, { actorId: user.id, action: "programme.restore", entityType: "programme", entityId: p.id, detail: { slug: p.slug, version, newVersion } });
  });
  return redirect(`/foerderung/${p.slug}/versionen`, { headers: { "Set-Cookie": await flashHeader(`Version ${version} wiederhergestellt (neue Version ${newVersion}).`) } });
}

export default function Versionen() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/foerderung/${d.slug}`}>Zurück zum Programm</Link> · <Link to={`/foerderung/${d.slug}/bearbeiten`}>Bearbeiten</Link>
      </p>
      <h1>Versionen: {d.title}</h1>
      {d.diff ? (
        <section aria-labelledby="diff-titel">
          <h2 id="diff-titel">
            Unterschiede von Version {d.diff.von} zu Version {d.diff.bis}
          </h2>
          <RevisionDiff body={d.diff.body} fields={d.diff.fields} fieldLabels={LABELS} />
        </section>
      ) : (
        <p>Es gibt nur eine Version.</p>
      )}
      <h2 id="alle-versionen">Alle Versionen</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Wann</th>
              <th scope="col">Wer</th>
              <th scope="col">Quelle</th>
              <th scope="col">Grund</th>
              <th scope="col">Aktion</th>
            </tr>
          </thead>
          <tbody>
            {d.revisions.map((r) => (
              <tr key={r.version}>
                <th scope="row">{r.version}</th>
                <td>{formatDateTime(r.at)}</td>
                <td>{r.author}</td>
                <td>{r.source}</td>
                <td>{r.reason || "–"}</td>
                <td>
                  {r.version > 1 ? (
                    <Link to={`?von=${r.version - 1}&bis=${r.version}`}>
                      Änderungen<span className="visually-hidden"> in Version {r.version}</span>
                    </Link>
                  ) : null}
                  {r.version !== d.current ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="version" value={r.version} />
                      {" "}
                      <button type="submit" name="intent" value="wiederherstellen" className="link-button">
                        Wiederherstellen<span className="visually-hidden">: Version {r.version}</span>
                      </button>
                    </Form>
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
