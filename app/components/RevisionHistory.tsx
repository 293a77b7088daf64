// The body of every "Versionen" page (articles, programmes, projects): the selected diff and the list of all
// revisions with links to compare and, where allowed, a button to restore (POST intent=wiederherstellen).
import { Form, Link } from "@remix-run/react";
import { RevisionDiff } from "~/components/RevisionDiff";
import type { RevisionHistory as History } from "~/models/revision.server";
import { formatDateTime } from "~/utils/format";

export function RevisionHistory({ history, fieldLabels, restore = false }: { history: History; fieldLabels?: Record<string, string>; restore?: boolean }) {
  const { diff, revisions, current } = history;
  return (
    <>
      {diff ? (
        <section aria-labelledby="diff-titel">
          <h2 id="diff-titel">
            Unterschiede von Version {diff.von} zu Version {diff.bis}
          </h2>
          <RevisionDiff body={diff.body} fields={diff.fields} fieldLabels={fieldLabels} />
        </section>
      ) : (
        <p>Es gibt nur eine Version.</p>
      )}
      <h2 id="alle-versionen">Alle Versionen</h2>
      <div className="table-wrap">
        <table className="stack-cards">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Zeit</th>
              <th scope="col">Von</th>
              <th scope="col">Art</th>
              <th scope="col">Grund</th>
              <th scope="col">Aktionen</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.version}>
                <th scope="row">
                  {r.version}
                  {r.version === current ? " (aktuell)" : ""}
                </th>
                <td data-label="Zeit">{formatDateTime(r.at)}</td>
                <td data-label="Von">{r.author}</td>
                <td data-label="Art">{r.source}</td>
                <td data-label="Grund">{r.reason || "ohne Begründung"}</td>
                <td>
                  {r.version > 1 ? (
                    <Link to={`?von=${r.version - 1}&bis=${r.version}`}>
                      Änderungen<span className="visually-hidden"> in Version {r.version}</span>
                    </Link>
                  ) : null}
                  {r.version !== current ? (
                    <>
                      {r.version > 1 ? " · " : null}
                      <Link to={`?von=${r.version}&bis=${current}`}>
                        Mit aktueller vergleichen<span className="visually-hidden"> (Version {r.version})</span>
                      </Link>
                      {restore ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="wiederherstellen" />
                          <input type="hidden" name="version" value={r.version} />
                          {" · "}
                          <button type="submit" className="link-button">
                            Version {r.version} wiederherstellen
                          </button>
                        </Form>
                      ) : null}
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
