import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProgrammeForm } from "~/components/foerderung/ProgrammeForm";
import { getProgramme, saveProgramme, toFrontmatter } from "~/models/programme.server";
import { listRevisions } from "~/models/revision.server";
import { audit } from "~/services/audit.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { formatDateTime } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { parseProgrammeForm, valuesFromFrontmatter } from "~/utils/programme-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Bearbeiten: ${data.kurz}` : "Förderprogramm bearbeiten");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "content.edit");
  const db = getDb();
  const p = getProgramme(db, params.slug ?? "");
  if (!p) throw new Response("Förderprogramm nicht gefunden", { status: 404 });
  return {
    slug: p.slug,
    title: p.title,
    kurz: p.kurz,
    imported: p.importHash != null,
    values: valuesFromFrontmatter(toFrontmatter(p), p.body),
    revisions: listRevisions(db, "programme", p.id).map((r) => ({
      version: r.version,
      source: r.source,
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
      authorName: r.authorName,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "content.edit");
  const db = getDb();
  const p = getProgramme(db, params.slug ?? "");
  if (!p) throw new Response("Förderprogramm nicht gefunden", { status: 404 });
  const form = await request.formData();
  const r = parseProgrammeForm(form, { create: false });
  if (!r.ok) return data({ ok: false as const, title: "Förderprogramm bearbeiten", errors: r.errors, values: r.values }, { status: 400 });
  let version = 0;
  db.transaction((tx) => {
    version = saveProgramme(tx, { slug: p.slug, data: r.data, body: r.body, authorId: user.id, reason: r.reason, create: false }).version;
    audit(tx, { actorId: user.id, action: "programme.edit", entityType: "programme", entityId: p.id, detail: { slug: p.slug, version } });
  });
  return redirect(`/foerderung/${p.slug}`, { headers: { "Set-Cookie": await flashHeader(`Gespeichert als Version ${version}.`) } });
}

export default function ProgrammBearbeiten() {
  const d = useLoaderData<typeof loader>();
  const ad = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/foerderung/${d.slug}`}>Zurück zum Programm</Link> · <Link to={`/foerderung/${d.slug}/versionen`}>Versionen</Link>
      </p>
      <h1>Bearbeiten: {d.title}</h1>
      {d.imported ? (
        <p className="notice">
          Dieses Programm stammt aus dem Inhaltsordner (content/foerderung/{d.slug}.md). Nach einer Änderung hier meldet der nächste Import einen
          Konflikt, statt Ihre Änderung zu überschreiben – bitte übertragen Sie die Änderung auch in die Datei.
        </p>
      ) : null}
      <ProgrammeForm values={ad && !ad.ok ? ad.values : d.values} errors={ad && !ad.ok ? ad.errors : null} create={false} />
      <h2 id="versionen">Versionen</h2>
      <ol className="revision-list">
        {d.revisions.map((r) => (
          <li key={r.version}>
            Version {r.version}, {formatDateTime(r.createdAt)}, {r.source === "import" ? "Import" : (r.authorName ?? "unbekannt")}: {r.reason || "ohne Begründung"}
          </li>
        ))}
      </ol>
    </>
  );
}
