// A minimal valid project input for integration tests (lead city, status, funding lines).
import type { ProjectInput } from "~/models/project.server";

export function projectInput(over: Partial<ProjectInput> & { leadCityId: number }): ProjectInput {
  return {
    title: "Testprojekt",
    summary: "",
    partnerCityIds: [],
    status: "laufend",
    statusDate: "2026-01-01",
    statusNote: "",
    handlungsfelder: ["gesundheit"],
    zielgruppen: [],
    problem: "",
    approach: "",
    worked: "",
    failed: "",
    failureReasons: "",
    responsibilities: [],
    nextSteps: "",
    budget: null,
    startDate: null,
    endDate: null,
    contactRole: "",
    visibility: "public",
    seeksPartners: false,
    overBudgetConfirmed: false,
    fundingLines: [],
    indicators: [],
    articleSlugs: [],
    ...over,
  };
}
