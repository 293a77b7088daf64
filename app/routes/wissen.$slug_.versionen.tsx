import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getArticleBySlug, restoreArticleRevision } from "~/models/article.server";
import { getRevision, revisionHistory } from "~/models/revision.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { RevisionHistory } from "~/components/RevisionHistory";
import { ARTICLE_FIELD_LABELS } from "~/components/wissen/ArticleForm";
import { titleMeta } from "~/utils/meta";
import { AttachmentVersions } from "~/components/dateien/AttachmentVersions";
import { attachmentHistory } from "~/models/attachment.server";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Versionen: ${data.title}` : "Versionen");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "content.edit");
  const db = getDb();
  const a = getArticleBySlug(db, params.slug ?? "");
  if (!a) throw new Response("Beitrag nicht gefunden", { status: 404 });
  return { slug: a.slug, title: a.title, history: revisionHistory(db, "article", a.id, new URL(request.url)), files: attachmentHistory(db, "article", a.slug) };
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
      <Breadcrumbs items={[{ label: "Wissen", to: "/wissen" }, { label: d.title, to: `/wissen/${d.slug}` }, { label: "Versionen" }]} />
      <h1>Versionen: {d.title}</h1>
      <p>
        <Link to={`/wissen/${d.slug}/bearbeiten`}>Bearbeiten</Link>
      </p>
      <RevisionHistory history={d.history} fieldLabels={ARTICLE_FIELD_LABELS} restore />
      <AttachmentVersions files={d.files} canRestore />
    </>
  );
}
