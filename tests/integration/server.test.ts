// The HTTP layer as a user, an operator and an attacker meet it: the real built server (scripts/server.ts)
// on a temporary database. The build comes from ensureBuild() (tests/setup/app-server.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { ACCOUNTS, E2E_PASSWORD } from "../e2e/accounts";
import { BUILD_DIR, ROOT, assertBuild, portIsFree, raw, signIn, startServer, stopServer, type Running } from "../setup/server-process";

const node = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ["--import", "tsx", ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", SESSION_SECRET: randomBytes(32).toString("hex"), PORT: "3997", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });

function tempDir() {
  return mkdtempSync(join(tmpdir(), "sn-start-"));
}

describe("start-up errors: one German line, exit 1", { timeout: 120_000 }, () => {
  it("production without SESSION_SECRET refuses to start", () => {
    const r = node(["scripts/server.ts"], { SESSION_SECRET: "", DATABASE_URL: `file:${join(tempDir(), "a.db")}` });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Konfigurationsfehler: SESSION_SECRET fehlt/);
  });

  it("a database file that is not SQLite names the file and the reason", () => {
    const file = join(tempDir(), "kaputt.db");
    writeFileSync(file, "Das ist keine Datenbank, sondern ein Text, der lang genug ist, um wie eine Datei auszusehen.\n".repeat(100));
    const r = node(["scripts/server.ts"], { DATABASE_URL: `file:${file}` });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(/keine SQLite-Datenbank/);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it("a damaged SQLite file fails the quick check with one line", () => {
    const file = join(tempDir(), "beschaedigt.db");
    const db = new Database(file);
    db.pragma("journal_mode = DELETE");
    db.exec("create table t (id integer primary key, v text); create index t_v on t(v);");
    const ins = db.prepare("insert into t (v) values (?)");
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) ins.run(`Eintrag ${i} ${"x".repeat(50)}`);
    })();
    db.close();
    // Overwrite the middle pages (table and index b-tree pages) with garbage, keep the header intact.
    const fd = openSync(file, "r+");
    for (let page = 3; page < 40; page += 2) writeSync(fd, randomBytes(4096), 0, 4096, page * 4096);
    closeSync(fd);
    const r = node(["scripts/server.ts"], { DATABASE_URL: `file:${file}` });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(/beschädigt/);
  });

  it("a failing migration names the migration and SQLite's reason, not the SQL", () => {
    const file = join(tempDir(), "migration.db");
    // A fully migrated database whose bookkeeping forgot every migration after 0001: the next one (the schema
    // migration, which creates tables) is applied again and fails. (Custom migrations may be idempotent.)
    const ok = node(["-e", `const c = await import("./db/client.ts"); const { db } = c.openDatabase("file:${file}"); c.runMigrations(db); db.$client.close();`], {});
    expect(ok.status, ok.stderr).toBe(0);
    const journal = JSON.parse(readFileSync(join(ROOT, "db/migrations/meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
    const newest = journal.entries[2].tag;
    const db = new Database(file);
    db.exec("delete from __drizzle_migrations where created_at > (select created_at from __drizzle_migrations order by created_at limit 1 offset 1)");
    db.close();
    const r = node(["scripts/server.ts"], { DATABASE_URL: `file:${file}` });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toContain(`Migration ${newest}`);
    expect(lines[0]).toMatch(/already exists|existiert/);
    expect(lines[0]).not.toMatch(/CREATE|INSERT|ALTER/i);
  });
});

describe("production defaults", { timeout: 120_000 }, () => {
  let s: Running | undefined;
  beforeAll(async () => {
    s = await startServer();
  }, 150_000);
  afterAll(() => stopServer(s));

  it("files in public/ are served; a missing file falls through to the German 404 page", async () => {
    const icon = await raw(s!.port, { path: "/favicon.ico" });
    expect(icon.status).toBe(200);
    expect(icon.body.equals(readFileSync(join(ROOT, "public/favicon.ico")))).toBe(true);
    const missing = await raw(s!.port, { path: "/gibt-es-nicht.ico" });
    expect(missing.status).toBe(404);
    expect(missing.headers["content-type"]).toContain("text/html");
  });

  it("a fresh production database gets no demo accounts", () => {
    const db = new Database(s!.dbPath, { readonly: true });
    const users = (db.prepare("select count(*) as n from users").get() as { n: number }).n;
    db.close();
    expect(users).toBe(0);
    expect(s!.output()).not.toMatch(/Passwort:/);
  });

  it("no HSTS on http; each header once, also on the CSV export", async () => {
    const r = await raw(s!.port, { path: "/projekte/export.csv" });
    expect(r.status).toBe(200);
    expect(r.headers["strict-transport-security"]).toBeUndefined();
    const names = r.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
    const twice = names.filter((n, i) => names.indexOf(n) !== i && n !== "set-cookie");
    expect(twice).toEqual([]);
    const page = await raw(s!.port, { path: "/" });
    const pageNames = page.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
    expect(pageNames.filter((n, i) => pageNames.indexOf(n) !== i && n !== "set-cookie")).toEqual([]);
    expect(page.headers["content-security-policy"]).toContain("report-uri /csp-bericht");
    expect(page.headers["reporting-endpoints"]).toContain("/csp-bericht");
  });

  it("no response contains a stack trace or a server path", async () => {
    const crafted: { method?: string; path: string; headers?: Record<string, string>; body?: string }[] = [
      { path: "/%E0%A4%A" },
      { path: "/wissen/%E0%A4%A" },
      { path: "/%" },
      { path: "/?_data=routes%2Fgibtsnicht" },
      { path: "/?_data=root" },
      { path: "/abmelden?_data=routes%2Fabmelden" },
      { path: "/konto?_data=routes%2Fkonto" },
      { path: "/wissen/gibtsnicht.data" },
      { path: "/forum/x/abc" },
      { method: "POST", path: "/api/suche", headers: { "Content-Type": "application/json" }, body: "{kaputt" },
      { method: "POST", path: "/anmelden", headers: { "Content-Type": "application/json" }, body: "{kaputt" },
      { method: "POST", path: "/anmelden", headers: { "Content-Type": "multipart/form-data; boundary=x" }, body: "--x\r\nkaputt" },
      { method: "PUT", path: "/wissen" },
      { method: "DELETE", path: "/konto" },
      { method: "POST", path: "/wissen", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "a=1" },
      { path: "/", headers: { Cookie: "sn_session=%E0%A4%A; sn_flash=%%%" } },
    ];
    for (const c of crafted) {
      const r = await raw(s!.port, c);
      const text = r.body.toString("utf8");
      expect(text, `${c.method ?? "GET"} ${c.path}`).not.toMatch(/\n\s+at |node_modules|\/work\/|\/tmp\/|\.tsx?:\d+|URIError|SyntaxError/);
      expect(r.status, `${c.method ?? "GET"} ${c.path}`).toBeLessThan(500);
    }
    const bad = await raw(s!.port, { path: "/%E0%A4%A" });
    expect(bad.status).toBe(400);
    expect(bad.body.toString()).toMatch(/fehlerhaft/);
    // Bodies that are no form: refused before any action parses them.
    const json = await raw(s!.port, { method: "POST", path: "/anmelden", headers: { "Content-Type": "application/json" }, body: "{kaputt" });
    expect(json.status).toBe(415);
    expect(json.body.toString()).toMatch(/nur Formulardaten/);
    const broken = await raw(s!.port, { method: "POST", path: "/anmelden", headers: { "Content-Type": "multipart/form-data; boundary=x" }, body: "--x\r\nkaputt" });
    expect(broken.status).toBe(400);
  });

  it("a Host that is not configured gets 421; loopback names on the own port are served", async () => {
    expect((await raw(s!.port, { path: "/", headers: { Host: "evil.example" } })).status).toBe(421);
    expect((await raw(s!.port, { path: "/", headers: { Host: `evil.example:${s!.port}` } })).status).toBe(421);
    expect((await raw(s!.port, { path: "/healthz", headers: { Host: `localhost:${s!.port + 1}` } })).status).toBe(421);
    for (const h of ["localhost", "127.0.0.1", "[::1]"]) {
      expect((await raw(s!.port, { path: "/healthz", headers: { Host: `${h}:${s!.port}` } })).status, h).toBe(200);
    }
  });
});

describe("HSTS under https", { timeout: 120_000 }, () => {
  let s: Running | undefined;
  beforeAll(async () => {
    s = await startServer({ env: { PUBLIC_URL: "https://staedtenetz.example" } });
  }, 150_000);
  afterAll(() => stopServer(s));
  it("is sent when PUBLIC_URL is https", async () => {
    const r = await raw(s!.port, { path: "/", headers: { Host: "staedtenetz.example" } });
    expect(r.status).toBe(200);
    expect(r.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });
});

/** Waits until the server's mail loop has delivered everything queued (its writes are not the request's). */
async function mailIdle(path: string) {
  for (let i = 0; i < 300; i++) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    const { n } = db.prepare("select count(*) as n from mail_outbox where status = 'pending'").get() as { n: number };
    db.close();
    if (n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("Die Demo-E-Mails wurden nicht zugestellt.");
}

/** Every table's rows, hashed: equal before and after means nothing changed. */
function fingerprint(path: string): Record<string, string> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[];
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const h = createHash("sha256");
    for (const row of db.prepare(`select * from "${name}"`).iterate()) h.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString("hex") : typeof v === "bigint" ? String(v) : v)));
    out[name] = h.digest("hex");
  }
  db.close();
  return out;
}

/** URL paths of every route module in app/routes that exports an action. */
function actionRoutes(): string[] {
  const dir = join(ROOT, "app/routes");
  return readdirSync(dir)
    .filter((f) => /\.(tsx?|jsx?)$/.test(f))
    .filter((f) => /export\s+(async\s+)?(function|const)\s+action\b/.test(readFileSync(join(dir, f), "utf8")))
    .map((f) => {
      const id = f.replace(/\.(tsx?|jsx?)$/, "");
      const segs = id
        .replace(/\[\.\]/g, "\u0000")
        .split(".")
        .map((seg) => seg.replace(/\u0000/g, "."))
        .filter((seg) => seg !== "_index" && !seg.startsWith("_"))
        .map((seg) => seg.replace(/_$/, ""))
        .map((seg) => (seg === "$" ? "irgendwo" : seg.startsWith("$") ? (/id|nr/i.test(seg) ? "1" : "test") : seg));
      return `/${segs.join("/")}`;
    });
}

describe("cross-site and DNS-rebinding POSTs to every action route", { timeout: 120_000 }, () => {
  let s: Running | undefined;
  let admin = "";
  beforeAll(async () => {
    // No daily jobs in this server; the demo data's queued mails are delivered before the fingerprint is taken.
    s = await startServer({ entry: "e2e", env: { DIGEST_HOUR: "off" } });
    admin = await signIn(s, ACCOUNTS.admin, E2E_PASSWORD);
    await mailIdle(s.dbPath);
  }, 180_000);
  afterAll(() => stopServer(s));

  it("finds the action routes", () => {
    const routes = actionRoutes();
    expect(routes.length).toBeGreaterThan(15);
    expect(routes).toContain("/verwaltung/benutzer");
    expect(routes).toContain("/konto");
  });

  it("a foreign Referer without Origin gets 403, a foreign Host with matching Origin gets 421; nothing changes", async () => {
    const before = fingerprint(s!.dbPath);
    const body = "intent=delete&id=1&userId=1&role=admin&email=evil%40evil.example&name=Evil&title=Evil&body=Evil&confirm=1";
    const form = { "Content-Type": "application/x-www-form-urlencoded", Cookie: admin };
    for (const path of actionRoutes()) {
      for (const data of [false, true]) {
        const p = !data ? path : path === "/" ? "/_root.data" : `${path}.data`;
        const referer = await raw(s!.port, { method: "POST", path: p, headers: { ...form, Referer: "http://evil.example/seite" }, body });
        // The CSP report endpoint is exempt from the origin check (browsers send reports without Origin);
        // it accepts only report bodies, so a form post is refused there too.
        if (path === "/csp-bericht" && !data) expect(referer.status, `Referer → POST ${p}`).toBe(415);
        else expect(referer.status, `Referer → POST ${p}`).toBe(403);
        const rebinding = await raw(s!.port, {
          method: "POST",
          path: p,
          headers: { ...form, Host: `evil.example:${s!.port}`, Origin: `http://evil.example:${s!.port}` },
          body,
        });
        expect(rebinding.status, `DNS rebinding → POST ${p}`).toBe(421);
        expect(([] as string[]).concat(referer.headers["set-cookie"] ?? [], rebinding.headers["set-cookie"] ?? [])).toEqual([]);
      }
    }
    expect(fingerprint(s!.dbPath)).toEqual(before);
    // Control: the same request from the site itself does change something (the check is what stopped it).
    const out = await raw(s!.port, { method: "POST", path: "/abmelden", headers: { ...form, Origin: s!.base } });
    expect(out.status).toBeLessThan(400);
    expect(fingerprint(s!.dbPath).sessions).not.toEqual(before.sessions);
  });
});

describe("personal responses are not stored by caches", { timeout: 120_000 }, () => {
  let s: Running | undefined;
  beforeAll(async () => {
    s = await startServer({ entry: "e2e" });
  }, 180_000);
  afterAll(() => stopServer(s));

  it("every signed-in response in every role, and /konto, /benachrichtigungen, /verwaltung/* always, send no-store", async () => {
    const guestHome = await raw(s!.port, { path: "/" });
    expect(guestHome.headers["cache-control"] ?? "").not.toContain("no-store");
    for (const path of ["/konto", "/benachrichtigungen", "/verwaltung", "/verwaltung/benutzer"]) {
      expect((await raw(s!.port, { path })).headers["cache-control"], `guest ${path}`).toBe("no-store");
    }
    for (const [who, email] of Object.entries(ACCOUNTS)) {
      const cookie = await signIn(s!, email, E2E_PASSWORD);
      for (const path of ["/", "/wissen", "/forum", "/projekte", "/konto", "/benachrichtigungen", "/verwaltung", "/foerderung/fristen.ics", "/konto.data", "/build/nicht-da.js"]) {
        const r = await raw(s!.port, { path, headers: { Cookie: cookie } });
        expect(r.headers["cache-control"], `${who} ${path} (${r.status})`).toBe("no-store");
      }
    }
  });
});

describe("bounded request bodies and CSP reports", { timeout: 120_000 }, () => {
  let s: Running | undefined;
  beforeAll(async () => {
    s = await startServer({ entry: "e2e" });
  }, 180_000);
  afterAll(() => stopServer(s));

  it("100,000 fields or a 10 MB body get 413 with a German text; /healthz answers meanwhile", async () => {
    const fields = Array.from({ length: 100_000 }, (_, i) => `f${i}=a`).join("&");
    const r1 = await raw(s!.port, { method: "POST", path: "/anmelden", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: fields });
    expect(r1.status).toBe(413);
    expect(r1.body.toString()).toMatch(/zu groß|zu viele/);
    const small = Array.from({ length: 100_000 }, () => "a=").join("&"); // 300 KB, under the byte limit
    const r2 = await raw(s!.port, { method: "POST", path: "/anmelden", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: small });
    expect(r2.status).toBe(413);
    expect(r2.body.toString()).toMatch(/zu viele Formularfelder/);
    const boundary = "grenze";
    const multipart = Array.from({ length: 1500 }, (_, i) => `--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\na\r\n`).join("") + `--${boundary}--\r\n`;
    const r3 = await raw(s!.port, { method: "POST", path: "/anmelden", headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, body: multipart });
    expect(r3.status).toBe(413);

    // 10 MB sent slowly without Content-Length: refused while it streams, /healthz answers meanwhile.
    const result = await new Promise<{ status: number; text: string; healthDuringUpload: number }>((ok, fail) => {
      let healthDuringUpload = 0;
      let sent = 0;
      const req = httpRequest(
        { host: "127.0.0.1", port: s!.port, method: "POST", path: "/anmelden", headers: { Host: `localhost:${s!.port}`, "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" }, agent: false },
        (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => ok({ status: res.statusCode!, text, healthDuringUpload }));
        },
      );
      req.on("error", (e) => (sent < 10 * 1024 * 1024 ? undefined : fail(e)));
      const chunk = Buffer.alloc(256 * 1024, "a");
      let checked = false;
      const pump = async () => {
        while (sent < 10 * 1024 * 1024 && !req.destroyed) {
          if (!req.write(chunk)) await new Promise((r) => req.once("drain", r));
          sent += chunk.length;
          if (!checked && sent >= 512 * 1024) {
            checked = true;
            healthDuringUpload = (await raw(s!.port, { path: "/healthz" })).status;
          }
          await new Promise((r) => setTimeout(r, 5));
        }
        req.end();
      };
      void pump().catch(() => undefined);
    });
    expect(result.status).toBe(413);
    expect(result.text).toMatch(/zu groß/);
    expect(result.healthDuringUpload).toBe(200);
    // The server is fine afterwards, and a normal form still works through the guard.
    const cookie = await signIn(s!, ACCOUNTS.mitgliedDortmund, E2E_PASSWORD);
    expect(cookie).toMatch(/sn_session=/);
  });

  it("CSP reports are stored without query or token, size- and rate-limited, and listed for admins only", async () => {
    const report = {
      "csp-report": {
        "document-uri": `${s!.base}/passwort-vergessen/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789?email=anna%40example.org`,
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "https://evil.example/x.js?user=anna",
        "script-sample": "alert('anna')",
      },
    };
    const post = (body: string, type = "application/csp-report") => raw(s!.port, { method: "POST", path: "/csp-bericht", headers: { "Content-Type": type }, body });
    expect((await post(JSON.stringify(report))).status).toBe(204);
    const api = [{ type: "csp-violation", url: `${s!.base}/wissen?q=x`, body: { documentURL: `${s!.base}/wissen?q=geheim`, effectiveDirective: "style-src-attr", blockedURL: "inline", disposition: "enforce" } }];
    expect((await post(JSON.stringify(api), "application/reports+json")).status).toBe(204);
    expect((await post("x".repeat(17 * 1024))).status).toBe(413);
    expect((await post("{}", "text/plain")).status).toBe(415);
    expect((await post("kein json")).status).toBe(400);

    const db = new Database(s!.dbPath, { readonly: true });
    const rows = db.prepare("select directive, blocked_origin as blockedOrigin, document_path as documentPath from csp_reports order by id").all();
    db.close();
    expect(rows).toEqual([
      { directive: "script-src-elem", blockedOrigin: "https://evil.example", documentPath: "/passwort-vergessen/:token" },
      { directive: "style-src-attr", blockedOrigin: "inline", documentPath: "/wissen" },
    ]);
    expect(s!.output()).not.toMatch(/anna|geheim|127\.0\.0\.1/);

    const adminCookie = await signIn(s!, ACCOUNTS.admin, E2E_PASSWORD);
    const page = await raw(s!.port, { path: "/verwaltung/csp-berichte", headers: { Cookie: adminCookie } });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain("script-src-elem");
    expect(page.body.toString()).toContain("https://evil.example");
    const nav = await raw(s!.port, { path: "/verwaltung", headers: { Cookie: adminCookie } });
    expect(nav.body.toString()).toContain('href="/verwaltung/csp-berichte"');
    const coordinator = await signIn(s!, ACCOUNTS.koordinationDortmund, E2E_PASSWORD);
    expect((await raw(s!.port, { path: "/verwaltung/csp-berichte", headers: { Cookie: coordinator } })).status).toBe(403);

    let limited = 0;
    for (let i = 0; i < 40; i++) if ((await post(JSON.stringify(report))).status === 429) limited++;
    expect(limited).toBeGreaterThan(0);
  });
});

describe("stopping cleanly", () => {
  it("40 requests in flight at SIGTERM all complete with 200; the process exits 0 and frees the port", async () => {
    const s = await startServer({ entry: "e2e", env: { SHUTDOWN_TIMEOUT: "60" } });
    try {
      // Warm up first: /healthz answering does not mean the page route is ready (lazy module loading, cold
      // statements and caches on a loaded machine). Wait for one full /projekte response before firing the 40.
      const warm = await raw(s.port, { path: "/projekte" });
      expect(warm.status).toBe(200);
      let connected = 0;
      const one = () =>
        new Promise<{ status: number; complete: boolean }>((ok) => {
          const req = httpRequest({ host: "127.0.0.1", port: s.port, path: "/projekte", headers: { Host: `localhost:${s.port}` }, agent: false }, (res) => {
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (c) => (body += c));
            res.on("end", () => ok({ status: res.statusCode!, complete: body.includes("</html>") && body.includes("Projekte") }));
            res.on("error", () => ok({ status: -1, complete: false }));
          });
          req.on("error", () => ok({ status: -2, complete: false }));
          req.on("socket", (socket) => socket.on("connect", () => connected++));
          req.end();
        });
      const inFlight = Array.from({ length: 40 }, one);
      // SIGTERM once all 40 connections are established (most still wait in the kernel's accept queue).
      const connectDeadline = Date.now() + 60_000;
      while (connected < 40 && Date.now() < connectDeadline) await new Promise((r) => setTimeout(r, 5));
      expect(connected).toBe(40);
      s.proc.kill("SIGTERM");
      const results = await Promise.all(inFlight);
      expect(results.filter((r) => r.status !== 200 || !r.complete), s.output().slice(-2000)).toEqual([]);
      expect(await s.exited).toBe(0);
      expect(await portIsFree(s.port)).toBe(true);
    } finally {
      await stopServer(s);
    }
  }, 240_000);

  it("kill -TERM of the `npm start` process leaves no process behind, and a restart at once succeeds", async () => {
    assertBuild();
    const dir = mkdtempSync(join(tmpdir(), "sn-npm-"));
    const s = await startServer({ command: ["npm", "start", "--silent"], dir });
    const marker = `file:${join(dir, "app.db")}`;
    /** Processes (other than npm itself) started with this test's database. */
    const ours = () =>
      readdirSync("/proc")
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            return readFileSync(`/proc/${p}/environ`, "latin1").split("\0").includes(`DATABASE_URL=${marker}`) && readFileSync(`/proc/${p}/stat`, "latin1").split(" ")[2] !== "Z";
          } catch {
            return false;
          }
        })
        .map(Number)
        .filter((p) => p !== s.proc.pid);
    expect(ours().length).toBeGreaterThan(0);
    process.kill(s.proc.pid!, "SIGTERM");
    await s.exited;
    for (let i = 0; i < 40 && ours().length; i++) await new Promise((r) => setTimeout(r, 250));
    expect(ours()).toEqual([]);
    expect(await portIsFree(s.port)).toBe(true);
    // Restart at once on the same port and database.
    const again = spawn("npm", ["start", "--silent"], { cwd: ROOT, env: { ...process.env, ...envOf(s), PORT: String(s.port) }, stdio: "ignore" });
    try {
      let ok = false;
      for (let i = 0; i < 240 && !ok; i++) {
        ok = await fetch(`${s.base}/healthz`).then((r) => r.status === 200, () => false);
        if (!ok) await new Promise((r) => setTimeout(r, 250));
      }
      expect(ok).toBe(true);
    } finally {
      again.kill("SIGTERM");
      await new Promise((r) => again.on("exit", r));
    }
  }, 180_000);
});

function envOf(s: Running): Record<string, string> {
  return {
    NODE_ENV: "production",
    SESSION_SECRET: randomBytes(32).toString("hex"),
    DATABASE_URL: `file:${s.dbPath}`,
    MAIL_DIR: join(s.dir, "mail"),
    BUILD_DIR,
    LOG_REQUESTS: "0",
    PUBLIC_URL: s.base,
  };
}
