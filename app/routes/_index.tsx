import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listUpcomingDeadlines } from "~/models/programme.server";
import { getDb } from "~/services/db.server";
import { formatDate, todayIso } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { latestTopics } from "~/models/forum.server";
import { listTermine } from "~/models/termin.server";
import { formatEventTime } from "~/components/termine/berlin-time";

export const meta: MetaFunction = () =>
  titleMeta(undefined, "Wissen, Förderwegweiser, Fachforum mit Clearingstelle und Projektdatenbank für Städte mit Zuwanderung aus Bulgarien und Rumänien.");

const AREAS = [
  { to: "/wissen", title: "Wissen", text: "Was hat in anderen Städten funktioniert – und was nicht, und warum? Praxisbeispiele, Lösungsszenarien, Checklisten, Fakten und Glossar." },
  { to: "/foerderung", title: "Förderung", text: "Welche Mittel gibt es für wen, mit wie viel Eigenanteil, welcher Kofinanzierung und bis wann? Mit Förder-Finder." },
  { to: "/forum", title: "Forum", text: "Kolleginnen und Kollegen in anderen Städten fragen. Fragen von allgemeinem Interesse klärt die Clearingstelle." },
  { to: "/projekte", title: "Projekte", text: "Die Entwicklungsdatenbank des Städtenetzes: Projekte von der Idee bis zur Auswertung, Partnersuche für gemeinsame Anträge." },
];

/** Public data only: the next funding deadlines (Förderung). */
export async function loader() {
  const deadlines = listUpcomingDeadlines(getDb(), { from: todayIso(), limit: 5 }).map((d) => ({ slug: d.slug, kurz: d.kurz, bezeichnung: d.bezeichnung, datum: d.datum }));
  // Forum: public categories only (the start page shows the same to everybody).
  const forum = latestTopics(getDb(), null, 5).map((t) => ({ id: t.id, title: t.title, categorySlug: t.categorySlug, lastPostAt: t.lastPostAt.toISOString() }));
  const termine = listTermine(getDb(), { limit: 3 }).map((t) => ({ id: t.id, titel: t.titel, beginn: t.beginn.toISOString(), ende: t.ende?.toISOString() ?? null }));
  return { deadlines, forum, termine };
}

export default function Index() {
  const { deadlines, forum, termine } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Städtenetz Südosteuropa</h1>
      <p className="lead">
        Der gemeinsame Arbeitsort der Städte, die Menschen aus Bulgarien und Rumänien beim Ankommen unterstützen: bei Gesundheit, Wohnen, Schule und
        Arbeit.
      </p>
      <ul className="cards">
        {AREAS.map((a) => (
          <li key={a.to} className="card">
            <h2>
              <Link to={a.to}>{a.title}</Link>
            </h2>
            <p>{a.text}</p>
          </li>
        ))}
      </ul>
      <section aria-labelledby="anstehende-fristen">
        <h2 id="anstehende-fristen">Anstehende Fristen</h2>
        {deadlines.length ? (
          <ul className="upcoming-deadlines">
            {deadlines.map((d) => (
              <li key={`${d.slug}-${d.datum}-${d.bezeichnung}`}>
                <time dateTime={d.datum}>{formatDate(d.datum)}</time>: <Link to={`/foerderung/${d.slug}`}>{d.kurz}</Link> – {d.bezeichnung}
              </li>
            ))}
          </ul>
        ) : (
          <p>Derzeit sind keine künftigen Förderfristen eingetragen.</p>
        )}
        <p>
          <Link to="/foerderung?frist=90">Programme mit Frist in den nächsten 90 Tagen</Link> · <a href="/foerderung/fristen.ics">Fristen als Kalender abonnieren (.ics)</a>
        </p>
      </section>
      <section aria-labelledby="naechste-termine">
        <h2 id="naechste-termine">Nächste Termine</h2>
        {termine.length ? (
          <ul className="upcoming-deadlines">
            {termine.map((t) => (
              <li key={t.id}>
                <time dateTime={t.beginn}>{formatEventTime(new Date(t.beginn), t.ende ? new Date(t.ende) : null)}</time>: <Link to={`/termine/${t.id}`}>{t.titel}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>Derzeit sind keine kommenden Termine eingetragen.</p>
        )}
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
      <h2>Die Städte</h2>
      <p>
        Dortmund und Duisburg haben den Handlungsrahmen 2013 gemeinsam entwickelt; weitere Städte sind interessiert. <Link to="/staedte">Zu den Städten</Link>
      </p>
    </>
  );
}
