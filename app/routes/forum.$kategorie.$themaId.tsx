import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getUser, requireUser, toViewer, type SessionUser } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { kickMailDelivery } from "~/services/mail.server";
import { flashHeader } from "~/services/flash.server";
import { deleteDraft, getDraft, saveDraft } from "~/models/forum-drafts.server";
import { bookmarkedPostIds, setBookmark } from "~/models/forum-bookmarks.server";
import { findIdempotentResult, newIdempotencyKey, readIdempotencyKey, runIdempotent } from "~/services/idempotency.server";
import { attachToPost, listAttachmentViews, prepareUploads, withUploadForm, writeWithFiles } from "~/models/attachment.server";
import { type UploadForm } from "~/services/files/multipart.server";
import { FILE_FIELD, KEPT_TEXT } from "~/utils/dateien";
import { can } from "~/services/permissions";
import {
  acceptAnswer,
  addModerationNote,
  createPost,
  flagPost,
  ForumError,
  getLastRead,
  getPost,
  getPostById,
  getSubscription,
  getTopic,
  listAllCategories,
  listModerationNotes,
  listPosts,
  markRead,
  moveTopic,
  pageOfPost,
  previewHtml,
  setPostHidden,
  setSubscription,
  setTopicLocked,
  splitTopic,
  type Topic,
} from "~/models/forum.server";
import { assignClearing, faqLinkForTopic, listAssignees, listConcerns, listHistory, publishAsFaq, settleClearing, submitToClearing, markConcern, unmarkConcern } from "~/models/clearing.server";
import { listCities } from "~/models/city.server";
import { PostList } from "~/components/forum/PostList";
import { Composer } from "~/components/forum/Composer";
import { CLEARING_LABELS, Pager, SUB_LABELS, TopicMeta } from "~/components/forum/TopicMeta";
import { retryAfter, passRetryAfter } from "~/services/rate-limit.server";
import { postRateRefund, postRateWait, rateMessage, unconfirmedFindings } from "~/components/forum/guard.server";
import { ErrorSummary, FieldScope, SelectField, TextArea, TextField } from "~/components/ui/form";
import { body, cleanFormData, failure, LIMITS, parseForm, TOO_MANY_FIELDS_MESSAGE, tooLong, type FieldErrors } from "~/utils/forms";
import { cleanLine } from "~/utils/text-hygiene";
import { titleMeta } from "~/utils/meta";
import { formatDate, formatDateTime, todayIso } from "~/utils/format";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const headers = passRetryAfter;
export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? data.topic.title : "Thema");
const TITLE = "Thema";

function loadTopic(user: SessionUser | null, params: { kategorie?: string; themaId?: string }) {
  const topic = getTopic(getDb(), Number(params.themaId), toViewer(user));
  if (!topic) throw new Response("Thema nicht gefunden", { status: 404 });
  return topic;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const viewer = toViewer(user);
  const db = getDb();
  const topic = loadTopic(user, params);
  const url = new URL(request.url);
  if (topic.category.slug !== params.kategorie) throw redirect(`/forum/${topic.category.slug}/${topic.id}${url.search}`, 301);
  const wanted = Number(url.searchParams.get("beitrag"));
  const page = wanted > 0 ? pageOfPost(db, topic.id, wanted) : Math.max(1, Number(url.searchParams.get("seite")) || 1);
  const isMod = can(viewer, "forum.moderate");
  const list = listPosts(db, topic.id, page, { showHidden: isMod });
  let lastRead: number | null = null;
  if (user) {
    lastRead = getLastRead(db, user.id, topic.id);
    const lastOnPage = list.posts.at(-1)?.postNumber ?? 0;
    if (lastOnPage > (lastRead ?? 0)) markRead(db, user.id, topic.id, lastOnPage);
  }
  const canPost = can(viewer, "forum.post") && (!topic.lockedAt || isMod);
  let prefill = "";
  let replyTo: number | null = null;
  const zitat = Number(url.searchParams.get("zitat"));
  const antwort = Number(url.searchParams.get("antwort"));
  if (canPost && (zitat > 0 || antwort > 0)) {
    const target = getPost(db, topic.id, zitat || antwort);
    if (target && !target.deletedAt && (!target.hiddenAt || isMod)) {
      replyTo = target.postNumber;
      if (zitat > 0) {
        const who = list.posts.find((p) => p.postNumber === target.postNumber)?.authorName ?? "";
        prefill = `${who ? `${who} schrieb in Beitrag ${target.postNumber}:\n\n` : ""}${target.raw
          .split("\n")
          .map((l) => `> ${l}`)
          .join("\n")}\n\n`;
      }
    }
  }
  // a saved draft (server-side, per user and topic) fills the composer unless a quote was asked for
  if (canPost && user && !prefill) prefill = getDraft(db, user.id, topic.id) ?? "";
  // attachments of the posts the viewer sees (a hidden post's files only for moderation, like the post)
  const shownPosts = list.posts.filter((p) => !p.deleted && (!p.hidden || isMod)).map((p) => String(p.id));
  const files = listAttachmentViews(db, "forum_post", shownPosts, viewer);
  const clearingWork = can(viewer, "clearing.work");
  const cities = listCities(db);
  const concernList = listConcerns(db, topic.id);
  const ownMark = user?.cityId != null ? concernList.find((c) => c.cityId === user.cityId) : undefined;
  return {
    topic: {
      id: topic.id,
      title: topic.title,
      categorySlug: topic.category.slug,
      categoryName: topic.category.name,
      members: topic.category.visibility === "members",
      handlungsfelder: topic.handlungsfelder,
      staedte: topic.staedte,
      status: topic.clearingStatus,
      statusLabel: CLEARING_LABELS[topic.clearingStatus],
      dueDate: topic.dueDate,
      overdue: topic.clearingStatus === "in-klaerung" && !!topic.dueDate && topic.dueDate < todayIso(),
      reason: topic.clearingReason,
      // The FAQ by its title, only once published; Redaktion also sees a draft. Never the draft slug to others.
      faq: faqLinkForTopic(db, topic.faqSlug, can(viewer, "content.readDrafts")),
      hasFaq: clearingWork && !!topic.faqSlug,
      accepted: topic.acceptedPostNumber,
      locked: !!topic.lockedAt,
      authorName: topic.authorName,
      cityName: topic.cityName,
    },
    cityNames: Object.fromEntries(cities.map((c) => [c.slug, c.name])),
    posts: list.posts.map((p) => ({ ...p, createdAt: p.createdAt.toISOString(), authorId: undefined, attachments: files.get(String(p.id)) ?? [] })),
    bookmarkedIds: user ? [...bookmarkedPostIds(db, user.id, list.posts.filter((p) => !p.deleted && (!p.hidden || isMod)).map((p) => p.id))] : null,
    editableIds: user ? list.posts.filter((p) => can(viewer, "forum.editPost", { ownerId: p.authorId })).map((p) => p.id) : [],
    page: list.page,
    pages: list.pages,
    total: list.total,
    firstUnread: lastRead != null && lastRead < topic.lastPostNumber ? lastRead + 1 : null,
    signedIn: !!user,
    canPost,
    canFlag: can(viewer, "forum.flag"),
    canAccept: can(viewer, "forum.accept", { ownerId: topic.authorId }),
    isMod,
    prefill,
    replyTo,
    replyKey: canPost ? newIdempotencyKey() : "",
    arrivalNumber: wanted > 0 && list.posts.some((p) => p.postNumber === wanted) ? wanted : null,
    subscription: user ? getSubscription(db, user.id, { topicId: topic.id }) ?? "none" : null,
    clearing: {
      canSubmit: can(viewer, "clearing.submit", { cityId: topic.cityId }) && (topic.clearingStatus === "offen" || topic.clearingStatus === "abgelehnt"),
      canWork: clearingWork,
      canConcern: can(viewer, "clearing.concern", { cityId: topic.cityId, clearingStatus: topic.clearingStatus }),
      concerns: concernList.map((c) => ({ name: c.name, own: c.cityId === user?.cityId })),
      canUnconcern: !!ownMark && can(viewer, "clearing.unconcern", { cityId: ownMark.cityId, ownerId: ownMark.userId }),
      history: listHistory(db, topic.id).map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
      assignees: clearingWork ? listAssignees(db) : [],
    },
    moderation: isMod
      ? {
          categories: listAllCategories(db).map((c) => ({ id: c.id, name: c.name })),
          notes: listModerationNotes(db, topic.id).map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
        }
      : null,
  };
}

const replySchema = z.object({
  raw: body(LIMITS.post, { min: 2, minMessage: "Bitte schreiben Sie eine Antwort.", message: "Der Beitrag ist zu lang (höchstens 50.000 Zeichen)." }),
  replyTo: z.preprocess((v) => (v === "" || v == null ? null : Number(v)), z.number().int().positive().nullable()),
});
const assignSchema = z.object({
  assigneeId: z.string().min(1, "Bitte wählen Sie eine zuständige Person.").max(100, "Bitte wählen Sie eine zuständige Person."),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Bitte geben Sie ein Datum im Format JJJJ-MM-TT an."),
  note: body(LIMITS.text).default(""),
});
const settleSchema = z.object({
  outcome: z.enum(["geklaert", "abgelehnt"], { errorMap: () => ({ message: "Bitte wählen Sie geklärt oder abgelehnt." }) }),
  reason: body(10_000, { min: 10, minMessage: "Bitte begründen Sie die Entscheidung (mindestens 10 Zeichen)." }),
});

async function done(topic: Topic, message: string, hash = "", search = "") {
  return redirect(`/forum/${topic.category.slug}/${topic.id}${search}${hash}`, { headers: { "Set-Cookie": await flashHeader(message) } });
}

type ActionResult = {
  ok: false;
  title: string;
  errors: FieldErrors;
  values: Record<string, string>;
  intent: string;
  findings: { kind: string; label: string; excerpt: string }[];
  /** "Vorschau" button: the rendered text, the text stays in the box */
  preview?: string;
  previewNote?: string;
};
const fail = (intent: string, errors: FieldErrors, form: FormData, status = 400, findings: ActionResult["findings"] = []) =>
  data({ ...failure(TITLE, errors, form), intent, findings } as ActionResult, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const viewer = toViewer(user);
  const topic = loadTopic(user, params);
  const db = getDb();
  // The reply form is multipart (attachments): files stream into temp files, removed in `finally` unless stored.
  return withUploadForm(request, (upload) => handleAction(request, upload, { user, viewer, topic, db }), (message) => data({ ...failure(TITLE, { _form: message }), intent: "reply", findings: [] } as ActionResult, { status: 400 }));
}

async function handleAction(request: Request, upload: UploadForm, ctx: { user: SessionUser; viewer: ReturnType<typeof toViewer>; topic: Topic; db: ReturnType<typeof getDb> }) {
  const { user, viewer, topic, db } = ctx;
  // One cleaned copy of the form for every intent (text hygiene, at most MAX_FORM_FIELDS entries).
  const form = cleanFormData(upload.form);
  if (!form) return data({ ...failure(TITLE, { _form: TOO_MANY_FIELDS_MESSAGE }), intent: "", findings: [] } as ActionResult, { status: 400 });
  const intent = String(form.get("intent") ?? "");
  const deny = () => {
    throw new Response("Sie haben keine Berechtigung für diese Aktion.", { status: 403 });
  };
  try {
    switch (intent) {
      case "reply": {
        if (!can(viewer, "forum.post")) deny();
        if (form.get("entwurf") === "1") {
          // "Entwurf speichern" (works without JS): keep the text on the server, publish nothing
          const raw = String(form.get("raw") ?? "");
          if (raw.length > LIMITS.post) return fail(intent, { raw: tooLong(LIMITS.post) }, form);
          saveDraft(db, user.id, topic.id, raw);
          const filesNote = upload.files.length ? " Dateien werden erst mit der Antwort gespeichert: bitte wählen Sie sie dann erneut aus." : "";
          return done(topic, `${raw.trim() ? "Ihr Entwurf ist gespeichert." : "Der Entwurf ist gelöscht."}${filesNote}`, "#antworten");
        }
        if (form.get("vorschau") === "1") {
          // "Vorschau" (works without JS): render as a published post would be, publish nothing, keep the text
          const raw = String(form.get("raw") ?? "");
          if (raw.length > LIMITS.post) return fail(intent, { raw: tooLong(LIMITS.post) }, form);
          const previewNote = upload.files.length ? "Dateien werden erst mit der Antwort gespeichert: bitte wählen Sie sie dann erneut aus." : undefined;
          return data({ ...failure(TITLE, {}, form), intent, findings: [], preview: previewHtml(db, raw), previewNote } as ActionResult);
        }
        // one submit, one post: a repeated POST of the same form (double click, resend) gets the first redirect
        const once = { userId: user.id, route: `forum.reply:${topic.id}`, key: readIdempotencyKey(form) };
        const first = findIdempotentResult(db, once);
        if (first) return redirect(first, { headers: { "Set-Cookie": await flashHeader("Ihre Antwort ist veröffentlicht.") } });
        const parsed = parseForm(form, replySchema, TITLE);
        if (!parsed.ok) return fail(intent, parsed.errors, form);
        const findings = unconfirmedFindings(form, parsed.data.raw);
        if (findings.length > 0) return fail(intent, {}, form, 400, findings);
        const wait = postRateWait(user.id);
        if (wait > 0) return data({ ...failure(TITLE, { _form: rateMessage(wait) }, form), intent, findings: [] } as ActionResult, { status: 429, headers: retryAfter(wait) });
        // every file is checked before anything is written: one refused file refuses the whole reply
        const files = await prepareUploads(db, user.id, upload.files);
        if (!files.ok) {
          postRateRefund(user.id);
          return fail(intent, { [FILE_FIELD]: `${files.message} ${KEPT_TEXT}` }, form);
        }
        const { result, replayed } = writeWithFiles(db, files.files, () =>
          runIdempotent(db, once, (tx) => {
            const n = createPost(tx, { topicId: topic.id, raw: parsed.data.raw, replyTo: parsed.data.replyTo }, user);
            attachToPost(tx, topic.id, n, files.files, user.id);
            deleteDraft(tx, user.id, topic.id);
            return `/forum/${topic.category.slug}/${topic.id}?beitrag=${n}#beitrag-${n}`;
          }),
        );
        if (replayed) postRateRefund(user.id);
        kickMailDelivery(db);
        return redirect(result, { headers: { "Set-Cookie": await flashHeader("Ihre Antwort ist veröffentlicht.") } });
      }
      case "accept": {
        if (!can(viewer, "forum.accept", { ownerId: topic.authorId })) deny();
        const n = Number(form.get("postNumber")) || null;
        acceptAnswer(db, topic.id, n, user);
        kickMailDelivery(db);
        return done(topic, n ? `Beitrag ${n} ist als Lösung markiert.` : "Die Lösung wurde zurückgenommen.");
      }
      case "flag": {
        if (!can(viewer, "forum.flag")) deny();
        const post = getPostById(db, Number(form.get("postId")));
        if (!post || post.topicId !== topic.id) throw new Response("Beitrag nicht gefunden", { status: 404 });
        const reason = `${String(form.get("reason") ?? "sonstiges").slice(0, 40)}${form.get("detail") ? `: ${String(form.get("detail")).slice(0, 500)}` : ""}`;
        flagPost(db, post.id, reason, user);
        kickMailDelivery(db);
        return done(topic, "Danke. Die Moderation prüft den gemeldeten Beitrag.");
      }
      case "bookmark": {
        const post = getPostById(db, Number(form.get("postId")));
        if (!post || post.topicId !== topic.id || post.deletedAt || (post.hiddenAt && !can(viewer, "forum.moderate"))) throw new Response("Beitrag nicht gefunden", { status: 404 });
        const on = setBookmark(db, user.id, post.id, form.get("an") === "1");
        if (form.get("js") === "1") return data({ ok: true as const, bookmarked: on });
        return done(topic, on ? `Lesezeichen für Beitrag ${post.postNumber} gesetzt.` : `Lesezeichen für Beitrag ${post.postNumber} entfernt.`, `#beitrag-${post.postNumber}`, `?beitrag=${post.postNumber}`);
      }
      case "subscribe": {
        const level = String(form.get("level"));
        if (!["watch", "follow", "mute", "none"].includes(level)) return fail(intent, { level: "Ungültige Auswahl." }, form);
        setSubscription(db, user.id, { topicId: topic.id }, level as "watch");
        return done(topic, "Ihre Benachrichtigungseinstellung ist gespeichert.");
      }
      case "concern": {
        // Idempotent: a double click or a colleague of the same city leaves the city's mark as it is.
        if (!can(viewer, "clearing.concern", { cityId: topic.cityId, clearingStatus: topic.clearingStatus })) deny();
        const r = markConcern(db, topic.id, user);
        return done(topic, r === "marked" ? "Markiert: Diese Frage betrifft auch Ihre Stadt." : "Ihre Stadt hatte diese Frage bereits als „betrifft uns auch“ markiert.");
      }
      case "unconcern": {
        const r = unmarkConcern(db, topic.id, user);
        return done(topic, r === "removed" ? "Markierung „betrifft uns auch“ entfernt." : "Ihre Stadt hatte diese Frage nicht markiert.");
      }
      case "clearing-submit": {
        if (!can(viewer, "clearing.submit", { cityId: topic.cityId })) deny();
        submitToClearing(db, topic.id, String(form.get("note") ?? "").slice(0, 2000), user);
        kickMailDelivery(db);
        return done(topic, "Das Thema ist an die Clearingstelle gegeben.");
      }
      case "clearing-assign": {
        if (!can(viewer, "clearing.work")) deny();
        const parsed = parseForm(form, assignSchema, TITLE);
        if (!parsed.ok) return fail(intent, parsed.errors, form);
        assignClearing(db, topic.id, parsed.data, user);
        kickMailDelivery(db);
        return done(topic, "Zugewiesen: Das Thema ist in Klärung.");
      }
      case "clearing-settle": {
        if (!can(viewer, "clearing.work")) deny();
        const parsed = parseForm(form, settleSchema, TITLE);
        if (!parsed.ok) return fail(intent, parsed.errors, form);
        settleClearing(db, topic.id, parsed.data, user);
        kickMailDelivery(db);
        return done(topic, parsed.data.outcome === "geklaert" ? "Die Frage ist als geklärt markiert." : "Die Frage ist abgelehnt.");
      }
      case "clearing-faq": {
        if (!can(viewer, "clearing.work") || !can(viewer, "content.edit")) deny();
        publishAsFaq(db, topic.id, topic.clearingReason ?? "", user);
        return done(topic, `FAQ-Entwurf „${topic.title.trim()}“ angelegt.`);
      }
      case "mod-hide":
      case "mod-restore": {
        if (!can(viewer, "forum.moderate")) deny();
        const post = getPostById(db, Number(form.get("postId")));
        if (!post || post.topicId !== topic.id) throw new Response("Beitrag nicht gefunden", { status: 404 });
        setPostHidden(db, post.id, intent === "mod-hide", user);
        return done(topic, intent === "mod-hide" ? `Beitrag ${post.postNumber} ist ausgeblendet.` : `Beitrag ${post.postNumber} ist wieder sichtbar.`);
      }
      case "mod-lock":
      case "mod-unlock": {
        if (!can(viewer, "forum.moderate")) deny();
        setTopicLocked(db, topic.id, intent === "mod-lock", user);
        return done(topic, intent === "mod-lock" ? "Das Thema ist gesperrt." : "Das Thema ist wieder offen.");
      }
      case "mod-move": {
        if (!can(viewer, "forum.moderate")) deny();
        moveTopic(db, topic.id, Number(form.get("categoryId")), user);
        const moved = getTopic(db, topic.id, viewer)!;
        return done(moved, "Das Thema wurde verschoben.");
      }
      case "mod-split": {
        if (!can(viewer, "forum.moderate")) deny();
        const from = Number(form.get("fromNumber"));
        const title = cleanLine(String(form.get("newTitle") ?? ""));
        if (!(from > 1)) return fail(intent, { fromNumber: "Bitte geben Sie die Nummer eines Beitrags ab 2 an." }, form);
        if (title.length < 5) return fail(intent, { newTitle: "Bitte geben Sie einen Titel mit mindestens 5 Zeichen an." }, form);
        if (title.length > 160) return fail(intent, { newTitle: tooLong(160) }, form);
        const newId = splitTopic(db, topic.id, from, title, user);
        return redirect(`/forum/${topic.category.slug}/${newId}`, { headers: { "Set-Cookie": await flashHeader("Das Thema wurde geteilt.") } });
      }
      case "mod-note": {
        if (!can(viewer, "forum.moderate")) deny();
        const note = String(form.get("note") ?? "").trim();
        if (note.length < 3) return fail(intent, { note: "Bitte schreiben Sie eine Notiz." }, form);
        if (note.length > LIMITS.text) return fail(intent, { note: tooLong(LIMITS.text) }, form);
        addModerationNote(db, { topicId: topic.id, note: note.slice(0, 2000) }, user);
        return done(topic, "Notiz gespeichert.");
      }
    }
  } catch (e) {
    if (e instanceof ForumError) return fail(intent, { _form: e.message }, form);
    throw e;
  }
  return fail(intent, { _form: "Unbekannte Aktion." }, form);
}

export default function Thema() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const errors = a && !a.ok ? a.errors : null;
  const errFor = (intent: string) => (a && !a.ok && a.intent === intent ? a.errors : null);
  const base = `/forum/${d.topic.categorySlug}/${d.topic.id}`;
  const t = d.topic;
  const replyValues = a && !a.ok && a.intent === "reply" ? a.values : null;
  return (
    <>
      <Breadcrumbs items={[{ label: "Forum", to: "/forum" }, { label: t.categoryName, to: `/forum/${t.categorySlug}` }, { label: t.title }]} />
      <h1>{t.title}</h1>
      <TopicMeta handlungsfelder={t.handlungsfelder} staedte={t.staedte} status={t.status} cityNames={d.cityNames} accepted={t.accepted != null} />
      <p className="muted">
        Gefragt von {t.authorName}
        {t.cityName ? ` (${t.cityName})` : ""}
        {t.members ? " · nur für Mitglieder sichtbar" : ""}
        {t.locked ? " · gesperrt, keine neuen Antworten" : ""}
      </p>
      {a && !a.ok && a.intent !== "reply" ? (
        <FieldScope prefix={a.intent === "clearing-submit" ? "clearing" : a.intent === "mod-note" ? "mod" : ""}>
          <ErrorSummary errors={errors} />
        </FieldScope>
      ) : null}
      {t.accepted ? (
        <p>
          <a href={`${base}?beitrag=${t.accepted}#beitrag-${t.accepted}`}>Zur Lösung (Beitrag {t.accepted})</a>
        </p>
      ) : null}
      {d.firstUnread ? (
        <p>
          <a href={`${base}?beitrag=${d.firstUnread}#beitrag-${d.firstUnread}`}>Zum ersten ungelesenen Beitrag (#{d.firstUnread})</a>
        </p>
      ) : null}
      {t.status !== "offen" || d.clearing.canSubmit ? (
        <section aria-labelledby="clearing-titel" className="forum-clearing">
          <h2 id="clearing-titel">Clearingstelle: {t.statusLabel}</h2>
          {t.dueDate ? (
            <p>
              Fällig am {formatDate(t.dueDate)}
              {t.overdue ? <strong className="badge badge--fail"> überfällig</strong> : null}
            </p>
          ) : null}
          {t.reason && (t.status === "geklaert" || t.status === "abgelehnt") ? (
            <div className="forum-clearing-answer">
              <h3>{t.status === "geklaert" ? "Antwort der Clearingstelle" : "Begründung der Ablehnung"}</h3>
              <p className="pre-line">{t.reason}</p>
            </div>
          ) : null}
          {t.faq ? (
            <p data-faq-link="">
              {t.faq.published ? "FAQ: " : "FAQ-Entwurf: "}
              <Link to={t.faq.url}>{t.faq.title}</Link>
            </p>
          ) : null}
          {d.clearing.concerns.length > 0 ? <p>Betrifft auch: {d.clearing.concerns.map((c) => c.name).join(", ")}</p> : null}
          {d.clearing.canSubmit ? (
            <Form method="post">
              <input type="hidden" name="intent" value="clearing-submit" />
              <FieldScope prefix="clearing">
                <TextArea name="note" label="Hinweis an die Clearingstelle (optional)" rows={2} errors={errFor("clearing-submit")} />
              </FieldScope>
              <button type="submit">An die Clearingstelle geben</button>
            </Form>
          ) : null}
          {d.clearing.concerns.some((c) => c.own) ? (
            d.clearing.canUnconcern ? (
              <Form method="post">
                <input type="hidden" name="intent" value="unconcern" />
                <p>Ihre Stadt hat markiert: Diese Frage betrifft sie auch.</p>
                <button type="submit" className="secondary">
                  Markierung „betrifft uns auch“ entfernen
                </button>
              </Form>
            ) : (
              <p>Ihre Stadt hat markiert: Diese Frage betrifft sie auch.</p>
            )
          ) : d.clearing.canConcern ? (
            <Form method="post">
              <input type="hidden" name="intent" value="concern" />
              <button type="submit" className="secondary">
                Betrifft uns auch
              </button>
            </Form>
          ) : null}
          {d.clearing.canWork && (t.status === "an-clearingstelle" || t.status === "in-klaerung") ? (
            <div className="forum-clearing-work">
              <Form method="post">
                <input type="hidden" name="intent" value="clearing-assign" />
                <SelectField
                  name="assigneeId"
                  label="Zuständig"
                  errors={errFor("clearing-assign")}
                  options={[{ value: "", label: "bitte wählen" }, ...d.clearing.assignees.map((u) => ({ value: u.id, label: u.name }))]}
                />
                <TextField name="dueDate" type="date" label="Fällig am" errors={errFor("clearing-assign")} defaultValue={t.dueDate ?? ""} />
                <button type="submit">Zuweisen (in Klärung)</button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="clearing-settle" />
                <SelectField
                  name="outcome"
                  label="Ergebnis"
                  errors={errFor("clearing-settle")}
                  options={[
                    { value: "geklaert", label: "geklärt" },
                    { value: "abgelehnt", label: "abgelehnt" },
                  ]}
                />
                <TextArea name="reason" label="Antwort bzw. Begründung" rows={4} errors={errFor("clearing-settle")} />
                <button type="submit">Abschließen</button>
              </Form>
            </div>
          ) : null}
          {d.clearing.canWork && t.status === "geklaert" && !t.hasFaq ? (
            <Form method="post">
              <input type="hidden" name="intent" value="clearing-faq" />
              <button type="submit">Als FAQ veröffentlichen</button>
            </Form>
          ) : null}
          {d.clearing.history.length > 0 ? (
            <details>
              <summary>Verlauf der Clearingstelle</summary>
              <ol>
                {d.clearing.history.map((h) => (
                  <li key={h.id}>
                    {formatDateTime(h.createdAt)}: {CLEARING_LABELS[h.from as keyof typeof CLEARING_LABELS] ?? h.from} → {CLEARING_LABELS[h.to as keyof typeof CLEARING_LABELS] ?? h.to}
                    {h.actorName ? ` (${h.actorName})` : ""}
                    {h.note ? ` – ${h.note}` : ""}
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
        </section>
      ) : null}

      <Pager page={d.page} pages={d.pages} href={(p) => `${base}${p > 1 ? `?seite=${p}` : ""}`} label="Seiten des Themas (oben)" />
      <PostList
        posts={d.posts}
        baseUrl={base}
        page={d.page}
        canReply={d.canPost}
        canFlag={d.canFlag}
        canAccept={d.canAccept}
        canModerate={d.isMod}
        acceptedPostNumber={t.accepted}
        editableIds={d.editableIds}
        arrivalNumber={d.arrivalNumber}
        bookmarkedIds={d.bookmarkedIds}
      />
      <Pager page={d.page} pages={d.pages} href={(p) => `${base}${p > 1 ? `?seite=${p}` : ""}`} label="Seiten des Themas (unten)" />

      {d.canPost ? (
        <section aria-labelledby="antworten" className="forum-reply">
          <h2 id="antworten" tabIndex={-1}>
            {d.replyTo ? `Antworten auf Beitrag ${d.replyTo}` : "Antworten"}
          </h2>
          {a && !a.ok && a.intent === "reply" ? <ErrorSummary errors={errors} labels={{ raw: "Ihre Antwort", dateien: "Dateien" }} /> : null}
          <Composer
            errors={errFor("reply")}
            findings={a && !a.ok && a.intent === "reply" ? a.findings : []}
            defaultValue={replyValues?.raw ?? d.prefill}
            submitLabel="Antwort veröffentlichen"
            intent="reply"
            label="Ihre Antwort"
            hidden={{ replyTo: replyValues?.replyTo ?? (d.replyTo ? String(d.replyTo) : "") }}
            idempotencyKey={d.replyKey}
            draftButton
            autosaveTopicId={t.id}
            files
            mentions
            preview={a && !a.ok && a.intent === "reply" ? a.preview ?? null : null}
            previewNote={a && !a.ok && a.intent === "reply" ? a.previewNote : undefined}
          />
        </section>
      ) : !d.signedIn ? (
        <p>
          <Link to={`/anmelden?redirectTo=${encodeURIComponent(base)}`}>Melden Sie sich an</Link>, um zu antworten.
        </p>
      ) : null}

      {d.subscription ? (
        <section aria-labelledby="abo-titel">
          <h2 id="abo-titel">Benachrichtigungen zu diesem Thema</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="subscribe" />
            <div className="field">
              <label htmlFor="thema-level">Einstellung</label>
              <select id="thema-level" name="level" defaultValue={d.subscription}>
                {Object.entries(SUB_LABELS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="secondary">
              Einstellung speichern
            </button>
          </Form>
        </section>
      ) : null}

      {d.moderation ? (
        <section aria-labelledby="mod-titel" className="forum-moderation">
          <h2 id="mod-titel">Moderation</h2>
          <Form method="post">
            <input type="hidden" name="intent" value={t.locked ? "mod-unlock" : "mod-lock"} />
            <button type="submit" className="secondary">
              {t.locked ? "Thema entsperren" : "Thema sperren"}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="mod-move" />
            <SelectField name="categoryId" label="Verschieben nach" options={d.moderation.categories.map((c) => ({ value: String(c.id), label: c.name }))} />
            <button type="submit" className="secondary">
              Verschieben
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="mod-split" />
            <TextField name="fromNumber" label="Teilen ab Beitrag Nr." inputMode="numeric" errors={errFor("mod-split")} />
            <TextField name="newTitle" label="Titel des neuen Themas" errors={errFor("mod-split")} />
            <button type="submit" className="secondary">
              Thema teilen
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="mod-note" />
            <FieldScope prefix="mod">
              <TextArea name="note" label="Notiz der Moderation (nur für Moderation sichtbar)" rows={2} errors={errFor("mod-note")} />
            </FieldScope>
            <button type="submit" className="secondary">
              Notiz speichern
            </button>
          </Form>
          {d.moderation.notes.length > 0 ? (
            <ul>
              {d.moderation.notes.map((n) => (
                <li key={n.id}>
                  {formatDateTime(n.createdAt)} {n.authorName}: {n.note}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
