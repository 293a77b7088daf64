import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { can } from "~/services/permissions";
import { deletePost, editPost, getPost, getTopic, listRevisions, previewHtml } from "~/models/forum.server";
import { Composer } from "~/components/forum/Composer";
import { unconfirmedFindings } from "~/components/forum/guard.server";
import { ErrorSummary } from "~/components/ui/form";
import { body, failure, LIMITS, parseForm, tooLong } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";
import { formatDateTime } from "~/utils/format";

export const meta: MetaFunction = () => titleMeta("Beitrag bearbeiten");
const TITLE = "Beitrag bearbeiten";

async function load(request: Request, params: { themaId?: string; nr?: string }) {
  const user = await requireUser(request);
  const db = getDb();
  const topic = getTopic(db, Number(params.themaId), toViewer(user));
  const post = topic ? getPost(db, topic.id, Number(params.nr)) : null;
  if (!topic || !post || post.deletedAt || (post.hiddenAt && !can(toViewer(user), "forum.moderate"))) throw new Response("Beitrag nicht gefunden", { status: 404 });
  if (!can(toViewer(user), "forum.editPost", { ownerId: post.authorId })) throw new Response("Sie dürfen nur eigene Beiträge bearbeiten.", { status: 403 });
  return { user, topic, post };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { topic, post } = await load(request, params);
  return {
    topic: { id: topic.id, title: topic.title, categorySlug: topic.category.slug },
    post: { postNumber: post.postNumber, raw: post.raw, version: post.version },
    revisions: listRevisions(getDb(), post.id).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  };
}

const schema = z.object({ raw: body(LIMITS.post, { min: 2, minMessage: "Der Beitrag darf nicht leer sein.", message: "Der Beitrag ist zu lang (höchstens 50.000 Zeichen)." }) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, topic, post } = await load(request, params);
  const db = getDb();
  const form = await request.formData();
  const back = `/forum/${topic.category.slug}/${topic.id}`;
  if (form.get("intent") === "delete") {
    deletePost(db, post.id, user);
    return redirect(back, { headers: { "Set-Cookie": await flashHeader(`Beitrag ${post.postNumber} wurde gelöscht.`) } });
  }
  if (form.get("vorschau") === "1") {
    // "Vorschau" (works without JS): the changed text rendered as the saved post would be, nothing stored
    const raw = String(form.get("raw") ?? "");
    if (raw.length > LIMITS.post) return data({ ...failure(TITLE, { raw: tooLong(LIMITS.post) }, form), findings: [] }, { status: 400 });
    return data({ ...failure(TITLE, {}, form), findings: [], preview: previewHtml(db, raw) as string });
  }
  const parsed = parseForm(form, schema, TITLE);
  if (!parsed.ok) return data({ ...parsed, findings: [] }, { status: 400 });
  const findings = unconfirmedFindings(form, parsed.data.raw);
  if (findings.length > 0) return data({ ...failure(TITLE, {}, form), findings }, { status: 400 });
  editPost(db, post.id, parsed.data.raw, user);
  return redirect(`${back}?beitrag=${post.postNumber}#beitrag-${post.postNumber}`, { headers: { "Set-Cookie": await flashHeader("Ihre Änderung ist gespeichert.") } });
}

export default function BeitragBearbeiten() {
  const { topic, post, revisions } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const errors = a && !a.ok ? a.errors : null;
  return (
    <>
      <p className="muted">
        <Link to={`/forum/${topic.categorySlug}/${topic.id}`}>{topic.title}</Link>
      </p>
      <h1>Beitrag {post.postNumber} bearbeiten</h1>
      <ErrorSummary errors={errors} labels={{ raw: "Beitrag" }} />
      <Composer errors={errors} findings={a && "findings" in a ? a.findings : []} defaultValue={a && !a.ok ? a.values.raw ?? post.raw : post.raw} submitLabel="Änderung speichern" intent="edit" label="Beitrag" mentions preview={a && "preview" in a ? (a.preview as string) : null} />
      <h2>Beitrag löschen</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="delete" />
        <p>Der Beitrag verschwindet aus dem Thema; die Nummerierung bleibt erhalten.</p>
        <button type="submit" className="secondary">
          Beitrag {post.postNumber} löschen
        </button>
      </Form>
      <h2>Bearbeitungsverlauf</h2>
      {revisions.length === 0 ? (
        <p>Dieser Beitrag wurde noch nicht bearbeitet.</p>
      ) : (
        <ol>
          {revisions.map((r) => (
            <li key={r.version}>
              <details>
                <summary>
                  Version {r.version} vom {formatDateTime(r.createdAt)}
                </summary>
                <pre className="pre-wrap">{r.raw}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
