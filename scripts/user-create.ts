import { eq } from "drizzle-orm";
import { cli, die } from "./lib/cli";
import { DatabaseConfigError, openDatabase, runMigrations } from "../db/client";
import { cities, users } from "../db/schema/index";
import { setDb } from "../app/services/db.server";
import { createUser, normalizeEmail } from "../app/models/user.server";
import { checkPasswordPolicy } from "../app/utils/password-policy";
import { ROLES, type Role } from "../app/utils/taxonomy";
import { cleanLine } from "../app/utils/text-hygiene";
import { LIMITS } from "../app/utils/forms";

const usage = `
Legt ein Konto an. Das Passwort wird von der Standardeingabe gelesen (erste Zeile).

Aufruf: echo 'langes passwort hier' | npm run user:create -- --email person@example.org --role admin [--name "Name"] [--city dortmund]
Rollen: ${Object.keys(ROLES).join(", ")} (koordination braucht --city)
Umgebung: DATABASE_URL (Standard file:./data/app.db)
`;
const { values } = cli(usage, { email: { type: "string" }, role: { type: "string" }, city: { type: "string" }, name: { type: "string" } });

// The same hygiene as the web forms: no control, bidi or invisible characters in the address or the name.
if (values.email !== undefined) values.email = cleanLine(values.email);
if (values.name !== undefined) values.name = cleanLine(values.name);
if (!values.email || values.email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) die(`--email fehlt oder ist ungültig.\n${usage}`);
if (values.name !== undefined && (values.name.length < 2 || values.name.length > LIMITS.name)) die(`--name muss 2 bis ${LIMITS.name} Zeichen lang sein.`);
if (!values.role || !(values.role in ROLES)) die(`--role muss eine von ${Object.keys(ROLES).join(", ")} sein.`);
const role = values.role as Role;
if (role === "koordination" && !values.city) die("--city ist für die Rolle koordination nötig.");

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Passwort: ");
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

const password = await readStdin();
const problem = checkPasswordPolicy(password, { email: values.email });
if (problem) die(problem);

try {
  const { db } = openDatabase();
  runMigrations(db);
  setDb(db);
  let cityId: number | null = null;
  if (values.city) {
    const c = db.select({ id: cities.id }).from(cities).where(eq(cities.slug, values.city)).get();
    if (!c) die(`Unbekannte Stadt „${values.city}“. Erst anlegen (npm run db:seed) oder Kurznamen prüfen.`);
    cityId = c.id;
  }
  if (db.select({ id: users.id }).from(users).where(eq(users.email, normalizeEmail(values.email))).get()) die("Für diese E-Mail-Adresse gibt es bereits ein Konto.", 1);
  await createUser(db, { email: values.email, name: values.name ?? values.email.split("@")[0], password, role, cityId });
  db.$client.close();
  console.log(`Konto angelegt: Rolle ${ROLES[role]}${values.city ? `, Stadt ${values.city}` : ""}.`);
} catch (e) {
  die(e instanceof DatabaseConfigError ? e.message : `Konto konnte nicht angelegt werden: ${(e as Error).message}`, 1);
}
