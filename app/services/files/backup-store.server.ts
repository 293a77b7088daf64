// Attachments in backups (issue 14): `db:backup` copies every referenced blob into `<backup dir>/dateien/`
// (only the ones not already there, so repeated backups stay cheap); `db:restore` copies them back into
// FILES_DIR and then refuses when a referenced file is still missing.
import type Database from "better-sqlite3";
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import { join } from "node:path";
import { getFileStore } from "./storage.server";

const SHA = /^[0-9a-f]{64}$/;

function referenced(db: Database.Database): string[] {
  const has = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'attachments'").get() as { n: number };
  if (!has.n) return [];
  const rows = db.prepare("SELECT sha256 AS s FROM attachments UNION SELECT thumb_sha256 FROM attachments WHERE thumb_sha256 IS NOT NULL").all() as { s: string }[];
  return rows.map((r) => r.s).filter((s) => SHA.test(s));
}

function copyAtomic(from: string, to: string) {
  copyFileSync(from, `${to}.part`);
  renameSync(`${to}.part`, to);
}

export const attachmentBackupStore = {
  name: "Dateianhänge",
  backup(db: Database.Database, targetDir: string) {
    const store = getFileStore();
    let files = 0;
    let bytes = 0;
    for (const sha of referenced(db)) {
      if (!store.exists(sha)) continue;
      const dir = join(targetDir, "dateien", sha.slice(0, 2));
      mkdirSync(dir, { recursive: true });
      const to = join(dir, sha);
      if (!existsSync(to)) copyAtomic(store.pathOf(sha), to);
      files++;
      bytes += statSync(to).size;
    }
    return { files, bytes };
  },
  /** Copies the blobs saved next to a backup back into FILES_DIR (only the ones missing there). */
  restore(fromDir: string) {
    const src = join(fromDir, "dateien");
    if (!existsSync(src)) return 0;
    const store = getFileStore();
    let n = 0;
    for (const d of readdirSync(src)) {
      for (const sha of readdirSync(join(src, d))) {
        if (!SHA.test(sha) || store.exists(sha)) continue;
        const to = store.pathOf(sha);
        mkdirSync(join(to, ".."), { recursive: true });
        copyAtomic(join(src, d, sha), to);
        n++;
      }
    }
    return n;
  },
  missingFiles(db: Database.Database) {
    const store = getFileStore();
    return referenced(db).filter((sha) => !store.exists(sha));
  },
};
