// No response contains a 0x00 byte (React 18.3.1 writes them at chunk boundaries, react#24985; the filter in
// app/entry.server.tsx removes them). Crawls every page type as guest and in every demo role, following the
// site's own links, including the editor pages with textareas, and checks the raw bytes of each response.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS, login } from "./helpers";
import type { AccountKey } from "./accounts";

/** Page type of a path: literal segments kept, slugs and ids replaced, so each type is sampled a few times. */
function pageType(path: string): string {
  return path
    .split("/")
    .map((seg, i) => (i <= 1 || /^(bearbeiten|versionen|vorschlagen|neu|passende-staedte|finder|vergleich)$/.test(seg) ? seg : ":x"))
    .join("/");
}

// Binary assets (the favicon) legitimately contain 0x00; downloads and sign-out are not pages.
const SKIP = /^\/(abmelden|build\/|konto\.daten\.json|projekte\/export\.)|\.(ics|xml|csv|json|ico|png|jpe?g|svg|webp|woff2?)$/;
const isText = (type: string | undefined) => !type || /^text\/|json|turbo-stream/.test(type);
const PER_TYPE = 3;
const MAX_PAGES = 120;

async function crawl(request: APIRequestContext, seeds: string[]) {
  const queue = [...seeds];
  const seen = new Set<string>();
  const perType = new Map<string, number>();
  const withNul: string[] = [];
  let checked = 0;
  let textareas = 0;
  while (queue.length && checked < MAX_PAGES) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const type = pageType(path);
    if ((perType.get(type) ?? 0) >= PER_TYPE) continue;
    perType.set(type, (perType.get(type) ?? 0) + 1);
    const r = await request.get(path, { maxRedirects: 0 });
    const body = await r.body();
    checked++;
    if (!isText(r.headers()["content-type"])) continue;
    if (body.includes(0)) withNul.push(`${path} (${r.status()})`);
    // The .data variant of the same page (client navigation) must be clean as well.
    const data = await request.get(path === "/" ? "/_root.data" : `${path.split("?")[0]}.data`, { maxRedirects: 0 });
    if ((await data.body()).includes(0)) withNul.push(`${path}.data (${data.status()})`);
    const html = body.toString("utf8");
    if (html.includes("<textarea")) textareas++;
    for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const href = m[1].replace(/&amp;/g, "&");
      if (!SKIP.test(href) && !seen.has(href)) queue.push(href);
    }
  }
  return { checked, withNul, textareas, types: perType.size };
}

const ROLES: (AccountKey | "gast")[] = ["gast", ...(Object.keys(ACCOUNTS) as AccountKey[])];

for (const role of ROLES) {
  test(`no 0x00 byte in any page type as ${role}`, async ({ page }) => {
    test.setTimeout(240_000);
    if (role !== "gast") await login(page, role);
    // Seeds: the main sections plus the editor pages with textareas, found through the pages themselves.
    const seeds = ["/", "/wissen", "/foerderung", "/forum", "/projekte", "/staedte", "/suche?q=Krankenversicherung", "/konto", "/benachrichtigungen", "/verwaltung", "/clearingstelle"];
    const req = page.request;
    const wissen = (await (await req.get("/wissen")).text()).match(/href="(\/wissen\/[a-z0-9-]+)"/)?.[1];
    const projekt = (await (await req.get("/projekte")).text()).match(/href="(\/projekte\/[a-z0-9-]+)"/)?.[1];
    const forum = (await (await req.get("/forum")).text()).match(/href="(\/forum\/[a-z0-9-]+)"/)?.[1];
    const thema = forum ? (await (await req.get(forum)).text()).match(/href="(\/forum\/[a-z0-9-]+\/\d+)"/)?.[1] : undefined;
    if (wissen) seeds.push(`${wissen}/bearbeiten`, `${wissen}/vorschlagen`, `${wissen}/versionen`);
    if (projekt) seeds.push(`${projekt}/bearbeiten`, `${projekt}/versionen`);
    if (thema) seeds.push(thema, `${thema}/bearbeiten/1`);
    if (forum) seeds.push(`${forum}/neu`);
    seeds.push("/wissen/neu", "/foerderung/neu", "/projekte/neu");
    const result = await crawl(req, seeds);
    expect(result.withNul, `responses with 0x00 as ${role}`).toEqual([]);
    expect(result.checked).toBeGreaterThan(20);
    if (role === "redaktion" || role === "admin") expect(result.textareas, "editor pages with textareas were crawled").toBeGreaterThan(0);
  });
}
