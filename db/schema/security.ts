import { integer, sqliteTable, text, index } from "drizzle-orm/sqlite-core";
import { createdAt } from "./common";

/**
 * CSP violation reports sent by browsers to /csp-bericht. Only what helps find a broken policy is kept:
 * the directive, the origin of the blocked resource (no path, no query), the page path (no query) and the
 * time. No IP address, no user, no user agent, no sample of the blocked code.
 */
export const cspReports = sqliteTable(
  "csp_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    directive: text("directive").notNull(),
    blockedOrigin: text("blocked_origin").notNull(),
    documentPath: text("document_path").notNull(),
  },
  (t) => [index("csp_reports_at_idx").on(t.at)],
);
