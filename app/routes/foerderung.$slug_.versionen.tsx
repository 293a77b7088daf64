import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RevisionHistory } from "~/components/RevisionHistory";
import { getProgramme, saveProgramme } from "~/models/programme.server";
import { getRevision, revisionHistory } from "~/models/revision.server";
import { audit } from "~/services/audit.server";
import { requirePermission } from "~/services/auth.server";
import { programmeFrontmatter } from "~/services/content/frontmatter";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { titleMeta } from "~/utils/meta";
import { AttachmentVersions } from "~/components/dateien/AttachmentVersions";
import { attachmentHistory } from "~/models/attachment.server";
import { FIELD_LABELS } from "~/utils/programme-form";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Versionen: ${data.kurz}` : "Versionen");

const LABELS: Record<string, string> = { ...FIELD_LABELS, fristen: "Fristen" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "content.edit");
  const db = getDb();
  const p = getProgramme(db, params.slug ?? "");
  if (!p) throw new Response("Förderprogramm nicht gefunden", { status: 404 });
  return { slug: p.slug, title: p.title, kurz: p.kurz, history: revisionHistory(db, "programme", p.id, new URL(request.url)), files: attachmentHistory(db, "programme", p.slug) };
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
      <Breadcrumbs items={[{ label: "Förderung", to: "/foerderung" }, { label: d.title, to: `/foerderung/${d.slug}` }, { label: "Versionen" }]} />
      <h1>Versionen: {d.title}</h1>
      <p>
        <Link to={`/foerderung/${d.slug}/bearbeiten`}>Bearbeiten</Link>
      </p>
      <RevisionHistory history={d.history} fieldLabels={LABELS} restore />
      <AttachmentVersions files={d.files} canRestore />
    </>
  );
}
