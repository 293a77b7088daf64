import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, escapeFormula, parseCsv, toCsv } from "~/utils/csv";

describe("CSV export", () => {
  it("starts with a UTF-8 BOM, uses ; and CRLF, keeps umlauts", () => {
    const csv = toCsv(["titel", "stadt"], [["Gesundheitsclearing Nordstraße", "Düsseldorf"]]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toBe(`${CSV_BOM}titel;stadt\r\nGesundheitsclearing Nordstraße;Düsseldorf\r\n`);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("neutralises formula injection in text cells", () => {
    for (const evil of ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]) {
      const cell = csvCell(evil);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      expect(unquoted.startsWith("'")).toBe(true);
    }
    expect(escapeFormula("Hochfeld")).toBe("Hochfeld");
    expect(escapeFormula("a=b")).toBe("a=b");
    // numbers stay numbers (also negative ones)
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(12000.5)).toBe("12000.5");
  });

  it("quotes separators, quotes and line breaks and round-trips through a parser", () => {
    const rows = [["a;b", 'Er sagte "Hallo"', "Zeile 1\nZeile 2", " Rand ", null, true, "=1+1"]];
    const csv = toCsv(["1", "2", "3", "4", "5", "6", "7"], rows);
    expect(csv).toContain('"a;b";"Er sagte ""Hallo""";"Zeile 1\nZeile 2";" Rand ";;ja;\'=1+1');
    const parsed = parseCsv(csv);
    expect(parsed[1]).toEqual(["a;b", 'Er sagte "Hallo"', "Zeile 1\nZeile 2", " Rand ", "", "ja", "'=1+1"]);
    expect(parsed).toHaveLength(2);
  });
});
