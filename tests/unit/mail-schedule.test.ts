import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/services/env.server";
import { berlinDayHour } from "~/services/scheduler.server";
import { redactTokens } from "~/services/mail.server";

describe("DIGEST_HOUR", () => {
  it("defaults to 7, accepts 0–23 and off, and names itself when wrong", () => {
    expect(parseEnv({}).DIGEST_HOUR).toBe("7");
    expect(parseEnv({ DIGEST_HOUR: "0" }).DIGEST_HOUR).toBe("0");
    expect(parseEnv({ DIGEST_HOUR: "off" }).DIGEST_HOUR).toBe("off");
    for (const bad of ["24", "7.5", "sieben", "-1"]) {
      expect(() => parseEnv({ DIGEST_HOUR: bad })).toThrow(EnvError);
      expect(() => parseEnv({ DIGEST_HOUR: bad })).toThrow(/DIGEST_HOUR/);
    }
  });
});

describe("Berlin local time", () => {
  it("follows summer and winter time", () => {
    expect(berlinDayHour(Date.UTC(2026, 6, 1, 5, 0))).toEqual({ day: "2026-07-01", hour: 7 }); // CEST, UTC+2
    expect(berlinDayHour(Date.UTC(2026, 11, 1, 6, 0))).toEqual({ day: "2026-12-01", hour: 7 }); // CET, UTC+1
    expect(berlinDayHour(Date.UTC(2026, 11, 1, 23, 30))).toEqual({ day: "2026-12-02", hour: 0 });
  });
});

describe("redactTokens", () => {
  it("removes link tokens up to whitespace or the end of a header, and nothing else", () => {
    const text = "Link: https://x.example/registrieren/abc_DEF-123\nReset https://x.example/passwort-vergessen/tok.en?x=1 Ende\nSeite /passwort-vergessen bleibt";
    expect(redactTokens(text)).toBe(
      "Link: https://x.example/registrieren/[entfernt]\nReset https://x.example/passwort-vergessen/[entfernt] Ende\nSeite /passwort-vergessen bleibt",
    );
    expect(redactTokens('{"List-Unsubscribe":"<https://x.example/abbestellen/a.b.c>"}')).toBe('{"List-Unsubscribe":"<https://x.example/abbestellen/[entfernt]>"}');
    expect(redactTokens(redactTokens(text))).toBe(redactTokens(text));
  });
});
