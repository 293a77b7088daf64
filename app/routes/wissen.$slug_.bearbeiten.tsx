import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { articleFormValues, getArticleBySlug, parseArticleForm, renderArticle, updateArticle } from "~/models/article.server";
import { listCities } from "~/models/city.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { ArticleForm } from "~/components/wissen/ArticleForm";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Bearbeiten: ${data.title}` : "Beitrag bearbeiten");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "content.edit");
  const db = getDb();
  const a = getArticleBySlug(db, params.slug ?? "");
  if (!a) throw new Response("Beitrag nicht gefunden", { status: 404 });
  return {
    slug: a.slug,
    title: a.title,
    version: a.version,
    values: articleFormValues(a),
    cities: listCities(db).map((c) => ({ slug: c.slug, name: c.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "content.edit");
  const db = getDb();
  const a = getArticleBySlug(db, params.slug ?? "");
  if (!a) throw new Response("Beitrag nicht gefunden", { status: 404 });
  const form = await request.formData();
  const r = parseArticleForm(form, { requireReason: true, allowSlug: false, db, cities: listCities(db).map((c) => c.slug) });
  if (!r.ok) return data({ ok: false as const, title: "Beitrag bearbeiten", errors: r.errors, values: r.values, preview: null }, { status: 400 });
  if (form.get("intent") === "vorschau") {
    const p = renderArticle(db, r.input.type, r.input.body);
    return { ok: true as const, values: r.values, preview: { html: p.html, missingLinks: p.missingLinks } };
  }
  if (r.input.status === "veroeffentlicht" && a.status !== "veroeffentlicht") await requirePermission(request, "content.publish");
  // Checkboxes come back in taxonomy order: keep the stored order when the selection is unchanged (no spurious diff).
  const keep = (next: string[], prev: string[]) => (next.length === prev.length && next.every((x) => prev.includes(x)) ? prev : next);
  const input = {
    ...r.input,
    handlungsfelder: keep(r.input.handlungsfelder, a.handlungsfelder),
    ebenen: keep(r.input.ebenen, a.ebenen),
    staedte: keep(r.input.staedte, a.staedte),
    zielgruppen: a.zielgruppen,
  };
  const res = updateArticle(db, a.id, input, { id: user.id }, r.reason);
  return redirect(`/wissen/${a.slug}`, { headers: { "Set-Cookie": await flashHeader(`Gespeichert als Version ${res.version}.`) } });
}

export default function BeitragBearbeiten() {
  const d = useLoaderData<typeof loader>();
  const ad = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/wissen/${d.slug}`}>Zurück zum Beitrag</Link> · <Link to={`/wissen/${d.slug}/versionen`}>Versionen</Link>
      </p>
      <h1>Beitrag bearbeiten: {d.title}</h1>
      <p className="muted">Aktuelle Version: {d.version}. Jede Speicherung legt eine neue Version an.</p>
      <ArticleForm values={ad?.values ?? d.values} errors={ad && !ad.ok ? ad.errors : null} cities={d.cities} mode="bearbeiten" preview={ad?.ok ? ad.preview : null} />
    </>
  );
}
