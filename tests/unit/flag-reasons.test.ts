import { describe, expect, it } from "vitest";
import { FLAG_REASONS, flagReasonLabel } from "~/utils/flag-reasons";

describe("flag reason labels", () => {
  it("shows every reason of the report form in German, with the reporter's words apart", () => {
    for (const r of FLAG_REASONS) expect(flagReasonLabel(r.value)).toEqual({ label: r.label, detail: null });
    expect(flagReasonLabel("personenbezogene-daten: Telefonnummer im Text")).toEqual({ label: "Enthält personenbezogene Daten", detail: "Telefonnummer im Text" });
  });
  it("never shows an unknown or forged code", () => {
    expect(flagReasonLabel("<script>x</script>").label).toBe("Sonstiges");
    expect(flagReasonLabel("foo-bar: text")).toEqual({ label: "Sonstiges", detail: "text" });
  });
});
