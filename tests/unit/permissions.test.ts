import { describe, expect, it } from "vitest";
import { ACTIONS, can, visibilityFor, type Action, type Viewer } from "~/services/permissions";

const DO = 1; // Dortmund
const DU = 2; // Duisburg
const users = {
  gast: null,
  mitglied: { id: "m", role: "mitglied", cityId: DO },
  koordination: { id: "k", role: "koordination", cityId: DO },
  redaktion: { id: "r", role: "redaktion", cityId: null },
  moderation: { id: "mo", role: "moderation", cityId: null },
  admin: { id: "a", role: "admin", cityId: null },
} satisfies Record<string, Viewer>;
type Who = keyof typeof users;

// The role matrix of DESIGN.md: which role may do which action (resource: own city Dortmund unless noted).
const matrix: Record<Action, Who[]> = {
  "verwaltung.open": ["koordination", "redaktion", "moderation", "admin"],
  "admin.users": ["admin"],
  "admin.cities": ["admin"],
  "admin.audit": ["admin"],
  "admin.categories": ["admin"],
  "admin.cspReports": ["admin"],
  "invitation.create": ["koordination", "admin"],
  "content.readDrafts": ["redaktion", "admin"],
  "content.edit": ["redaktion", "admin"],
  "content.publish": ["redaktion", "admin"],
  "content.suggest": ["mitglied", "koordination", "redaktion", "moderation", "admin"],
  "forum.readMembers": ["mitglied", "koordination", "redaktion", "moderation", "admin"],
  "forum.post": ["mitglied", "koordination", "redaktion", "moderation", "admin"],
  "forum.flag": ["mitglied", "koordination", "redaktion", "moderation", "admin"],
  "forum.editPost": ["moderation", "admin"],
  "forum.accept": ["moderation", "admin"],
  "forum.moderate": ["moderation", "admin"],
  "clearing.submit": ["koordination", "admin"],
  "clearing.concern": ["mitglied", "koordination", "redaktion", "moderation", "admin"],
  "clearing.work": ["redaktion", "admin"],
  "project.readMembers": ["mitglied", "koordination", "redaktion", "moderation", "admin"],
  "project.create": ["koordination", "redaktion", "admin"],
  "project.edit": ["koordination", "redaktion", "admin"],
  "project.addUpdate": ["koordination", "redaktion", "admin"],
  "account.manage": ["mitglied", "koordination", "redaktion", "moderation", "admin"],
};

describe("permission matrix", () => {
  it("covers every action", () => {
    expect(Object.keys(matrix).sort()).toEqual([...ACTIONS].sort());
  });
  for (const action of ACTIONS) {
    for (const who of Object.keys(users) as Who[]) {
      const expected = matrix[action].includes(who);
      it(`${who} ${expected ? "may" : "may not"} ${action}`, () => {
        expect(can(users[who], action, { cityId: DO, role: "mitglied", ownerId: "someone-else" })).toBe(expected);
      });
    }
  }
});

describe("city scope", () => {
  const dortmund = users.koordination;
  it("a Dortmund coordinator cannot invite to Duisburg or invite a coordinator", () => {
    expect(can(dortmund, "invitation.create", { cityId: DU, role: "mitglied" })).toBe(false);
    expect(can(dortmund, "invitation.create", { cityId: DO, role: "koordination" })).toBe(false);
    expect(can(dortmund, "invitation.create", { cityId: null, role: "mitglied" })).toBe(false);
  });
  it("a coordinator edits own-city projects only, but may add updates as partner", () => {
    expect(can(dortmund, "project.edit", { cityId: DU })).toBe(false);
    expect(can(dortmund, "project.addUpdate", { cityId: DU, partnerCityIds: [DO] })).toBe(true);
    expect(can(dortmund, "project.addUpdate", { cityId: DU, partnerCityIds: [] })).toBe(false);
  });
  it("sends only own-city topics to the Clearingstelle", () => {
    expect(can(dortmund, "clearing.submit", { cityId: DU })).toBe(false);
  });
  it("authors edit and accept on their own topics", () => {
    expect(can(users.mitglied, "forum.editPost", { ownerId: "m" })).toBe(true);
    expect(can(users.mitglied, "forum.accept", { ownerId: "m" })).toBe(true);
  });
  it("guests read only public records", () => {
    expect(visibilityFor(null)).toEqual(["public"]);
    expect(visibilityFor(users.mitglied)).toEqual(["public", "members"]);
  });
});
