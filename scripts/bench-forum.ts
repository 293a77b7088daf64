// Render time of one page of a 2,000-post forum topic through the production Remix build (SSR, no network):
// builds a temporary database with one topic of N posts, then requests pages via the build's request handler.
// Aufruf: npm run build && npx tsx scripts/bench-forum.ts [--posts 2000] [--runs 20]   (BUILD_DIR wie beim Build)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { cli } from "./lib/cli";

const { values } = cli(
  `
Misst die Renderzeit einer Seite eines Forenthemas mit vielen Beiträgen (Produktions-Build, ohne Netzwerk).
Aufruf: npx tsx scripts/bench-forum.ts [--posts 2000] [--runs 20]
`,
  { posts: { type: "string" }, runs: { type: "string" } },
);
const POSTS = Number(values.posts ?? 2000);
const RUNS = Number(values.runs ?? 20);

const dir = mkdtempSync(join(tmpdir(), "sn-bench-forum-"));
process.env.DATABASE_URL = `file:${join(dir, "bench.db")}`;
process.env.NODE_ENV = "production";
process.env.SESSION_SECRET ??= "bench-".padEnd(40, "x"); // production mode requires one; a throwaway DB
process.env.PUBLIC_URL ??= "http://localhost:3000";

const { openDatabase, runMigrations } = await import("../db/client");
const { setDb } = await import("../app/services/db.server");
const { seedCities } = await import("../db/seed");
const { createUser } = await import("../app/models/user.server");
const { createTopic, ensureCategories, getCategory, cookPost, POSTS_PER_PAGE } = await import("../app/models/forum.server");
const { forumPosts, forumTopics } = await import("../db/schema/index");
const { eq } = await import("drizzle-orm");
const { createRequestHandler } = await import("@remix-run/node");

const { db } = openDatabase();
runMigrations(db);
setDb(db);
seedCities(db);
ensureCategories(db);
const a = await createUser(db, { email: "a@bench.invalid", name: "Anna Bench", password: "x".repeat(16), role: "mitglied" });
const b = await createUser(db, { email: "b@bench.invalid", name: "Bernd Bench", password: "x".repeat(16), role: "mitglied" });
const cat = getCategory(db, "allgemeines", null)!;
const topicId = createTopic(db, { category: cat, title: "Langes Thema", raw: "Start", handlungsfelder: [], staedte: [] }, { id: a, name: "Anna Bench", role: "mitglied", cityId: null });
const raw = "Ein Beitrag mit **etwas** Markdown, einem [Link](/wissen/glossar-kindergeld) und\n\n- einer\n- Liste";
const cooked = cookPost(db, raw);
const t0 = Date.now();
db.transaction((tx) => {
  for (let n = 2; n <= POSTS; n++) {
    tx.insert(forumPosts).values({ topicId, postNumber: n, authorId: n % 2 ? a : b, raw, cooked: cooked.cooked, previews: cooked.previews, createdAt: new Date(t0 + n) }).run();
  }
  tx.update(forumTopics).set({ postCount: POSTS, lastPostNumber: POSTS }).where(eq(forumTopics.id, topicId)).run();
});

const buildDir = process.env.BUILD_DIR;
const build = await import(pathToFileURL(resolve(buildDir ? `${buildDir}/index.js` : "build/index.js")).href);
const handle = createRequestHandler(build, "production");
const pages = Math.ceil(POSTS / POSTS_PER_PAGE);
const times: number[] = [];
let articles = 0;
for (let i = 0; i < RUNS; i++) {
  const page = 1 + ((i * 7) % pages);
  const s = performance.now();
  const res = await handle(new Request(`http://localhost/forum/allgemeines/${topicId}?seite=${page}`));
  const html = await res.text();
  times.push(performance.now() - s);
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  articles = Math.max(articles, (html.match(/<article /g) ?? []).length);
}
const warm = times.slice(3).sort((x, y) => x - y);
const pct = (p: number) => warm[Math.min(warm.length - 1, Math.floor(p * warm.length))].toFixed(1);
console.log(`Thema mit ${POSTS} Beiträgen, ${pages} Seiten à ${POSTS_PER_PAGE}; höchstens ${articles} Beiträge je Seite.`);
console.log(`Renderzeit je Seite (SSR, Produktions-Build, ${RUNS} Aufrufe): erste ${times[0].toFixed(1)} ms, Median ${pct(0.5)} ms, p90 ${pct(0.9)} ms, max ${warm.at(-1)!.toFixed(1)} ms`);
db.$client.close();
rmSync(dir, { recursive: true, force: true });
