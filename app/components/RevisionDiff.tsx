// Readable diff of two revisions: changed metadata fields as a table, the body line by line with
// additions and deletions marked by <ins>/<del> and a text label (not by colour alone).
import type { DiffPart, FieldDiff } from "~/models/revision.server";

export function RevisionDiff({ body, fields, fieldLabels = {} }: { body: DiffPart[]; fields: FieldDiff[]; fieldLabels?: Record<string, string> }) {
  const changed = body.some((p) => p.kind !== "same");
  return (
    <div className="revision-diff">
      {fields.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>Geänderte Angaben</caption>
            <thead>
              <tr>
                <th scope="col">Feld</th>
                <th scope="col">Vorher</th>
                <th scope="col">Nachher</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f.field}>
                  <th scope="row">{fieldLabels[f.field] ?? f.field}</th>
                  <td>
                    <del>{f.before}</del>
                  </td>
                  <td>
                    <ins>{f.after}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {changed ? (
        <pre className="diff-body">
          {body.map((p, i) =>
            p.kind === "added" ? (
              <ins key={i}>
                <span className="visually-hidden">Hinzugefügt: </span>
                {p.text}
              </ins>
            ) : p.kind === "removed" ? (
              <del key={i}>
                <span className="visually-hidden">Entfernt: </span>
                {p.text}
              </del>
            ) : (
              <span key={i}>{p.text}</span>
            ),
          )}
        </pre>
      ) : (
        <p>Der Text ist unverändert.</p>
      )}
    </div>
  );
}
