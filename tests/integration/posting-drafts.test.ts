// Server-side reply drafts (forum_drafts) and the reply's one-submit-one-post guarantee, on the real migrations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, makeUser } from "../setup/db";
import type { DB } from "../../db/client";
import { forumDrafts, forumPosts, users } from "../../db/schema/index";
import { createPost, createTopic, ensureCategories, getCategory, type Actor } from "~/models/forum.server";
import { deleteDraft, getDraft, saveDraft } from "~/models/forum-drafts.server";
import { findIdempotentResult, newIdempotencyKey, runIdempotent } from "~/services/idempotency.server";
import { deleteAccount, exportUserData } from "~/models/dsgvo.server";

let db: DB;
let cleanup: () => void;
let mia: Actor;
let ion: Actor;
let topicId: number;

async function actor(role: "mitglied", city: string, email: string): Promise<Actor> {
  const u = db.select().from(users).where(eq(users.id, (await makeUser(db, role, city, email)).id)).get()!;
  return { id: u.id, name: u.name, role: u.role, cityId: u.cityId };
}

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  ensureCategories(db);
  mia = await actor("mitglied", "dortmund", "mia.entwurf@test.invalid");
  ion = await actor("mitglied", "duisburg", "ion.entwurf@test.invalid");
  const cat = getCategory(db, "gesundheit", mia)!;
  topicId = createTopic(db, { category: cat, title: "Sprachmittlung beim Kinderarzt", raw: "Wer bezahlt die Dolmetscher?", handlungsfelder: [], staedte: [] }, mia);
});
afterAll(() => cleanup());

describe("Entwürfe (forum_drafts)", () => {
  it("are kept per user and topic, overwritten on save and removed by an empty save", () => {
    expect(getDraft(db, mia.id, topicId)).toBeNull();
    saveDraft(db, mia.id, topicId, "Erster Gedanke");
    saveDraft(db, mia.id, topicId, "Zweiter, längerer Gedanke");
    saveDraft(db, ion.id, topicId, "Ions eigener Entwurf");
    expect(getDraft(db, mia.id, topicId)).toBe("Zweiter, längerer Gedanke");
    expect(getDraft(db, ion.id, topicId)).toBe("Ions eigener Entwurf");
    expect(db.select().from(forumDrafts).where(eq(forumDrafts.userId, mia.id)).all()).toHaveLength(1);
    saveDraft(db, ion.id, topicId, "   ");
    expect(getDraft(db, ion.id, topicId)).toBeNull();
  });

  it("a reply published under one idempotency key twice (double click) creates one post and removes the draft", () => {
    saveDraft(db, mia.id, topicId, "Antwort, die gleich veröffentlicht wird");
    const scope = { userId: mia.id, route: `forum.reply:${topicId}`, key: newIdempotencyKey() };
    const publish = () =>
      findIdempotentResult(db, scope) ??
      runIdempotent(db, scope, (tx) => {
        const n = createPost(tx, { topicId, raw: "Bei uns zahlt das Jugendamt." }, mia);
        deleteDraft(tx, mia.id, topicId);
        return `/forum/gesundheit/${topicId}?beitrag=${n}#beitrag-${n}`;
      }).result;
    const first = publish();
    const second = publish();
    expect(second).toBe(first);
    expect(db.select().from(forumPosts).where(eq(forumPosts.topicId, topicId)).all()).toHaveLength(2);
    expect(getDraft(db, mia.id, topicId)).toBeNull();
  });

  it("are in the DSGVO export and gone after erasure", () => {
    saveDraft(db, mia.id, topicId, "Noch nicht veröffentlichter Entwurf von Mia");
    saveDraft(db, ion.id, topicId, "Entwurf von Ion bleibt");
    const data = exportUserData(db, mia.id)! as unknown as { entwuerfe: { topicId: number; raw: string }[] };
    expect(data.entwuerfe).toEqual([expect.objectContaining({ topicId, raw: "Noch nicht veröffentlichter Entwurf von Mia" })]);
    expect(JSON.stringify(data)).not.toContain("Entwurf von Ion");
    deleteAccount(db, mia.id);
    expect(db.select().from(forumDrafts).where(eq(forumDrafts.userId, mia.id)).all()).toEqual([]);
    expect(getDraft(db, ion.id, topicId)).toBe("Entwurf von Ion bleibt");
  });
});
