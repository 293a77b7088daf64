// One status line per topic in a list, instead of several badges: unread cue (as text, linked to the first
// unread post), Clearingstelle status when it is not "offen", solved/locked, Handlungsfelder and cities, author,
// number of posts and last activity – separated by "·".
import { Fragment, type ReactNode } from "react";
import { HANDLUNGSFELDER } from "~/utils/taxonomy";
import { formatDateTime, formatNumber } from "~/utils/format";
import { unreadCue } from "~/utils/forum-unread";
import { CLEARING_LABELS } from "./TopicMeta";

export type TopicLineData = {
  id: number;
  title: string;
  url: string;
  isNew: boolean;
  unread: number | null;
  firstUnread: number | null;
  status: string;
  accepted: boolean;
  locked: boolean;
  handlungsfelder?: string[];
  staedte?: string[];
  categoryName?: string;
  authorName?: string;
  postCount: number;
  lastPostAt: string;
};

export function TopicStatusLine({ t, cityNames = {} }: { t: TopicLineData; cityNames?: Record<string, string> }) {
  const parts: ReactNode[] = [];
  const cue = unreadCue(t.isNew, t.unread);
  if (cue) {
    parts.push(
      t.firstUnread && !t.isNew ? (
        <a href={`${t.url}?beitrag=${t.firstUnread}#beitrag-${t.firstUnread}`} className="topic-cue">
          {cue}
          <span className="visually-hidden"> in „{t.title}“ – zum ersten ungelesenen Beitrag</span>
        </a>
      ) : (
        <strong className="topic-cue">{cue}</strong>
      ),
    );
  }
  if (t.status !== "offen") parts.push(`Clearingstelle: ${CLEARING_LABELS[t.status] ?? t.status}`);
  if (t.accepted) parts.push("beantwortet");
  if (t.locked) parts.push("gesperrt");
  if (t.categoryName) parts.push(`in ${t.categoryName}`);
  const felder = (t.handlungsfelder ?? []).map((h) => HANDLUNGSFELDER[h as keyof typeof HANDLUNGSFELDER] ?? h);
  if (felder.length) parts.push(felder.join(", "));
  const staedte = (t.staedte ?? []).map((s) => cityNames[s] ?? s);
  if (staedte.length) parts.push(staedte.join(", "));
  if (t.authorName) parts.push(`von ${t.authorName}`);
  parts.push(`${formatNumber(t.postCount)} ${t.postCount === 1 ? "Beitrag" : "Beiträge"}`);
  parts.push(`letzte Aktivität ${formatDateTime(t.lastPostAt)}`);
  return (
    <p className="topic-status-line">
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 ? " · " : null}
          {p}
        </Fragment>
      ))}
    </p>
  );
}
