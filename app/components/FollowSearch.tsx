// "Diese Suche abonnieren" (issue 19, decision 020): a small POST form that works without JavaScript. It sends
// the list and the current query string; the server keeps only the list's known filter keys.
import { Form, Link, useLocation } from "@remix-run/react";
import { useRootData } from "~/root";
import type { AboListe } from "~/models/abo.server";

export function FollowSearch({ liste }: { liste: AboListe }) {
  const root = useRootData();
  const { pathname, search } = useLocation();
  if (!root?.user) {
    return (
      <p className="follow-search">
        <Link to={`/anmelden?redirectTo=${encodeURIComponent(pathname + search)}`}>Diese Suche abonnieren (nach Anmeldung)</Link>
      </p>
    );
  }
  return (
    <Form method="post" action="/abos/folgen" className="follow-search" reloadDocument>
      <input type="hidden" name="liste" value={liste} />
      <input type="hidden" name="filter" value={search.slice(0, 2000)} />
      <button type="submit" className="button secondary">
        Diese Suche abonnieren
      </button>{" "}
      <Link to="/konto/suchabos">Meine Suchabos</Link>
    </Form>
  );
}
