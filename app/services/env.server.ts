// Configuration only through environment variables, validated once at start (epic-stack env.server.ts).
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
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
  SESSION_SECRET: z.string().min(16, "muss mindestens 16 Zeichen lang sein").optional(),
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
    const value = source[name];
    throw new EnvError(`Konfigurationsfehler: ${name}${value !== undefined ? `=${JSON.stringify(value)}` : ""} ${issue.message}`);
  }
  const env = result.data;
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  return { ...env, publicUrl, secureCookies: publicUrl.startsWith("https://") };
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
export function resetEnvCache() {
  cached = undefined;
}
