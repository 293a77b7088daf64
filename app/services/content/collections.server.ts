// Content folders the importer knows (`content/<folder>/*.md`). Each feature registers one collection.
// The importer (importer.server.ts) reads files in batches, parses them with `parse`, and calls `upsert`
// inside a transaction; `upsert` decides created / updated / unchanged / conflict (edited on the web since
// the last import) and keeps search documents and revisions in step.
import type { ZodType } from "zod";
import type { Executor, Tx } from "../db.server";
import type { FieldError, ParsedFile } from "./frontmatter";
import { articleCollection } from "./articles.server";
import { programmeCollection } from "./programmes.server";
import { forderungCollection } from "./forderungen.server";
import { guideCollection } from "./ankommen.server";

export type UpsertOutcome = "created" | "updated" | "unchanged" | "conflict";

export type Collection<T = unknown> = {
  folder: string; // "wissen", "foerderung"
  label: string; // German, for the summary: "Wissensbeiträge"
  /** File names allowed in the folder (default: slugSchema, lower-case words with hyphens). */
  slugSchema?: ZodType<string>;
  /** `slug`: the file name without `.md`, for collections whose file names carry meaning. */
  parse: (source: string, slug?: string) => ParsedFile<T>;
  /** `sourceHash`: SHA-256 of the file; store it to detect unchanged files and web edits. */
  upsert: (tx: Tx, input: { slug: string; data: T; body: string; sourceHash: string; prepared?: unknown }) => { outcome: UpsertOutcome; message?: string; missingLinks?: string[] };
  /**
   * Optional expensive work (e.g. Markdown rendering) done BEFORE the write transaction opens, with a plain read
   * handle; its result reaches `upsert` as `prepared`. Return undefined to let `upsert` do it itself.
   */
  prepare?: (db: Executor, input: { slug: string; data: T; body: string; sourceHash: string }) => unknown;
  /** Optional pass after all files (e.g. re-render links to articles created later in the same run). */
  finish?: (tx: Tx) => { missingLinks?: { slug: string; target: string }[]; warnings?: string[] } | void;
};

export type { FieldError };

export const collections: Collection<any>[] = [
  articleCollection,
  programmeCollection,
  forderungCollection,
  guideCollection,
];
