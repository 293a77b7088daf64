import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listDueForReview } from "~/models/article.server";
import { listStaleProgrammes } from "~/models/programme.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { formatDate, todayIso } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { ARTICLE_STATUS, ARTICLE_TYPES } from "~/utils/taxonomy";

export const meta: MetaFunction = () => titleMeta("Überprüfung fällig");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "content.edit");
  const today = todayIso();
  return {
    today,
    articles: listDueForReview(getDb(), today).map((a) => ({
      slug: a.slug,
      title: a.title,
      type: ARTICLE_TYPES[a.type],
      status: ARTICLE_STATUS[a.status],
      pruefenBis: a.pruefenBis,
      stand: a.stand,
    })),
    // Förderprogramme past their review date (funding guide)
    programmes: listStaleProgrammes(getDb(), today).map((p) => ({ slug: p.slug, title: p.title, status: p.status, stand: p.stand, pruefenBis: p.pruefenBis })),
  };
}

export default function Pruefung() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Überprüfung fällig</h1>
      <p>Inhalte, deren Prüfdatum („prüfen bis“) vor dem heutigen Tag ({formatDate(d.today)}) liegt. Nach der Prüfung Stand und Prüfdatum im Beitrag aktualisieren.</p>
      <section aria-labelledby="pruefung-wissen">
        <h2 id="pruefung-wissen">Wissensbeiträge ({d.articles.length})</h2>
        {d.articles.length === 0 ? (
          <p>Keine Wissensbeiträge sind überfällig.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Beitrag</th>
                  <th scope="col">Art</th>
                  <th scope="col">Status</th>
                  <th scope="col">Stand</th>
                  <th scope="col">Prüfen bis</th>
                  <th scope="col">Aktion</th>
                </tr>
              </thead>
              <tbody>
                {d.articles.map((a) => (
                  <tr key={a.slug}>
                    <th scope="row">
                      <Link to={`/wissen/${a.slug}`}>{a.title}</Link>
                    </th>
                    <td>{a.type}</td>
                    <td>{a.status}</td>
                    <td>{formatDate(a.stand)}</td>
                    <td>
                      <span className="badge badge--warn">
                        <span aria-hidden="true">⚠ </span>fällig seit {formatDate(a.pruefenBis)}
                      </span>
                    </td>
                    <td>
                      <Link to={`/wissen/${a.slug}/bearbeiten`}>
                        Prüfen und bearbeiten<span className="visually-hidden">: {a.title}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="pruefung-foerderung">
        <h2 id="pruefung-foerderung">Förderprogramme ({d.programmes.length})</h2>
        {d.programmes.length === 0 ? (
          <p>Keine Förderprogramme sind überfällig.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Programm</th>
                  <th scope="col">Status</th>
                  <th scope="col">Stand</th>
                  <th scope="col">Prüfen bis</th>
                  <th scope="col">Aktion</th>
                </tr>
              </thead>
              <tbody>
                {d.programmes.map((p) => (
                  <tr key={p.slug}>
                    <th scope="row">
                      <Link to={`/foerderung/${p.slug}`}>{p.title}</Link>
                    </th>
                    <td>{p.status}</td>
                    <td>{formatDate(p.stand)}</td>
                    <td>
                      <span className="badge badge--warn">
                        <span aria-hidden="true">⚠ </span>fällig seit {formatDate(p.pruefenBis)}
                      </span>
                    </td>
                    <td>
                      <Link to={`/foerderung/${p.slug}/bearbeiten`}>
                        Prüfen und bearbeiten<span className="visually-hidden">: {p.title}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
