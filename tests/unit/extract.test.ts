// Text extraction from Office and ODF files (issue 14): small files built here with fflate; paragraphs become
// lines, entities are decoded, only the text parts count, and zip bombs (huge inflated size, too many entries)
// are refused instead of filling the memory.
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync, type Zippable } from "fflate";
import { ExtractLimit, MAX_ZIP_ENTRIES, decodeXmlEntities, extractDocumentText, zipDocumentText } from "~/services/files/extract.server";

const MIME = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
};
const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])) as Zippable);
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const ODF = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"';

describe("decodeXmlEntities", () => {
  it("decodes named and numeric entities once, drops invalid code points", () => {
    expect(decodeXmlEntities("Gr&#252;n &amp; Wei&#xDF; &lt;b&gt; &quot;x&quot; &apos;y&apos; &amp;lt;")).toBe("Grün & Weiß <b> \"x\" 'y' &lt;");
    expect(decodeXmlEntities("a&#xD800;b&#0;c")).toBe("abc");
  });
});

describe("zipDocumentText", () => {
  it("DOCX: word/document.xml, one line per paragraph, tabs and breaks kept, properties ignored", () => {
    const doc = `<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:pPr><w:pStyle w:val="Titel"/></w:pPr><w:r><w:t>Checkliste</w:t></w:r><w:r><w:t xml:space="preserve"> Erstgespr&#228;ch</w:t></w:r></w:p><w:p><w:r><w:t>Pass</w:t><w:tab/><w:t>Meldebescheinigung</w:t><w:br/><w:t>Krankenkasse &amp; Schule</w:t></w:r></w:p></w:body></w:document>`;
    const text = zipDocumentText(zip({ "word/document.xml": doc, "docProps/core.xml": "<cp:coreProperties>Geheimer Autor</cp:coreProperties>" }), MIME.docx);
    expect(text).toBe("Checkliste Erstgespräch\nPass Meldebescheinigung\nKrankenkasse & Schule");
  });

  it("PPTX: slides in their number order (slide10 after slide2)", () => {
    const slide = (t: string) => `<p:sld><p:cSld><p:spTree><p:sp><p:txBody><a:p ${A}><a:r><a:t>${t}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>`;
    const text = zipDocumentText(
      zip({
        "ppt/slides/slide10.xml": slide("Zehn"),
        "ppt/slides/slide2.xml": slide("Zwei"),
        "ppt/slides/slide1.xml": slide("Eins"),
        "ppt/notesSlides/notesSlide1.xml": slide("Notiz"),
      }),
      MIME.pptx,
    );
    expect(text.split(/\n+/)).toEqual(["Eins", "Zwei", "Zehn"]);
  });

  it("XLSX: shared strings and inline strings, not the numbers", () => {
    const shared = `<sst><si><t>Stadt</t></si><si><r><t>Zuz</t></r><r><t>ug</t></r></si></sst>`;
    const sheet = `<worksheet><sheetData><row><c t="s"><v>0</v></c><c t="inlineStr"><is><t>Dortmund &amp; Duisburg</t></is></c><c><v>4711</v></c></row></sheetData></worksheet>`;
    const text = zipDocumentText(zip({ "xl/sharedStrings.xml": shared, "xl/worksheets/sheet1.xml": sheet }), MIME.xlsx);
    expect(text.split(/\n+/)).toEqual(["Stadt", "Zuzug", "Dortmund & Duisburg"]);
    expect(text).not.toContain("4711");
  });

  it("ODT, ODS, ODP: content.xml with paragraphs, headings, spaces and line breaks", () => {
    const content = `<office:document-content ${ODF}><office:body><office:text><text:h>Merkblatt</text:h><text:p>Erst<text:s/>gespräch<text:line-break/>im <text:span>Bürgeramt</text:span></text:p></office:text></office:body></office:document-content>`;
    for (const mime of [MIME.odt, MIME.ods, MIME.odp]) {
      expect(zipDocumentText(zip({ "content.xml": content, "meta.xml": "<meta>Autorin</meta>", mimetype: mime }), mime)).toBe("Merkblatt\nErst gespräch\nim Bürgeramt");
    }
  });

  it("refuses a zip bomb: a text part that inflates beyond the cap is not inflated", () => {
    const bomb = zipSync({ "word/document.xml": new Uint8Array(25 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(() => zipDocumentText(bomb, MIME.docx)).toThrow(ExtractLimit);
  });

  it("refuses a zip with too many entries", () => {
    const files: Record<string, string> = { "word/document.xml": `<w:document ${W}><w:p><w:r><w:t>x</w:t></w:r></w:p></w:document>` };
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) files[`word/media/f${i}.txt`] = "";
    expect(() => zipDocumentText(zip(files), MIME.docx)).toThrow(ExtractLimit);
  });

  it("a large non-text part (an embedded image) is skipped, not inflated", () => {
    const big = zipSync({
      "word/document.xml": strToU8(`<w:document ${W}><w:p><w:r><w:t>Nur Text</w:t></w:r></w:p></w:document>`),
      "word/media/bild.png": new Uint8Array(30 * 1024 * 1024),
    });
    expect(zipDocumentText(big, MIME.docx)).toBe("Nur Text");
  });
});

describe("extractDocumentText", () => {
  it("reads Office files from disk and leaves unknown types empty", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sn-extract-"));
    try {
      const p = join(dir, "a.docx");
      const bytes = zip({ "word/document.xml": `<w:document ${W}><w:p><w:r><w:t>Stichwort Feldlerche</w:t></w:r></w:p></w:document>` });
      writeFileSync(p, bytes);
      expect(await extractDocumentText(p, MIME.docx, bytes.length)).toBe("Stichwort Feldlerche");
      expect(await extractDocumentText(p, "image/png", bytes.length)).toBe("");
      expect(await extractDocumentText(p, MIME.docx, 21 * 1024 * 1024)).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
