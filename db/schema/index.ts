// Every schema file of the app; drizzle-kit reads this folder, the client gets the merged object.
export * from "./cities";
export * from "./auth";
export * from "./audit";
export * from "./mail";
export * from "./search";
export * from "./revisions";
export * from "./forum";
export * from "./foerderung";
export * from "./wissen";
export * from "./projekte";
export * from "./ankommen";
export * from "./idempotency";
export * from "./steuerung";
export * from "./security";
export * from "./forum-drafts";
