// CSV for spreadsheet users (open data export).
//
// Choices (documented in docs/open-data.md):
// - UTF-8 with a byte order mark, so Excel detects the encoding and shows umlauts correctly.
// - Separator ";" – German Excel (locale de-DE) uses ";" as list separator; a ","-file opened by double click
//   would land in one column. Programs that read CSV properly accept any separator.
// - Lines end with CRLF (RFC 4180).
// - Cells containing the separator, a quote, CR or LF, or leading/trailing spaces are quoted; quotes are doubled.
// - Formula injection (CSV injection, OWASP): a text cell starting with = + - @ TAB or CR is prefixed with an
//   apostrophe so spreadsheet programs show it as text instead of evaluating it. Numbers are written as numbers.

export const CSV_SEPARATOR = ";";
export const CSV_BOM = "\uFEFF";

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises spreadsheet formulas in text cells. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvCell, sep = CSV_SEPARATOR): string {
  if (value == null) return "";
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    text = String(value);
  } else if (typeof value === "boolean") {
    text = value ? "ja" : "nein";
  } else {
    text = escapeFormula(value);
  }
  if (text.includes(sep) || text.includes('"') || /[\r\n]/.test(text) || text !== text.trim()) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/** A complete CSV document: BOM, header row, data rows, CRLF after every row. */
export function toCsv(header: string[], rows: CsvCell[][], sep = CSV_SEPARATOR): string {
  const lines = [header.map((h) => csvCell(h, sep)).join(sep), ...rows.map((r) => r.map((c) => csvCell(c, sep)).join(sep))];
  return CSV_BOM + lines.map((l) => `${l}\r\n`).join("");
}

/** Minimal RFC 4180 parser (for tests and re-import checks); strips a leading BOM. */
export function parseCsv(text: string, sep = CSV_SEPARATOR): string[][] {
  const src = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && src[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
