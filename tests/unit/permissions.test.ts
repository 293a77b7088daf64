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
  "admin.mail": ["admin"],
  "admin.cspReports": ["admin"],
  "invitation.create": ["koordination", "admin"],
  "content.readDrafts": ["redaktion", "admin"],
  "content.edit": ["redaktion", "admin"],
  "content.publish": ["redaktion", "admin"],
  "content.review": ["redaktion", "admin"],
  "content.suggest": ["mitglied", "koordination", "redaktion", "moderation", "admin"],
  "forum.readMembers": ["mitglied", "koordination", "redaktion", "moderation", "admin"],
  "forum.post": ["mitglied", "koordination", "redaktion", "moderation", "admin"],
  "forum.flag": ["mitglied", "koordination", "redaktion", "moderation", "admin"],
  "forum.editPost": ["moderation", "admin"],
  "forum.accept": ["moderation", "admin"],
  "forum.moderate": ["moderation", "admin"],
  "clearing.submit": ["koordination", "admin"],
  // on an own-city topic without Clearingstelle status: nobody (see "betrifft uns auch" below)
  "clearing.concern": [],
  // a mark of Dortmund set by someone else: a Dortmund coordinator (and admin) may remove it
  "clearing.unconcern": ["koordination", "admin"],
  "clearing.work": ["redaktion", "admin"],
  "project.readMembers": ["mitglied", "koordination", "redaktion", "moderation", "admin"],
  "project.create": ["koordination", "redaktion", "admin"],
  "project.edit": ["koordination", "redaktion", "admin"],
  "project.addUpdate": ["koordination", "redaktion", "admin"],
  "programme.rate": ["koordination", "admin"],
  "project.discuss": ["mitglied", "koordination", "redaktion", "moderation", "admin"],
  // on an own-city project nobody but admin; see "city scope" for another city's project
  "project.interest": ["admin"],
  "anlaufstelle.edit": ["koordination", "redaktion", "admin"],
  "guide.review": ["redaktion", "admin"],
  "city.editFigures": ["koordination", "redaktion", "admin"],
  "forderung.propose": ["koordination", "redaktion", "admin"],
  "forderung.decide": ["redaktion", "admin"],
  "termin.create": ["koordination", "redaktion", "admin"],
  "termin.edit": ["koordination", "redaktion", "admin"],
  "ziel.manage": ["redaktion", "admin"],
  "account.manage": ["mitglied", "koordination", "redaktion", "moderation", "admin"],
  "abo.follow": ["mitglied", "koordination", "redaktion", "moderation", "admin"],
  "search.synonyms": ["redaktion", "admin"],
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
  it("a Dortmund coordinator maintains the figures of Dortmund only; Redaktion those of every city", () => {
    expect(can(dortmund, "city.editFigures", { cityId: DO })).toBe(true);
    expect(can(dortmund, "city.editFigures", { cityId: DU })).toBe(false);
    expect(can(dortmund, "city.editFigures", {})).toBe(false);
    expect(can({ id: "k2", role: "koordination", cityId: null }, "city.editFigures", { cityId: null })).toBe(false);
    expect(can(users.redaktion, "city.editFigures", { cityId: DU })).toBe(true);
    expect(can(users.mitglied, "city.editFigures", { cityId: DO })).toBe(false);
  });
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
  it("rates programmes of own-city projects only; shows interest only in other cities' projects it is not part of", () => {
    expect(can(dortmund, "programme.rate", { cityId: DU })).toBe(false);
    expect(can(users.redaktion, "programme.rate", { cityId: DO })).toBe(false);
    expect(can(dortmund, "project.interest", { cityId: DU, partnerCityIds: [] })).toBe(true);
    expect(can(dortmund, "project.interest", { cityId: DU, partnerCityIds: [DO] })).toBe(false);
    expect(can(users.mitglied, "project.interest", { cityId: DU, partnerCityIds: [] })).toBe(false);
    expect(can({ id: "k2", role: "koordination", cityId: null }, "project.interest", { cityId: DU })).toBe(false);
    expect(can(users.gast, "project.discuss")).toBe(false);
  });
  it("a coordinator edits own-city events only; events of the Land (no city) only Redaktion", () => {
    expect(can(dortmund, "termin.edit", { cityId: DU })).toBe(false);
    expect(can(dortmund, "termin.edit", { cityId: null })).toBe(false);
    expect(can(users.redaktion, "termin.edit", { cityId: null })).toBe(true);
    expect(can(dortmund, "forderung.decide")).toBe(false);
  });
  it("sends only own-city topics to the Clearingstelle", () => {
    expect(can(dortmund, "clearing.submit", { cityId: DU })).toBe(false);
  });
  it("maintains the Anlaufstellen of the own city only", () => {
    expect(can(dortmund, "anlaufstelle.edit", { cityId: DU })).toBe(false);
    expect(can(dortmund, "anlaufstelle.edit", { cityId: DO })).toBe(true);
  });
  it("authors edit and accept on their own topics", () => {
    expect(can(users.mitglied, "forum.editPost", { ownerId: "m" })).toBe(true);
    expect(can(users.mitglied, "forum.accept", { ownerId: "m" })).toBe(true);
  });
  it("betrifft uns auch: only another city's users, only while the topic is at the Clearingstelle", () => {
    const duisburgMember = { id: "dm", role: "mitglied", cityId: DU } satisfies Viewer;
    const duisburgAdmin = { id: "da", role: "admin", cityId: DU } satisfies Viewer;
    for (const status of ["an-clearingstelle", "in-klaerung"]) {
      expect(can(duisburgMember, "clearing.concern", { cityId: DO, clearingStatus: status })).toBe(true);
      expect(can(dortmund, "clearing.concern", { cityId: DU, clearingStatus: status })).toBe(true);
      // own city: never, whatever the role
      expect(can(users.mitglied, "clearing.concern", { cityId: DO, clearingStatus: status })).toBe(false);
      expect(can(dortmund, "clearing.concern", { cityId: DO, clearingStatus: status })).toBe(false);
      expect(can(duisburgAdmin, "clearing.concern", { cityId: DU, clearingStatus: status })).toBe(false);
      // no city: no one to speak for
      expect(can(users.redaktion, "clearing.concern", { cityId: DO, clearingStatus: status })).toBe(false);
      expect(can(users.admin, "clearing.concern", { cityId: DO, clearingStatus: status })).toBe(false);
      expect(can(null, "clearing.concern", { cityId: DO, clearingStatus: status })).toBe(false);
    }
    for (const status of ["offen", "geklaert", "abgelehnt", null, undefined]) {
      expect(can(duisburgMember, "clearing.concern", { cityId: DO, clearingStatus: status })).toBe(false);
    }
    // Removing Duisburg's mark: who set it, or a Duisburg coordinator; not another Duisburg member.
    expect(can(duisburgMember, "clearing.unconcern", { cityId: DU, ownerId: "dm" })).toBe(true);
    expect(can({ id: "dm2", role: "mitglied", cityId: DU }, "clearing.unconcern", { cityId: DU, ownerId: "dm" })).toBe(false);
    expect(can({ id: "dk", role: "koordination", cityId: DU }, "clearing.unconcern", { cityId: DU, ownerId: "dm" })).toBe(true);
    expect(can(dortmund, "clearing.unconcern", { cityId: DU, ownerId: "dm" })).toBe(false);
  });
  it("guests read only public records", () => {
    expect(visibilityFor(null)).toEqual(["public"]);
    expect(visibilityFor(users.mitglied)).toEqual(["public", "members"]);
  });
});
