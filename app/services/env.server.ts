// Configuration only through environment variables, validated once at start (epic-stack env.server.ts).
import { z } from "zod";

const schema = z.object({
  // Production is the default: a deployment that forgets NODE_ENV gets no demo accounts and no stack traces.
  NODE_ENV: z.enum(["development", "production", "test"], { message: "muss development, production oder test sein" }).default("production"),
  PORT: z
    .string()
    .default("3000")
    .refine((v) => /^\d+$/.test(v) && Number(v) > 0 && Number(v) < 65536, "muss eine Portnummer zwischen 1 und 65535 sein"),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .default("file:./data/app.db")
    .refine((v) => v.startsWith("file:") || v === ":memory:" || v.startsWith("/") || v.startsWith("."), "muss mit file: beginnen, z. B. file:./data/app.db"),
  PUBLIC_URL: z.string().url("muss eine vollständige URL sein, z. B. https://staedtenetz.example").optional(),
  MEILI_HOST: z.string().url("muss eine URL sein, z. B. http://127.0.0.1:7700").optional(),
  MEILI_KEY: z.string().optional(),
  SMTP_URL: z.string().url("muss eine SMTP-URL sein, z. B. smtp://user:pass@host:587").optional(),
  MAIL_FROM: z.string().default("Städtenetz Südosteuropa <noreply@staedtenetz.invalid>"),
  MAIL_DIR: z.string().default("./data/mail"),
  DIGEST_HOUR: z
    .string()
    .default("7")
    .refine((v) => v === "off" || (/^\d{1,2}$/.test(v) && Number(v) <= 23), "muss eine Stunde von 0 bis 23 (Ortszeit Europe/Berlin) oder off sein"),
  CONTENT_DIR: z.string().default("./content"),
  // Largest content file the importer reads (bytes; checked with stat before reading).
  CONTENT_MAX_BYTES: z
    .string()
    .default("2097152")
    .refine((v) => /^\d{1,10}$/.test(v) && Number(v) >= 1024, "muss eine ganze Zahl von Bytes sein (mindestens 1024), z. B. 2097152 für 2 MB")
    .transform(Number),
  // Scheduled backups (off unless BACKUP_DIR is set): folder, number of copies kept, hour of day (0–23, server time).
  BACKUP_DIR: z.string().optional(),
  BACKUP_KEEP: z
    .string()
    .default("7")
    .refine((v) => /^\d{1,4}$/.test(v) && Number(v) >= 1, "muss eine ganze Zahl ab 1 sein (Anzahl der aufbewahrten Sicherungen)")
    .transform(Number),
  BACKUP_HOUR: z
    .string()
    .default("3")
    .refine((v) => /^\d{1,2}$/.test(v) && Number(v) <= 23, "muss eine Stunde zwischen 0 und 23 sein")
    .transform(Number),
  SESSION_SECRET: z.string().min(32, "muss mindestens 32 Zeichen lang sein").optional(),
  /** Further host names (comma list, optionally with port) under which the site is reached, e.g. behind a proxy. */
  ALLOWED_HOSTS: z
    .string()
    .optional()
    .refine((v) => !v || v.split(",").every((h) => /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/.test(h.trim()) || h.trim() === ""), "muss eine Komma-Liste von Hostnamen sein, z. B. staedtenetz.example,www.staedtenetz.example"),
  /** Seconds the server waits on SIGTERM/SIGINT for accepted requests before it exits. */
  SHUTDOWN_TIMEOUT: z
    .string()
    .default("10")
    .refine((v) => /^\d+(\.\d+)?$/.test(v) && Number(v) <= 600, "muss eine Zahl von Sekunden zwischen 0 und 600 sein"),
  /** Largest accepted request body in bytes (forms); larger bodies get 413 before Remix reads them. */
  BODY_LIMIT: z
    .string()
    .default("1048576")
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 1024, "muss eine Byte-Zahl von mindestens 1024 sein"),
  /** Most form fields accepted in one urlencoded or multipart body. */
  FIELD_LIMIT: z
    .string()
    .default("1000")
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 10, "muss eine Zahl von mindestens 10 sein"),
  /** Per-IP request limits per minute (higher values only for load tests). */
  RATE_LIMIT_READ: z.string().default("1200").refine((v) => /^\d+$/.test(v) && Number(v) > 0, "muss eine positive Zahl sein"),
  RATE_LIMIT_WRITE: z.string().default("120").refine((v) => /^\d+$/.test(v) && Number(v) > 0, "muss eine positive Zahl sein"),
  /** Attachments per user and 24 hours: files and megabytes (higher values only for load tests, e.g. bench:upload). */
  UPLOAD_DAILY_FILES: z.string().default("100").refine((v) => /^\d+$/.test(v) && Number(v) > 0, "muss eine positive Zahl sein"),
  UPLOAD_DAILY_MB: z.string().default("200").refine((v) => /^\d+$/.test(v) && Number(v) > 0, "muss eine positive Zahl von Megabyte sein"),
  LOG_REQUESTS: z.enum(["0", "1"], { message: "muss 0 oder 1 sein" }).optional(),
  /** Folder of a Remix build other than ./build (parallel builds in tests). */
  BUILD_DIR: z.string().optional(),
  DEMO: z.enum(["0", "1", ""]).optional(),
});

export type Env = z.infer<typeof schema> & { publicUrl: string; secureCookies: boolean };

export class EnvError extends Error {}

/** Parse `source` (default `process.env`); throws EnvError with one German line naming the variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0]);
    // Secrets are never echoed into the log, not even when they are too short.
    const value = /SECRET|KEY|SMTP_URL/.test(name) ? undefined : source[name];
    throw new EnvError(`Konfigurationsfehler: ${name}${value !== undefined ? `=${JSON.stringify(value)}` : ""} ${issue.message}`);
  }
  const env = result.data;
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  return { ...env, publicUrl, secureCookies: publicUrl.startsWith("https://") };
}

/**
 * The server refuses to start in production without SESSION_SECRET (scripts/server.ts). Command-line tools that
 * sign nothing (content:import, db:backup …) run without it; those that sign links (mail:digest) fail when they
 * first need the key (tokens.server.ts).
 */
export function missingSecretError(env: Env): string | null {
  return env.NODE_ENV === "production" && !env.SESSION_SECRET
    ? "Konfigurationsfehler: SESSION_SECRET fehlt; in NODE_ENV=production ist ein zufälliger Wert mit mindestens 32 Zeichen Pflicht (z. B. openssl rand -hex 32)"
    : null;
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
export function resetEnvCache() {
  cached = undefined;
}
