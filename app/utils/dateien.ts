// Attachments (issue 14): constants and formatting shared by server and browser (never import these from a
// *.server.ts module in a component: such values are undefined in the browser).
import { formatNumber } from "./format";

/** The file input's name in every form that accepts attachments. */
export const FILE_FIELD = "dateien";
export const MAX_FILES_PER_SUBMIT = 10;
export const MAX_FILE_MB = 20;
/** A hint for the browser's file picker only; the server decides by content. */
export const FILE_ACCEPT = ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.csv,.txt,.png,.jpg,.jpeg,.webp";
export const FILE_HINT = `PDF, Word, Excel, PowerPoint, ODT, ODS, ODP, CSV, Text, PNG, JPEG oder WebP; bis ${MAX_FILE_MB} MB je Datei, höchstens ${MAX_FILES_PER_SUBMIT} Dateien.`;

/** "120 KB", "3,4 MB" */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** Appended to a refusal: the browser cannot keep chosen files across a page load, the text is kept. */
export const KEPT_TEXT = "Ihr Text ist erhalten; bitte wählen Sie die Dateien erneut aus.";

/**
 * Paths whose POST may carry attachments (the server streams their multipart bodies): forum reply and new topic,
 * project, article and programme editors (and new ones), replacing a file; as documents and as single-fetch data requests (`….data`).
 */
export const UPLOAD_ROUTES = /^\/(?:forum\/[^/]+\/(?:neu|\d+)|(?:projekte|wissen|foerderung)\/[^/]+\/bearbeiten|(?:wissen|foerderung)\/neu|dateien\/\d+\/ersetzen)(?:\.data)?$/;

/** The DSGVO zip export (/konto/daten.zip) includes uploaded files up to this size together. */
export const EXPORT_ZIP_MAX_BYTES = 1024 * 1024 * 1024;
export const EXPORT_ZIP_MAX_LABEL = "1 GB";
