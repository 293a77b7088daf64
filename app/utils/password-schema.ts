import { z } from "zod";
import { checkPasswordPolicy, PASSWORD_MAX } from "./password-policy";

/** Two password fields that must match and follow the policy. */
export function passwordPair<A extends string, B extends string>(a: A, b: B) {
  return z
    .object({
      [a]: z.string({ required_error: "Bitte geben Sie ein Passwort ein." }).max(PASSWORD_MAX, `Das Passwort darf höchstens ${PASSWORD_MAX} Zeichen lang sein.`),
      [b]: z.string({ required_error: "Bitte wiederholen Sie das Passwort." }).max(PASSWORD_MAX, `Das Passwort darf höchstens ${PASSWORD_MAX} Zeichen lang sein.`),
    } as Record<A | B, z.ZodString>)
    .superRefine((v, ctx) => {
      const values = v as Record<string, string>;
      const problem = checkPasswordPolicy(values[a]);
      if (problem) ctx.addIssue({ code: "custom", path: [a], message: problem });
      else if (values[a] !== values[b]) ctx.addIssue({ code: "custom", path: [b], message: "Die beiden Passwörter stimmen nicht überein." });
    }) as unknown as z.ZodType<Record<A | B, string>>;
}
