import { Form, Link } from "@remix-run/react";
import { formatDateTime } from "~/utils/format";
import { formatFileSize } from "~/utils/dateien";

export type VersionView = {
  id: number;
  name: string;
  typeLabel: string;
  size: number;
  createdAt: string;
};
export type HistoryView = { current: VersionView; versions: VersionView[] };

const fileText = (f: VersionView) => `${f.name} (${f.typeLabel}, ${formatFileSize(f.size)})`;

/**
 * The files of an article or programme in the editor: each with "Ersetzen" (the old one stays as a version) and
 * "Löschen". Outside the editor form (own pages), so it works without JavaScript.
 */
export function EditorAttachments({ files }: { files: HistoryView[] }) {
  if (files.length === 0) return null;
  return (
    <section aria-labelledby="dateien-titel" className="editor-attachments">
      <h2 id="dateien-titel">Angehängte Dateien</h2>
      <ul className="attachment-list">
        {files.map(({ current: f, versions }) => (
          <li key={f.id} className="attachment">
            <span className="attachment-text">
              <a href={`/dateien/${f.id}`} className="attachment-link">
                {fileText(f)}
              </a>
              {versions.length ? <span className="muted"> · {versions.length === 1 ? "1 frühere Version" : `${versions.length} frühere Versionen`}</span> : null}
              {" · "}
              <Link to={`/dateien/${f.id}/ersetzen`} aria-label={`${f.name} ersetzen`}>
                Ersetzen
              </Link>
              {" · "}
              <a href={`/dateien/${f.id}/loeschen`} aria-label={`${f.name} löschen`}>
                Löschen
              </a>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** File versions on the `…/versionen` page; the Redaktion (`canRestore`) can make an earlier one current again. */
export function AttachmentVersions({ files, canRestore }: { files: HistoryView[]; canRestore: boolean }) {
  const withVersions = files.filter((f) => f.versions.length > 0);
  return (
    <section aria-labelledby="dateiversionen-titel">
      <h2 id="dateiversionen-titel">Dateiversionen</h2>
      {withVersions.length === 0 ? (
        <p className="muted">Keine Datei wurde bisher ersetzt.</p>
      ) : (
        <ul className="file-versions">
          {withVersions.map(({ current, versions }) => (
            <li key={current.id}>
              <p>
                Aktuell: {canRestore ? <a href={`/dateien/${current.id}`}>{fileText(current)}</a> : fileText(current)}, hochgeladen am{" "}
                <time dateTime={current.createdAt}>{formatDateTime(current.createdAt)}</time>
              </p>
              <ol aria-label={`Frühere Versionen von ${current.name}`}>
                {versions.map((v) => (
                  <li key={v.id}>
                    {canRestore ? <a href={`/dateien/${v.id}`}>{fileText(v)}</a> : fileText(v)}, hochgeladen am <time dateTime={v.createdAt}>{formatDateTime(v.createdAt)}</time>
                    {canRestore ? (
                      <Form method="post" action={`/dateien/${v.id}/wiederherstellen`} reloadDocument className="inline-form">
                        <input type="hidden" name="aktuell" value={current.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="wiederherstellen"
                          className="secondary"
                          aria-label={`Version vom ${formatDateTime(v.createdAt)} von ${v.name} wiederherstellen`}
                        >
                          Wiederherstellen
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
