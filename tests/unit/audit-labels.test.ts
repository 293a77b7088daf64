import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, auditActionLabel, describeAuditDetail } from "~/utils/audit-labels";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Action keys that a template literal in an `audit(` call can produce (the code's own unions). */
const TEMPLATE_EXPANSIONS: Record<string, string[]> = {
  "`article.${source === \"web\" ? \"update\" : source}`": ["article.update", "article.restore", "article.suggestion"],
  "`${it.entityType}.owner`": ["article.owner", "programme.owner"],
};

/** Every `audit(…, { … action: X, entityType: Y … })` in app/, with the literal keys of X and Y. */
function auditCalls() {
  const found: { file: string; actions: string[]; entityTypes: string[]; template?: string }[] = [];
  for (const file of files("app")) {
    if (file.endsWith("audit.server.ts")) continue;
    const src = readFileSync(file, "utf8");
    for (const m of src.matchAll(/\baudit\(\s*\w+,\s*\{([\s\S]*?)\}\s*\);/g)) {
      const body = m[1];
      const action = /action:\s*([^,]*(?:\?[^:]*:[^,]*)?),\s*entityType/.exec(body)?.[1]?.trim() ?? "";
      const entity = /entityType:\s*([^,]*),/.exec(body)?.[1]?.trim() ?? "";
      const lit = (s: string) => [...s.matchAll(/"([a-z_]+(?:\.[a-zA-Z_-]+)*)"/g)].map((x) => x[1]);
      if (action.startsWith("`")) found.push({ file, actions: TEMPLATE_EXPANSIONS[action] ?? [], entityTypes: lit(entity), template: action });
      else found.push({ file, actions: lit(action).filter((a) => a.includes(".")), entityTypes: lit(entity) });
    }
  }
  return found;
}

describe("audit labels", () => {
  const calls = auditCalls();

  it("finds the audit calls of the code (the scan itself works)", () => {
    expect(calls.length).toBeGreaterThan(50);
    expect(calls.flatMap((c) => c.actions)).toContain("project.update");
  });

  it("knows every template action key, and every action written in app/ has a German label", () => {
    const unknownTemplates = calls.filter((c) => c.template && !TEMPLATE_EXPANSIONS[c.template]).map((c) => `${c.file}: ${c.template}`);
    expect(unknownTemplates).toEqual([]);
    const missing = [...new Set(calls.flatMap((c) => c.actions))].filter((a) => !AUDIT_ACTIONS[a]);
    expect(missing).toEqual([]);
    const noAction = calls.filter((c) => c.actions.length === 0).map((c) => c.file);
    expect(noAction).toEqual([]);
  });

  it("every object type written in app/ has a German label", () => {
    const types = [...new Set(calls.flatMap((c) => c.entityTypes))];
    expect(types).toContain("forum_topic");
    expect(types.filter((t) => !AUDIT_ENTITY_TYPES[t])).toEqual([]);
  });

  it("labels are German sentences, not keys", () => {
    for (const label of Object.values(AUDIT_ACTIONS)) expect(label).not.toMatch(/[a-z]+\.[a-z_]+/);
    expect(auditActionLabel("foo.bar_baz")).not.toMatch(/[a-z]+\.[a-z_]+/);
  });

  it("describes changes readably, never as JSON", () => {
    expect(describeAuditDetail({ from: "idee", to: "in-vorbereitung" })).toEqual(["Status: Idee → In Vorbereitung"]);
    expect(describeAuditDetail({ status: "offen" })).toEqual(["Status: offen"]);
    expect(describeAuditDetail({ from: "an-clearingstelle", to: "geklaert" })).toEqual(["Status: an Clearingstelle → geklärt"]);
    expect(
      describeAuditDetail(
        { from: { role: "mitglied", cityId: 1 }, to: { role: "koordination", cityId: 1 } },
        { users: {}, cities: { "1": "Dortmund" } },
      ),
    ).toEqual(["Rolle: Mitglied → Koordination", "Stadt: Dortmund"]);
    expect(describeAuditDetail({ ownerId: "u1", deputyId: null }, { users: { u1: "Anna Beispiel" }, cities: {} })).toEqual([
      "Verantwortlich: Anna Beispiel",
      "Vertretung: –",
    ]);
    expect(describeAuditDetail({ indicator: "bg-ro-gemeldet", figure: 4 })[0]).toBe("Kennzahl: Gemeldete Menschen aus Bulgarien und Rumänien");
    const weird = describeAuditDetail({ someNewField: { nested: [1, 2] }, fields: ["name", "status"] });
    expect(weird.join(" ")).not.toMatch(/[{}"]/);
    expect(weird).toContain("Geänderte Felder: Name, Status");
  });
});
