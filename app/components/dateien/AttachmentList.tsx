import { formatDate } from "~/utils/format";
import { formatFileSize } from "~/utils/dateien";

/** One attachment as a page shows it (loaders return only these fields). */
export type AttachmentView = { id: number; name: string; typeLabel: string; size: number; createdAt: string; thumb: boolean; canDelete?: boolean };

/**
 * The files of one parent (post, project, article, programme). The link text names file, type and size, so a
 * screen reader user knows what a click downloads; images come with their server-made thumbnail (alt = file name).
 */
export function AttachmentList({ files, label = "Dateien" }: { files: AttachmentView[]; label?: string }) {
  if (files.length === 0) return null;
  return (
    <ul className="attachment-list" aria-label={label}>
      {files.map((f) => (
        <li key={f.id} className="attachment">
          {f.thumb ? <img className="attachment-thumb" src={`/dateien/${f.id}/vorschau`} alt={f.name} loading="lazy" /> : null}
          <span className="attachment-text">
            <a href={`/dateien/${f.id}`} className="attachment-link">
              {f.name} ({f.typeLabel}, {formatFileSize(f.size)})
            </a>
            <span className="muted attachment-date">
              {" "}
              · hochgeladen am <time dateTime={f.createdAt}>{formatDate(f.createdAt)}</time>
            </span>
            {f.canDelete ? (
              <>
                {" · "}
                <a href={`/dateien/${f.id}/loeschen`} aria-label={`${f.name} löschen`}>
                  Löschen
                </a>
              </>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
