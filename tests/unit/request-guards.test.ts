import { describe, expect, it } from "vitest";
import { stripNul, createNulFilter } from "~/services/strip-nul.server";
import { FieldCounter, limitFor } from "../../scripts/lib/body-guard";

async function through(chunks: Buffer[]): Promise<Buffer> {
  const f = createNulFilter();
  const out: Buffer[] = [];
  f.on("data", (c: Buffer) => out.push(c));
  const done = new Promise((r) => f.on("end", r));
  for (const c of chunks) f.write(c);
  f.end();
  await done;
  return Buffer.concat(out);
}

describe("NUL filter between React and the response (react#24985)", () => {
  const text = "Drei bis fünf Städte in Rumänien: 70.000 € – „Förderung“ 🇷🇴 ok";
  const bytes = Buffer.from(text, "utf8");

  it("removes the stray zero bytes React writes before multi-byte characters", () => {
    const broken = Buffer.from("Rum\0änien, 70.000 \0\0€", "utf8");
    expect(stripNul(broken).toString("utf8")).toBe("Rumänien, 70.000 €");
  });

  it("keeps every character intact when chunks split inside multi-byte characters", async () => {
    // Every split position, including inside ü, ä, €, „ and the 4-byte flag, with NULs at the boundary.
    for (let cut = 1; cut < bytes.length; cut++) {
      const out = await through([Buffer.concat([bytes.subarray(0, cut), Buffer.from([0, 0])]), Buffer.concat([Buffer.from([0]), bytes.subarray(cut)])]);
      expect(out.includes(0)).toBe(false);
      expect(out.toString("utf8")).toBe(text);
    }
  });

  it("passes a chunk without NUL through unchanged and drops a chunk of only NULs", async () => {
    const clean = Buffer.from("<p>ok</p>");
    expect(stripNul(clean)).toBe(clean);
    const out = await through([Buffer.from([0, 0, 0]), clean, Buffer.alloc(0)]);
    expect(out.toString()).toBe("<p>ok</p>");
  });
});

describe("field counter of the body guard", () => {
  it("counts urlencoded fields across chunks", () => {
    const c = FieldCounter.forContentType("application/x-www-form-urlencoded; charset=UTF-8");
    expect(c.count()).toBe(0);
    c.add(Buffer.from("a=1&b=2&"));
    c.add(Buffer.from("c=3"));
    expect(c.count()).toBe(3);
  });

  it("counts multipart parts, also when a boundary is split across chunks", () => {
    const boundary = "----WebKitFormBoundaryAbC123";
    const part = (n: number) => `--${boundary}\r\nContent-Disposition: form-data; name="f${n}"\r\n\r\nwert\r\n`;
    const body = Buffer.from([1, 2, 3, 4, 5].map(part).join("") + `--${boundary}--\r\n`);
    for (const size of [1, 3, 7, 16, 1000]) {
      const c = FieldCounter.forContentType(`multipart/form-data; boundary=${boundary}`);
      for (let i = 0; i < body.length; i += size) c.add(body.subarray(i, i + size));
      expect(c.count(), `chunk size ${size}`).toBe(5);
    }
  });

  it("does not count fields of other content types, and finds route-specific byte limits", () => {
    const c = FieldCounter.forContentType("application/json");
    c.add(Buffer.from('{"a":1,"b":"&&&"}'));
    expect(c.count()).toBe(0);
    const limits = { maxBytes: 1000, maxFields: 10, routes: [{ prefix: "/csp-bericht", maxBytes: 16 }] };
    expect(limitFor("/csp-bericht", limits)).toBe(16);
    expect(limitFor("/csp-berichte", limits)).toBe(1000);
    expect(limitFor("/anmelden", limits)).toBe(1000);
  });
});
