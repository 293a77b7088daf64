// File store behind a small interface (decision record 014): content-addressed by SHA-256, so the same file
// uploaded twice is stored once. The embedded default is the local disk under FILES_DIR (./data/files);
// an S3-compatible store would implement the same four calls.
import { createReadStream, existsSync, mkdirSync, openSync, fsyncSync, closeSync, renameSync, rmSync, statSync, copyFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Readable } from "node:stream";

export interface FileStore {
  /** Moves a finished temp file into the store under its hash (no-op when already there). */
  putFile(sha256: string, tempPath: string): void;
  get(sha256: string): Readable | null;
  exists(sha256: string): boolean;
  delete(sha256: string): void;
  /** Absolute path, for backup (local store only). */
  pathOf(sha256: string): string;
}

const SHA = /^[0-9a-f]{64}$/;

export function filesDir(): string {
  return resolve(process.env.FILES_DIR || "./data/files");
}

export class LocalFileStore implements FileStore {
  constructor(private root: string = filesDir()) {}

  pathOf(sha256: string): string {
    if (!SHA.test(sha256)) throw new Error("invalid file id");
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  putFile(sha256: string, tempPath: string): void {
    const target = this.pathOf(sha256);
    if (existsSync(target)) {
      rmSync(tempPath, { force: true });
      return;
    }
    mkdirSync(join(this.root, sha256.slice(0, 2)), { recursive: true });
    const fd = openSync(tempPath, "r+");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      renameSync(tempPath, target);
    } catch {
      // another file system (temp dir elsewhere): copy, then remove the temp file
      copyFileSync(tempPath, `${target}.part`);
      renameSync(`${target}.part`, target);
      rmSync(tempPath, { force: true });
    }
  }

  get(sha256: string): Readable | null {
    return this.exists(sha256) ? createReadStream(this.pathOf(sha256)) : null;
  }

  exists(sha256: string): boolean {
    try {
      return statSync(this.pathOf(sha256)).isFile();
    } catch {
      return false;
    }
  }

  delete(sha256: string): void {
    rmSync(this.pathOf(sha256), { force: true });
  }
}

let store: FileStore | undefined;
let storeRoot: string | undefined;
export function getFileStore(): FileStore {
  const root = filesDir();
  if (!store || storeRoot !== root) {
    store = new LocalFileStore(root);
    storeRoot = root;
  }
  return store;
}

/** Temp files for uploads in progress live inside FILES_DIR, so the final rename stays on one file system. */
export function tempDir(): string {
  const dir = join(filesDir(), "tmp");
  mkdirSync(dir, { recursive: true });
  return dir;
}
