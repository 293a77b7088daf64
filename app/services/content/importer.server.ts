// Content importer: content/<folder>/*.md for every registered collection → database.
// Bounded memory: the directory is streamed with fs.opendir (never listed whole), files are read and written in
// batches of BATCH_SIZE inside one transaction per batch; one bad file never stops the rest (savepoint per file).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { opendir } from "node:fs/promises";
import { join } from "node:path";
import type { DB } from "~/services/db.server";
import { collections as registered, type Collection } from "./collections.server";
import { slugSchema } from "./frontmatter";
import { importOptions } from "./articles.server";

export const BATCH_SIZE = 500;

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
};

async function countMarkdown(dir: string): Promise<number> {
  let n = 0;
  for await (const e of await opendir(dir, { bufferSize: 256 })) if (e.isFile() && e.name.endsWith(".md")) n++;
  return n;
}

async function* markdownBatches(dir: string, size: number): AsyncGenerator<string[]> {
  let batch: string[] = [];
  for await (const e of await opendir(dir, { bufferSize: 256 })) {
    if (!e.isFile() || !e.name.endsWith(".md")) continue;
    batch.push(e.name);
    if (batch.length >= size) {
      yield batch.sort();
      batch = [];
    }
  }
  if (batch.length) yield batch.sort();
}

export async function importContent(db: DB, opts: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { collections: [], errors: [], warnings: [], conflicts: [], missingLinks: [], ok: true };
  const error = (line: string) => {
    report.errors.push(line);
    opts.onError?.(line);
  };
  const warn = (line: string) => {
    if (report.warnings.length < 1000) report.warnings.push(line);
    opts.onWarning?.(line);
  };
  const size = opts.batchSize ?? BATCH_SIZE;
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
      r.total = await countMarkdown(dir);
      let done = 0;
      opts.onProgress?.(c.label, 0, r.total);
      for await (const names of markdownBatches(dir, size)) {
        // Read and parse outside the transaction; write the batch in one transaction.
        const parsed = names.map((name) => {
          const rel = `${c.folder}/${name}`;
          const slug = name.slice(0, -3);
          const slugOk = (c.slugSchema ?? slugSchema).safeParse(slug);
          if (!slugOk.success) return { rel, slug, errors: [{ field: "(Dateiname)", message: slugOk.error.issues[0].message }] };
          let source: Buffer;
          try {
            source = readFileSync(join(dir, name));
          } catch (e) {
            return { rel, slug, errors: [{ field: "(Datei)", message: `nicht lesbar (${(e as NodeJS.ErrnoException).code ?? "Fehler"})` }] };
          }
          const sourceHash = createHash("sha256").update(source).digest("hex");
          const p = c.parse(source.toString("utf8"), slug);
          for (const w of p.warnings) warn(`${rel}: Warnung: ${w}`);
          if (!p.ok) return { rel, slug, errors: p.errors };
          return { rel, slug, sourceHash, data: p.data, body: p.body };
        });
        db.transaction((tx) => {
          for (const f of parsed) {
            if ("errors" in f && f.errors) {
              r.failed++;
              for (const e of f.errors) error(`${f.rel}: ${e.field}: ${e.message}`);
              continue;
            }
            const ok = f as { rel: string; slug: string; sourceHash: string; data: unknown; body: string };
            try {
              const out = tx.transaction((sp) => c.upsert(sp, { slug: ok.slug, data: ok.data, body: ok.body, sourceHash: ok.sourceHash }));
              if (out.outcome === "created") r.created++;
              else if (out.outcome === "updated") r.updated++;
              else if (out.outcome === "unchanged") r.unchanged++;
              else {
                r.conflicts++;
                report.conflicts.push(`${ok.rel}: Konflikt: ${out.message ?? "auf der Website geändert"}`);
              }
            } catch (e) {
              r.failed++;
              error(`${ok.rel}: (Speichern): ${(e as Error).message ?? String(e)}`);
            }
          }
        });
        done += names.length;
        opts.onProgress?.(c.label, done, r.total);
      }
      if (c.finish) {
        const fin = db.transaction((tx) => c.finish!(tx));
        for (const m of fin?.missingLinks ?? []) report.missingLinks.push({ folder: c.folder, ...m });
        for (const w of fin?.warnings ?? []) warn(`${c.folder}/: Warnung: ${w}`);
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
