import { Form, Link } from "@remix-run/react";
import { formatDateTime } from "~/utils/format";
import { AttachmentList, type AttachmentView } from "~/components/dateien/AttachmentList";
import { FLAG_REASONS } from "~/utils/flag-reasons";
import { BookmarkToggle } from "./BookmarkToggle";

export type PostView = {
  id: number;
  postNumber: number;
  authorName: string;
  handle: string | null;
  cooked: string;
  previews: { url: string; title: string; summary: string }[];
  replyTo: number | null;
  edited: boolean;
  deleted: boolean;
  hidden: boolean;
  createdAt: string;
  /** the post's files (only for posts the viewer sees) */
  attachments?: AttachmentView[];
};

type Props = {
  posts: PostView[];
  baseUrl: string;
  page: number;
  canReply: boolean;
  canFlag: boolean;
  canAccept: boolean;
  canModerate?: boolean;
  acceptedPostNumber: number | null;
  /** ids of posts the viewer may edit or delete */
  editableIds: number[];
  /** number of the post the visitor was sent to (`?beitrag=N`, e.g. right after replying): it gets focus and a brief highlight */
  arrivalNumber?: number | null;
  /** signed in: a bookmark toggle per post; ids of the posts bookmarked now */
  bookmarkedIds?: number[] | null;
};

/** The posts of one topic page. Cooked HTML is the stored, sanitized rendering of the post's Markdown. */
export function PostList({ posts, baseUrl, page, canReply, canFlag, canAccept, canModerate, acceptedPostNumber, editableIds, arrivalNumber, bookmarkedIds }: Props) {
  const pageParam = page > 1 ? `seite=${page}&` : "";
  return (
    <ol className="forum-posts">
      {posts.map((p) => {
        const titleId = `beitrag-${p.postNumber}-titel`;
        const accepted = acceptedPostNumber === p.postNumber;
        const gone = p.deleted || (p.hidden && !canModerate);
        const arrival = arrivalNumber === p.postNumber;
        return (
          <li key={p.id}>
            <article
              id={`beitrag-${p.postNumber}`}
              className={`forum-post${accepted ? " forum-post--accepted" : ""}${p.hidden ? " forum-post--hidden" : ""}${arrival ? " forum-post--arrival" : ""}`}
              aria-labelledby={titleId}
              tabIndex={arrival ? -1 : undefined}
              data-focus-on-arrival={arrival ? "" : undefined}
            >
              <header className="forum-post-head">
                <h2 id={titleId} className="forum-post-title">
                  <span className="forum-post-number">#{p.postNumber}</span> {p.authorName}
                  {p.handle ? (
                    <>
                      {" "}
                      <Link className="muted forum-handle" to={`/mitglieder/${p.handle}`} aria-label={`Profil von ${p.authorName}`}>
                        @{p.handle}
                      </Link>
                    </>
                  ) : null}
                </h2>
                <p className="muted forum-post-meta">
                  <time dateTime={p.createdAt}>{formatDateTime(p.createdAt)}</time>
                  {p.edited ? " · bearbeitet" : ""}
                  {p.replyTo ? (
                    <>
                      {" · "}
                      <a href={`${baseUrl}?beitrag=${p.replyTo}#beitrag-${p.replyTo}`}>Antwort auf #{p.replyTo}</a>
                    </>
                  ) : null}
                </p>
                {accepted ? <p className="badge badge--ok">Lösung</p> : null}
                {p.hidden ? <p className="badge badge--warn">Von der Moderation ausgeblendet</p> : null}
              </header>
              {p.deleted ? (
                <p className="muted">Dieser Beitrag wurde gelöscht.</p>
              ) : gone ? (
                <p className="muted">Dieser Beitrag wurde von der Moderation ausgeblendet.</p>
              ) : (
                <div className="prose forum-post-body" dangerouslySetInnerHTML={{ __html: p.cooked }} />
              )}
              {!gone && p.attachments?.length ? <AttachmentList files={p.attachments} label={`Dateien zu Beitrag ${p.postNumber}`} /> : null}
              {!gone && p.previews.length > 0 ? (
                <ul className="forum-previews" aria-label="Verlinkte Inhalte">
                  {p.previews.map((v) => (
                    <li key={v.url} className="forum-preview">
                      <Link to={v.url}>{v.title}</Link>
                      {v.summary ? <p>{v.summary}</p> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              {!gone ? (
                <div className="forum-post-actions">
                  {bookmarkedIds ? <BookmarkToggle postId={p.id} postNumber={p.postNumber} bookmarked={bookmarkedIds.includes(p.id)} /> : null}
                  {canReply ? (
                    <>
                      <a href={`${baseUrl}?${pageParam}antwort=${p.postNumber}#antworten`} aria-label={`Auf Beitrag ${p.postNumber} antworten`}>
                        Antworten
                      </a>
                      <a href={`${baseUrl}?${pageParam}zitat=${p.postNumber}#antworten`} aria-label={`Beitrag ${p.postNumber} zitieren`}>
                        Zitieren
                      </a>
                    </>
                  ) : null}
                  {editableIds.includes(p.id) ? (
                    <Link to={`${baseUrl}/bearbeiten/${p.postNumber}`} aria-label={`Beitrag ${p.postNumber} bearbeiten`}>
                      Bearbeiten
                    </Link>
                  ) : null}
                  {canAccept && p.postNumber > 1 ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="accept" />
                      <input type="hidden" name="postNumber" value={accepted ? "" : p.postNumber} />
                      <button type="submit" className="link-button">
                        {accepted ? `Lösung zurücknehmen` : `Als Lösung markieren`}
                        <span className="visually-hidden"> (Beitrag {p.postNumber})</span>
                      </button>
                    </Form>
                  ) : null}
                  {canFlag ? (
                    <details className="forum-flag">
                      <summary>
                        Melden<span className="visually-hidden"> (Beitrag {p.postNumber})</span>
                      </summary>
                      <Form method="post">
                        <input type="hidden" name="intent" value="flag" />
                        <input type="hidden" name="postId" value={p.id} />
                        <div className="field">
                          <label htmlFor={`melden-${p.postNumber}-grund`}>Grund</label>
                          <select id={`melden-${p.postNumber}-grund`} name="reason" defaultValue="personenbezogene-daten">
                            {FLAG_REASONS.map((r) => (
                              <option key={r.value} value={r.value}>
                                {r.label}
                              </option>
                            ))}
                          </select>
                        </div>
                        <div className="field">
                          <label htmlFor={`melden-${p.postNumber}-text`}>Erläuterung (optional)</label>
                          <textarea id={`melden-${p.postNumber}-text`} name="detail" rows={2} maxLength={500} />
                        </div>
                        <button type="submit" className="secondary">
                          Beitrag {p.postNumber} melden
                        </button>
                      </Form>
                    </details>
                  ) : null}
                </div>
              ) : null}
              {canModerate && !p.deleted ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value={p.hidden ? "mod-restore" : "mod-hide"} />
                  <input type="hidden" name="postId" value={p.id} />
                  <button type="submit" className="secondary">
                    {p.hidden ? "Wieder einblenden" : "Ausblenden"}
                    <span className="visually-hidden"> (Beitrag {p.postNumber})</span>
                  </button>
                </Form>
              ) : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
