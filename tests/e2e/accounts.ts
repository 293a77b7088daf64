// Demo accounts of the e2e database (created by tests/setup/e2e-server.ts).
export const E2E_PASSWORD = "e2e testpasswort lang genug";

export const ACCOUNTS = {
  admin: "admin@demo.staedtenetz.invalid",
  redaktion: "redaktion@demo.staedtenetz.invalid",
  moderation: "moderation@demo.staedtenetz.invalid",
  koordinationDortmund: "koordination.dortmund@demo.staedtenetz.invalid",
  koordinationDuisburg: "koordination.duisburg@demo.staedtenetz.invalid",
  mitgliedDortmund: "mitglied.dortmund@demo.staedtenetz.invalid",
  mitgliedDuisburg: "mitglied.duisburg@demo.staedtenetz.invalid",
} as const;
export type AccountKey = keyof typeof ACCOUNTS;
