import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listUpcomingDeadlines } from "~/models/programme.server";
import { getDb } from "~/services/db.server";
import { formatDate, todayIso } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { latestTopics } from "~/models/forum.server";
import { listTermine } from "~/models/termin.server";
import { homeDashboard } from "~/models/home.server";
import { getUser, toViewer } from "~/services/auth.server";
import { formatEventTime } from "~/components/termine/berlin-time";
import { ARTICLE_TYPES, HANDLUNGSFELDER } from "~/utils/taxonomy";

export const meta: MetaFunction = () =>
  titleMeta(undefined, "Wissen, Förderwegweiser, Fachforum mit Clearingstelle und Projektdatenbank für Städte mit Zuwanderung aus Bulgarien und Rumänien.");

// Six entry points: 1, 2 or 3 columns (cards-even), so no row is left with an orphan card.
const AREAS = [
  { to: "/wissen", title: "Wissen", text: "Was hat in anderen Städten funktioniert – und was nicht, und warum? Praxisbeispiele, Lösungsszenarien, Checklisten, Fakten und Glossar." },
  { to: "/foerderung", title: "Förderung", text: "Welche Mittel gibt es für wen, mit wie viel Eigenanteil, welcher Kofinanzierung und bis wann? Mit Förder-Finder." },
  { to: "/forum", title: "Forum", text: "Kolleginnen und Kollegen in anderen Städten fragen. Fragen von allgemeinem Interesse klärt die Clearingstelle." },
  { to: "/projekte", title: "Projekte", text: "Die Entwicklungsdatenbank des Städtenetzes: Projekte von der Idee bis zur Auswertung, Partnersuche für gemeinsame Anträge." },
  { to: "/staedte", title: "Städte", text: "Die Städte des Netzes mit Kennzahlen, Anlaufstellen vor Ort und dem Vergleich zwischen Städten." },
  { to: "/ankommen", title: "Ankommen", text: "Die Stationen des Ankommens – von der Anmeldung bis zur Schule – mit Laufzettel in mehreren Sprachen." },
];

/** Guests: public data only (the page stays cacheable). Signed in: the personal first screen (never cached). */
export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const user = await getUser(request);
  const deadlines = listUpcomingDeadlines(db, { from: todayIso(), limit: 5 }).map((d) => ({ slug: d.slug, kurz: d.kurz, bezeichnung: d.bezeichnung, datum: d.datum }));
  const termine = listTermine(db, { limit: 3 }).map((t) => ({ id: t.id, titel: t.titel, beginn: t.beginn.toISOString(), ende: t.ende?.toISOString() ?? null }));
  if (user) {
    const viewer = toViewer(user)!;
    return { guest: null, me: { name: user.name, ...homeDashboard(db, viewer, todayIso()) } };
  }
  // Forum: public categories only.
  const forum = latestTopics(db, null, 5).map((t) => ({ id: t.id, title: t.title, categorySlug: t.categorySlug, lastPostAt: t.lastPostAt.toISOString() }));
  return { guest: { deadlines, forum, termine }, me: null };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function Index() {
  const { guest, me } = useLoaderData<typeof loader>();
  return me ? <Dashboard me={me} /> : <GuestHome guest={guest!} />;
}

function EventList({ termine }: { termine: { id: number; titel: string; beginn: string; ende: string | null }[] }) {
  return (
    <ul className="upcoming-deadlines">
      {termine.map((t) => (
        <li key={t.id}>
          <time dateTime={t.beginn}>{formatEventTime(new Date(t.beginn), t.ende ? new Date(t.ende) : null)}</time>: <Link to={`/termine/${t.id}`}>{t.titel}</Link>
        </li>
      ))}
    </ul>
  );
}

function DeadlineList({ deadlines }: { deadlines: { slug: string; kurz: string; bezeichnung: string; datum: string }[] }) {
  return (
    <ul className="upcoming-deadlines">
      {deadlines.map((d) => (
        <li key={`${d.slug}-${d.datum}-${d.bezeichnung}`}>
          <time dateTime={d.datum}>{formatDate(d.datum)}</time>: <Link to={`/foerderung/${d.slug}`}>{d.kurz}</Link> – {d.bezeichnung}
        </li>
      ))}
    </ul>
  );
}

function Dashboard({ me }: { me: NonNullable<Data["me"]> }) {
  const felderText = me.felder.length ? me.felder.map((f) => HANDLUNGSFELDER[f]).join(", ") : null;
  return (
    <>
      <h1>Mein Überblick</h1>
      <p className="lead">
        Guten Tag, {me.name}.{" "}
        {felderText ? <>Ihre Handlungsfelder: {felderText}.</> : <>Sie folgen noch keinem Handlungsfeld – hier steht das Neueste aus allen Feldern.</>}
      </p>
      <div className="home-panels">
        <section aria-labelledby="home-benachrichtigungen" className="home-panel">
          <h2 id="home-benachrichtigungen">Benachrichtigungen</h2>
          <p>{me.unread === 0 ? "Keine ungelesenen Benachrichtigungen." : me.unread === 1 ? "1 ungelesene Benachrichtigung." : `${me.unread} ungelesene Benachrichtigungen.`}</p>
          {me.notifications.length ? (
            <ul className="upcoming-deadlines">
              {me.notifications.map((n) => (
                <li key={n.id}>
                  <time dateTime={n.createdAt}>{formatDate(n.createdAt)}</time>: <a href={`/benachrichtigungen/${n.id}`}>{n.message}</a>
                  {n.unread ? " (ungelesen)" : null}
                </li>
              ))}
            </ul>
          ) : null}
          <p>
            <Link to="/benachrichtigungen">Alle Benachrichtigungen</Link>
          </p>
        </section>
        <section aria-labelledby="home-faellig" className="home-panel">
          <h2 id="home-faellig">Fällig</h2>
          {me.reviews.length ? (
            <>
              <h3>Meine Prüfungen ({me.reviewCount})</h3>
              <ul className="upcoming-deadlines">
                {me.reviews.map((r) => (
                  <li key={r.key}>
                    <Link to={r.url}>{r.title}</Link> – {r.overdue ? "überfällig seit" : "prüfen bis"} {r.pruefenBis ? formatDate(r.pruefenBis) : ""}
                  </li>
                ))}
              </ul>
              <p>
                <Link to="/verwaltung/meine-pruefungen">Alle meine Prüfungen</Link>
              </p>
            </>
          ) : null}
          <section aria-labelledby="home-fristen">
            <h3 id="home-fristen">Förderfristen in 30 Tagen</h3>
            {me.deadlines.length ? <DeadlineList deadlines={me.deadlines} /> : <p>Keine Förderfristen in den nächsten 30 Tagen{me.felder.length ? " in Ihren Handlungsfeldern" : ""}.</p>}
            <p>
              <Link to="/foerderung?frist=90">Fristen der nächsten 90 Tage</Link>
            </p>
          </section>
          <section aria-labelledby="naechste-termine">
            <h3 id="naechste-termine">Nächste Termine</h3>
            {me.termine.length ? <EventList termine={me.termine} /> : <p>Keine kommenden Termine{me.felder.length ? " in Ihren Handlungsfeldern" : ""}.</p>}
            <p>
              <Link to="/termine">Alle Termine</Link>
            </p>
          </section>
        </section>
        <section aria-labelledby="home-neu" className="home-panel">
          <h2 id="home-neu">Neu in Ihren Handlungsfeldern</h2>
          <h3>Wissen</h3>
          {me.latestArticles.length ? (
            <ul className="upcoming-deadlines">
              {me.latestArticles.map((a) => (
                <li key={a.slug}>
                  <Link to={`/wissen/${a.slug}`}>{a.title}</Link> <span className="status-line">· {ARTICLE_TYPES[a.type]}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>Noch keine Artikel.</p>
          )}
          <h3>Forum</h3>
          {me.latestTopics.length ? (
            <ul className="upcoming-deadlines">
              {me.latestTopics.map((t) => (
                <li key={t.id}>
                  <time dateTime={t.lastPostAt}>{formatDate(t.lastPostAt)}</time>: <Link to={`/forum/${t.categorySlug}/${t.id}`}>{t.title}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>Noch keine Themen.</p>
          )}
        </section>
      </div>
      <h2>Bereiche</h2>
      <AreaCards level={3} />
    </>
  );
}

function AreaCards({ level = 2 }: { level?: 2 | 3 }) {
  const H = level === 2 ? "h2" : "h3";
  return (
    <ul className="cards cards-even">
      {AREAS.map((a) => (
        <li key={a.to} className="card">
          <H className="card-title">
            <Link to={a.to}>{a.title}</Link>
          </H>
          <p>{a.text}</p>
        </li>
      ))}
    </ul>
  );
}

function GuestHome({ guest }: { guest: NonNullable<Data["guest"]> }) {
  const { deadlines, forum, termine } = guest;
  return (
    <>
      <h1>Gemeinsam gut ankommen: Wissen, Förderung und Austausch für Städte</h1>
      <p className="lead">
        Der gemeinsame Arbeitsort der Städte, die Menschen aus Bulgarien und Rumänien beim Ankommen unterstützen: bei Gesundheit, Wohnen, Schule und
        Arbeit.
      </p>
      <AreaCards />
      <section aria-labelledby="anstehende-fristen">
        <h2 id="anstehende-fristen">Anstehende Fristen</h2>
        {deadlines.length ? <DeadlineList deadlines={deadlines} /> : <p>Derzeit sind keine künftigen Förderfristen eingetragen.</p>}
        <p>
          <Link to="/foerderung?frist=90">Programme mit Frist in den nächsten 90 Tagen</Link> · <a href="/foerderung/fristen.ics">Fristen als Kalender abonnieren (.ics)</a>
        </p>
      </section>
      <section aria-labelledby="naechste-termine">
        <h2 id="naechste-termine">Nächste Termine</h2>
        {termine.length ? <EventList termine={termine} /> : <p>Derzeit sind keine kommenden Termine eingetragen.</p>}
        <p>
          <Link to="/termine">Alle Termine</Link> · <a href="/termine.ics">Termine als Kalender abonnieren (.ics)</a>
        </p>
      </section>
      {forum.length ? (
        <section aria-labelledby="neu-im-forum">
          <h2 id="neu-im-forum">Neu im Forum</h2>
          <ul className="upcoming-deadlines">
            {forum.map((t) => (
              <li key={t.id}>
                <time dateTime={t.lastPostAt}>{formatDate(t.lastPostAt)}</time>: <Link to={`/forum/${t.categorySlug}/${t.id}`}>{t.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>Mitmachen</h2>
      <p>
        Mitglieder aus den Städten lesen und schreiben im Forum, pflegen Projekte und bekommen Hinweise zu Fristen. <Link to="/anmelden">Zur Anmeldung</Link>
      </p>
    </>
  );
}
