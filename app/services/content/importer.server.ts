// Content importer: content/<folder>/*.md for every registered collection → database.
// Safe while the site runs: every file is read, checked (files.server.ts) and parsed BEFORE a transaction opens;
// the writes then go in short BEGIN IMMEDIATE transactions (at most `batchSize` files or `txBudgetMs`, whichever
// comes first), followed by a pause as long as the transaction, so the site's writers wait milliseconds. A batch that
// meets SQLITE_BUSY is rolled back whole and retried with backoff; its files are not failed. One bad file never
// stops the rest (savepoint per file). Only names are held for a whole folder (sorted, for case collisions).
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { opendir } from "node:fs/promises";
import { join } from "node:path";
import type { DB, Tx } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { collections as registered, type Collection, type UpsertOutcome } from "./collections.server";
import { slugSchema } from "./frontmatter";
import { importOptions } from "./articles.server";
import { caseCollisions, markdownShapeProblem, readContentFile } from "./files.server";

/** Files per write transaction (upper bound; the time budget usually ends a transaction first under load). */
export const BATCH_SIZE = 25;
/** Milliseconds of writing after which a transaction commits and the importer pauses (the same time again). */
export const TX_BUDGET_MS = 40;
/** Attempts for one transaction that meets SQLITE_BUSY (each attempt also waits busy_timeout inside SQLite). */
export const BUSY_RETRIES = 12;

export type CollectionReport = {
  folder: string;
  label: string;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  conflicts: number;
  skipped?: string;
};

export type ImportReport = {
  collections: CollectionReport[];
  errors: string[]; // "wissen/datei.md: feld: grund"
  warnings: string[];
  conflicts: string[];
  missingLinks: { folder: string; slug: string; target: string }[];
  /** Write transactions and how many of them had to be retried because the database was busy. */
  transactions: number;
  busyRetries: number;
  /** Longest time one write transaction held the lock (ms), and the finish pass (re-linking) on its own. */
  longestTxMs: number;
  finishMs: number;
  ok: boolean;
};

export type ImportOptions = {
  dir: string;
  collections?: Collection<any>[];
  /** Overwrite records edited on the web since the last import (default: report a conflict). */
  force?: boolean;
  /** Called for each error / warning line as it happens (the CLI prints them). */
  onError?: (line: string) => void;
  onWarning?: (line: string) => void;
  /** Progress per collection: (label, done, total). */
  onProgress?: (label: string, done: number, total: number) => void;
  batchSize?: number;
  txBudgetMs?: number;
  /** Largest file in bytes (default CONTENT_MAX_BYTES, 2 MB). */
  maxBytes?: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SQLITE_BUSY / SQLITE_BUSY_SNAPSHOT / SQLITE_LOCKED: another connection holds the lock; worth retrying. */
export function isBusyError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))) return true;
  return /database is locked|database table is locked/i.test(String((e as Error)?.message ?? ""));
}

/** Runs a synchronous transaction; on SQLITE_BUSY waits (25 ms, 50 ms … ≤ 2 s, jittered) and runs it again. */
export async function withBusyRetry<T>(fn: () => T, onRetry?: () => void, retries = BUSY_RETRIES): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return fn();
    } catch (e) {
      if (!isBusyError(e) || attempt >= retries) throw e;
      onRetry?.();
      await sleep(Math.min(2000, 25 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}

type Listing = { names: string[]; others: { name: string; reason: string }[] };

/** Names of a folder's Markdown files (any case of ".md"), sorted; other entries with the reason they are skipped. */
async function listFolder(dir: string): Promise<Listing> {
  const names: string[] = [];
  const others: Listing["others"] = [];
  for await (const e of await opendir(dir, { bufferSize: 256 })) {
    if (e.name.startsWith(".")) continue; // .gitkeep, .DS_Store: not content
    if (e.name.toLowerCase().endsWith(".md")) names.push(e.name);
    else if (e.isDirectory()) others.push({ name: e.name, reason: "Unterordner – wird nicht gelesen" });
    else others.push({ name: e.name, reason: "keine .md-Datei – übersprungen" });
  }
  names.sort();
  return { names, others };
}

type Prepared = { rel: string; slug: string; sourceHash: string; data: unknown; body: string; prepared?: unknown };
type Outcome = { rel: string; outcome: UpsertOutcome | "failed"; message?: string };

const stackMessage = "Inhalt zu tief verschachtelt oder zu lang zum Verarbeiten (Stapelüberlauf verhindert)";

export async function importContent(db: DB, opts: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { collections: [], errors: [], warnings: [], conflicts: [], missingLinks: [], transactions: 0, busyRetries: 0, longestTxMs: 0, finishMs: 0, ok: true };
  const error = (line: string) => {
    report.errors.push(line);
    opts.onError?.(line);
  };
  const warn = (line: string) => {
    if (report.warnings.length < 1000) report.warnings.push(line);
    opts.onWarning?.(line);
  };
  const size = Math.max(1, opts.batchSize ?? BATCH_SIZE);
  const budget = opts.txBudgetMs ?? TX_BUDGET_MS;
  const maxBytes = opts.maxBytes ?? getEnv().CONTENT_MAX_BYTES;
  const retried = () => report.busyRetries++;
  importOptions.force = !!opts.force;
  try {
    for (const c of opts.collections ?? registered) {
      const r: CollectionReport = { folder: c.folder, label: c.label, total: 0, created: 0, updated: 0, unchanged: 0, failed: 0, conflicts: 0 };
      report.collections.push(r);
      const dir = join(opts.dir, c.folder);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        r.skipped = `Ordner ${c.folder}/ fehlt`;
        continue;
      }
      const { names, others } = await listFolder(dir);
      for (const o of others) warn(`${c.folder}/${o.name}: übersprungen: ${o.reason}`);
      const collisions = caseCollisions(names);
      r.total = names.length;
      let done = 0;
      opts.onProgress?.(c.label, 0, r.total);
      const fail = (rel: string, field: string, message: string) => {
        r.failed++;
        error(`${rel}: ${field}: ${message}`);
      };

      /** Read, check and parse one file – no database lock is held here. */
      const prepare = (name: string): Prepared | null => {
        const rel = `${c.folder}/${name}`;
        const other = collisions.get(name);
        if (other) {
          fail(rel, "(Dateiname)", `unterscheidet sich von ${other.map((o) => `„${o}“`).join(", ")} nur in Groß-/Kleinschreibung – alle diese Dateien abgelehnt; bitte umbenennen`);
          return null;
        }
        const slug = name.slice(0, -3);
        const slugOk = (c.slugSchema ?? slugSchema).safeParse(slug);
        if (!slugOk.success) {
          fail(rel, "(Dateiname)", slugOk.error.issues[0].message);
          return null;
        }
        const read = readContentFile(dir, name, maxBytes);
        if (!read.ok) {
          fail(rel, read.refusal.field, read.refusal.message);
          return null;
        }
        for (const w of read.warnings) warn(`${rel}: Warnung: ${w}`);
        try {
          const p = c.parse(read.text, slug);
          for (const w of p.warnings) warn(`${rel}: Warnung: ${w}`);
          if (!p.ok) {
            r.failed++;
            for (const e of p.errors) error(`${rel}: ${e.field}: ${e.message}`);
            return null;
          }
          const shape = markdownShapeProblem(p.body);
          if (shape) {
            fail(rel, "(Inhalt)", shape);
            return null;
          }
          const input = { slug, sourceHash: createHash("sha256").update(read.bytes).digest("hex"), data: p.data, body: p.body };
          // Rendering etc. happens here, with no lock held (reads in WAL mode never block the site).
          return { rel, ...input, prepared: c.prepare?.(db, input) };
        } catch (e) {
          fail(rel, "(Inhalt)", e instanceof RangeError ? stackMessage : `nicht lesbar (${(e as Error).message ?? String(e)})`.slice(0, 300));
          return null;
        }
      };

      const upsertOne = (tx: Tx, f: Prepared): Outcome => {
        try {
          const out = tx.transaction((sp) => c.upsert(sp, { slug: f.slug, data: f.data, body: f.body, sourceHash: f.sourceHash, prepared: f.prepared }));
          return { rel: f.rel, outcome: out.outcome, message: out.message };
        } catch (e) {
          if (isBusyError(e)) throw e; // the whole transaction is retried
          return { rel: f.rel, outcome: "failed", message: e instanceof RangeError ? stackMessage : ((e as Error).message ?? String(e)) };
        }
      };

      /** Writes `items` in short immediate transactions; outcomes count only once their transaction committed. */
      const write = async (items: Prepared[]) => {
        let i = 0;
        while (i < items.length) {
          const from = i;
          const t0 = performance.now();
          let res: { outcomes: Outcome[]; next: number };
          try {
            res = await withBusyRetry(
              () =>
                db.transaction(
                  (tx) => {
                    const started = performance.now();
                    const outcomes: Outcome[] = [];
                    let j = from;
                    while (j < items.length && (j === from || performance.now() - started < budget)) outcomes.push(upsertOne(tx, items[j++]));
                    report.longestTxMs = Math.max(report.longestTxMs, performance.now() - started);
                    return { outcomes, next: j };
                  },
                  { behavior: "immediate" },
                ),
              retried,
            );
          } catch (e) {
            // Still busy after every retry (or the database failed): these files are reported, nothing half-written.
            const reason = isBusyError(e)
              ? `Datenbank blieb belegt (${BUSY_RETRIES + 1} Versuche) – nicht importiert; Import bitte wiederholen`
              : `Datenbankfehler – nicht importiert (${(e as Error).message ?? String(e)})`;
            for (const f of items.slice(from)) fail(f.rel, "(Speichern)", reason);
            return;
          }
          report.transactions++;
          for (const o of res.outcomes) {
            if (o.outcome === "created") r.created++;
            else if (o.outcome === "updated") r.updated++;
            else if (o.outcome === "unchanged") r.unchanged++;
            else if (o.outcome === "conflict") {
              r.conflicts++;
              report.conflicts.push(`${o.rel}: Konflikt: ${o.message ?? "auf der Website geändert"}`);
            } else fail(o.rel, "(Speichern)", o.message ?? "Fehler");
          }
          i = res.next;
          // Leave the lock to the site's writers for as long as we held it (their busy handler polls).
          const held = performance.now() - t0;
          if (i < items.length || held > 2) await sleep(Math.min(200, Math.max(2, Math.round(held))));
        }
      };

      for (let k = 0; k < names.length; k += size) {
        const chunk = names.slice(k, k + size);
        const prepared = chunk.map(prepare).filter((p): p is Prepared => p !== null);
        await write(prepared);
        done += chunk.length;
        opts.onProgress?.(c.label, done, r.total);
      }
      if (c.finish) {
        try {
          const fin = await withBusyRetry(
            () =>
              db.transaction(
                (tx) => {
                  const started = performance.now();
                  const out = c.finish!(tx);
                  report.finishMs += performance.now() - started;
                  return out;
                },
                { behavior: "immediate" },
              ),
            retried,
          );
          for (const m of fin?.missingLinks ?? []) report.missingLinks.push({ folder: c.folder, ...m });
          for (const w of fin?.warnings ?? []) warn(`${c.folder}/: Warnung: ${w}`);
        } catch (e) {
          warn(`${c.folder}/: Warnung: Links wurden nicht neu aufgelöst (${isBusyError(e) ? "Datenbank belegt" : (e as Error).message}); der nächste Import holt es nach`);
        }
      }
    }
  } finally {
    importOptions.force = false;
  }
  report.ok = report.collections.every((c) => c.failed === 0);
  return report;
}

/** "Wissensbeiträge (wissen/): 84 neu …" – one line per collection. */
export function summaryLines(report: ImportReport): string[] {
  return report.collections.map((c) =>
    c.skipped
      ? `${c.label} (${c.folder}/): übersprungen – ${c.skipped}`
      : `${c.label} (${c.folder}/): ${c.total} Dateien – created ${c.created} (neu), updated ${c.updated} (aktualisiert), unchanged ${c.unchanged} (unverändert), failed ${c.failed} (fehlerhaft), conflicts ${c.conflicts} (Konflikte)`,
  );
}
