// Unread cues in topic lists from forum_topic_reads: "neu" for a topic never opened, "N neue Beiträge" since the
// last visit, nothing once read and nothing for guests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import { createElement } from "react";
import { createTestDb, makeUser } from "../setup/db";
import type { DB } from "../../db/client";
import { users } from "../../db/schema/index";
import { createPost, createTopic, ensureCategories, getCategory, listTopics, markRead, type Actor } from "~/models/forum.server";
import { unreadCue } from "~/utils/forum-unread";
import { TopicStatusLine } from "~/components/forum/TopicStatusLine";

let db: DB;
let cleanup: () => void;
let mia: Actor;
let ion: Actor;
let topicId: number;

async function actor(city: string, email: string): Promise<Actor> {
  const u = db.select().from(users).where(eq(users.id, (await makeUser(db, "mitglied", city, email)).id)).get()!;
  return { id: u.id, name: u.name, role: u.role, cityId: u.cityId };
}
const cueOf = (viewer: Actor | null) => {
  const t = listTopics(db, { viewer }).topics.find((x) => x.id === topicId)!;
  return unreadCue(t.isNew, t.unread);
};

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  ensureCategories(db);
  mia = await actor("dortmund", "mia.ungelesen@test.invalid");
  ion = await actor("duisburg", "ion.ungelesen@test.invalid");
  topicId = createTopic(db, { category: getCategory(db, "gesundheit", mia)!, title: "Schuleingangsuntersuchung ohne Meldeadresse", raw: "Wie macht ihr das?", handlungsfelder: [], staedte: [] }, ion);
});
afterAll(() => cleanup());

describe("Ungelesen in Themenlisten", () => {
  it("says neu, then the number of new posts, then nothing", () => {
    expect(cueOf(mia)).toBe("neu");
    expect(cueOf(null)).toBeNull();
    markRead(db, mia.id, topicId, 1);
    expect(cueOf(mia)).toBeNull();
    createPost(db, { topicId, raw: "Über das Gesundheitsamt." }, ion);
    expect(cueOf(mia)).toBe("1 neuer Beitrag");
    createPost(db, { topicId, raw: "Und in Duisburg über die Schule." }, ion);
    createPost(db, { topicId, raw: "Nachtrag: mit Dolmetscher." }, ion);
    expect(cueOf(mia)).toBe("3 neue Beiträge");
    markRead(db, mia.id, topicId, 4);
    expect(cueOf(mia)).toBeNull();
  });

  it("renders one status line with the cue as text and a link to the first unread post", () => {
    const html = renderToString(
      createElement(TopicStatusLine, {
        t: { id: 7, title: "Thema", url: "/forum/gesundheit/7", isNew: false, unread: 3, firstUnread: 5, status: "in-klaerung", accepted: true, locked: false, postCount: 7, lastPostAt: "2026-12-01T10:00:00.000Z", handlungsfelder: ["gesundheit"] },
      }),
    );
    expect(html.match(/<p/g)).toHaveLength(1);
    expect(html).toContain('href="/forum/gesundheit/7?beitrag=5#beitrag-5"');
    expect(html).toContain("3 neue Beiträge");
    expect(html).toContain("Clearingstelle: in Klärung");
    expect(html).toContain("beantwortet");
    expect(html).not.toContain("badge");
  });
});
