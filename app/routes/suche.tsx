// /suche – full search page: query form, facet filters (typ, Handlungsfeld) with counts, results labelled by
// type with highlighted snippets, "Meinten Sie …?" when nothing is found, paging. Works without JavaScript.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getUser, toViewer } from "~/services/auth.server";
import { getSearchIndex, parseSearchParams } from "~/services/search/index.server";
import { fold, originalWord, queryTerms, snippetParts } from "~/services/search/fold";
import { can } from "~/services/permissions";
import { SEARCH_TYPES, emptyResult, type SearchResult } from "~/services/search/types";
import { TYP_LABELS } from "~/components/search/SearchCombobox";
import { HANDLUNGSFELDER } from "~/utils/taxonomy";
import { formatNumber } from "~/utils/format";
import { titleMeta } from "~/utils/meta";

const PAGE_SIZE = 10;
const NO_EXTRAS = { ignored: [] as string[], used: [] as string[], askForum: null as string | null, member: false };

export const meta: MetaFunction<typeof loader> = ({ data: d }) => titleMeta(d?.q ? `Suche: ${d.q}` : "Suche");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = parseSearchParams(url, { defaultLimit: PAGE_SIZE });
  const viewer = toViewer(await getUser(request));
  const q = (url.searchParams.get("q") ?? "").slice(0, 2000);
  if (!parsed.ok) {
    return data({ q, typ: null, feld: null, seite: 1, limit: PAGE_SIZE, result: emptyResult(), suggestion: null, ...NO_EXTRAS, error: parsed.error }, { status: 400 });
  }
  const p = parsed.params;
  const seite = Math.floor(p.offset / p.limit) + 1;
  const base = { q: p.q, typ: p.typ ?? null, feld: p.feld ?? null, seite, limit: p.limit, error: null as string | null };
  if (!p.q.trim()) return { ...base, result: emptyResult(), suggestion: null, ...NO_EXTRAS };
  const index = getSearchIndex();
  let result: SearchResult;
  try {
    result = await index.search(p, viewer);
  } catch {
    return data({ ...base, result: emptyResult(), suggestion: null, ...NO_EXTRAS, error: "Die Suche ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal." }, { status: 503 });
  }
  // Also when typo tolerance already found something ("Krankenversichrung"): offer the corrected search.
  const suggestion = await index.suggest(p.q, viewer).catch(() => null);
  const ignored = (result.ignored ?? []).map((t) => originalWord(p.q, t));
  const used = queryTerms(p.q).filter((t) => !(result.ignored ?? []).includes(t)).map((t) => originalWord(p.q, t));
  // "Im Forum fragen": members get the new-topic form with the query as its title, guests the sign-in page first.
  const newTopic = `/forum/${p.feld ?? "allgemeines"}/neu?${new URLSearchParams({ titel: p.q.trim().slice(0, 160) })}`;
  const askForum = can(viewer, "forum.post") ? newTopic : `/anmelden?${new URLSearchParams({ redirectTo: newTopic })}`;
  return { ...base, result, suggestion: suggestion && fold(suggestion) !== fold(p.q) ? suggestion : null, ignored, used, askForum, member: can(viewer, "forum.post") };
}

function href(q: string, opts: { typ?: string | null; feld?: string | null; seite?: number }) {
  const sp = new URLSearchParams({ q });
  if (opts.typ) sp.set("typ", opts.typ);
  if (opts.feld) sp.set("feld", opts.feld);
  if (opts.seite && opts.seite > 1) sp.set("seite", String(opts.seite));
  return `/suche?${sp.toString()}`;
}

function Snippet({ text }: { text: string }) {
  return (
    <>
      {snippetParts(text).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

export default function Suche() {
  const { q, typ, feld, seite, limit, result, suggestion, error, ignored, used, askForum, member } = useLoaderData<typeof loader>();
  const quoted = (words: string[]) => words.map((w) => `„${w}“`).join(", ");
  const pages = Math.max(1, Math.ceil(result.total / limit));
  const from = (seite - 1) * limit + 1;
  const to = Math.min(result.total, seite * limit);
  const hasFacets = Object.keys(result.facets.typ).length > 0 || Object.keys(result.facets.feld).length > 0;
  return (
    <div className="suche">
      <h1>Suche</h1>
      <Form method="get" action="/suche" className="suche-form">
        <label htmlFor="suche-q">Suchbegriff</label>
        <div className="suche-form__row">
          <input id="suche-q" type="search" name="q" defaultValue={q} autoComplete="off" aria-describedby={error ? "suche-fehler" : undefined} />
          {typ ? <input type="hidden" name="typ" value={typ} /> : null}
          {feld ? <input type="hidden" name="feld" value={feld} /> : null}
          <button type="submit">Suchen</button>
        </div>
      </Form>
      {error ? (
        <p id="suche-fehler" className="field-error" role="alert">
          {error}
        </p>
      ) : null}

      {q.trim() && !error ? (
        <div className="suche-layout">
          {hasFacets || typ || feld ? (
            <aside className="suche-facetten" aria-labelledby="facetten-titel">
              <h2 id="facetten-titel">Treffer eingrenzen</h2>
              <h3 id="facette-typ">Art</h3>
              <ul aria-labelledby="facette-typ">
                <li>
                  <Link to={href(q, { feld })} aria-current={!typ ? "true" : undefined}>
                    Alle Arten
                  </Link>
                </li>
                {SEARCH_TYPES.filter((t) => result.facets.typ[t] || typ === t).map((t) => (
                  <li key={t}>
                    <Link to={href(q, { typ: t, feld })} aria-current={typ === t ? "true" : undefined}>
                      {TYP_LABELS[t]} <span className="suche-count">({formatNumber(result.facets.typ[t] ?? 0)})</span>
                    </Link>
                  </li>
                ))}
              </ul>
              <h3 id="facette-feld">Handlungsfeld</h3>
              <ul aria-labelledby="facette-feld">
                <li>
                  <Link to={href(q, { typ })} aria-current={!feld ? "true" : undefined}>
                    Alle Handlungsfelder
                  </Link>
                </li>
                {Object.entries(HANDLUNGSFELDER)
                  .filter(([k]) => result.facets.feld[k] || feld === k)
                  .map(([k, label]) => (
                    <li key={k}>
                      <Link to={href(q, { typ, feld: k })} aria-current={feld === k ? "true" : undefined}>
                        {label} <span className="suche-count">({formatNumber(result.facets.feld[k] ?? 0)})</span>
                      </Link>
                    </li>
                  ))}
              </ul>
            </aside>
          ) : null}

          <section className="suche-ergebnisse" aria-labelledby="ergebnisse-titel">
            <h2 id="ergebnisse-titel" className="visually-hidden">
              Ergebnisse
            </h2>
            <p className="suche-anzahl" role="status">
              {result.total === 0
                ? `Keine Treffer für „${q}“.`
                : `${formatNumber(result.total)} ${result.total === 1 ? "Treffer" : "Treffer"} für „${q}“${pages > 1 ? ` – ${from} bis ${to}` : ""}.`}
            </p>
            {ignored.length > 0 && used.length > 0 ? (
              <p className="suche-hinweis notice">
                Keine Treffer für {quoted(ignored)} – Ergebnisse für „{used.join(" ")}“.
              </p>
            ) : result.relaxed ? (
              <p className="suche-hinweis notice">Kein Treffer enthält alle Wörter – Ergebnisse mit einem Teil der Wörter.</p>
            ) : null}
            {result.degraded ? (
              <p className="suche-hinweis notice">Die erweiterte Suche ist gerade nicht erreichbar – Ergebnisse aus der eingebauten Suche.</p>
            ) : null}
            {suggestion ? (
              <p className="suche-vorschlag">
                Meinten Sie: <Link to={href(suggestion, { typ, feld })}>{suggestion}</Link>?
              </p>
            ) : null}
            {result.total === 0 && askForum ? (
              <div className="suche-forum">
                <p>Nichts Passendes gefunden? Fragen Sie die Kolleginnen und Kollegen aus den anderen Städten.</p>
                <p>
                  <Link to={askForum} className="button">
                    Im Forum fragen
                  </Link>
                  {member ? null : <span className="muted"> (nach der Anmeldung)</span>}
                </p>
              </div>
            ) : null}
            {result.hits.length > 0 ? (
              <ol className="suche-liste" start={from}>
                {result.hits.map((h) => (
                  <li key={`${h.typ}:${h.slug}`} className="suche-treffer">
                    <h3>
                      <Link to={h.url}>{h.title}</Link>
                    </h3>
                    <p className="status-line suche-treffer__typ">{TYP_LABELS[h.typ] ?? h.typ}</p>
                    {h.snippet ? (
                      <p className="suche-treffer__snippet">
                        <Snippet text={h.snippet} />
                      </p>
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : null}
            {pages > 1 ? (
              <nav aria-label="Seiten der Trefferliste" className="suche-seiten">
                <ul>
                  {seite > 1 ? (
                    <li>
                      <Link to={href(q, { typ, feld, seite: seite - 1 })} rel="prev">
                        Vorherige Seite
                      </Link>
                    </li>
                  ) : null}
                  <li>
                    Seite {seite} von {formatNumber(pages)}
                  </li>
                  {seite < pages ? (
                    <li>
                      <Link to={href(q, { typ, feld, seite: seite + 1 })} rel="next">
                        Nächste Seite
                      </Link>
                    </li>
                  ) : null}
                </ul>
              </nav>
            ) : null}
          </section>
        </div>
      ) : !error ? (
        <p>Geben Sie einen Suchbegriff ein, zum Beispiel „Problemimmobilien“, „EFRE Kommune“ oder „Schulpflicht“.</p>
      ) : null}
    </div>
  );
}
