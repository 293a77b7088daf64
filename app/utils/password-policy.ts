// Password rules shared by the forms and the server.
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// Short list of passwords that are long enough but far too common (and German favourites).
const COMMON = new Set(
  [
    "123456789012", "1234567890123", "12345678901234", "123456789abc", "password1234", "passwort1234", "passwort12345",
    "qwertzuiop12", "qwertyuiop12", "qwertyuiopas", "asdfghjkl123", "iloveyou1234", "111111111111", "000000000000",
    "abcdefghijkl", "abc123456789", "hallo1234567", "hallohallo12", "sommer202020", "willkommen12", "willkommen123",
    "passwortpasswort", "passwordpassword", "letmein12345", "administrator", "administrator1", "geheim123456",
    "schalke04schalke", "borussia09bvb", "dortmund1909", "fussball1234", "schatz123456", "staedtenetz2026",
    "mitglied1234", "changeme1234", "welcome12345", "123123123123", "qwerty123456", "1q2w3e4r5t6z", "1q2w3e4r5t6y",
  ].map((p) => p.toLowerCase()),
);

/** Returns a German error message, or null when the password is acceptable. */
export function checkPasswordPolicy(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN) return `Das Passwort muss mindestens ${PASSWORD_MIN} Zeichen lang sein.`;
  if (password.length > PASSWORD_MAX) return `Das Passwort darf höchstens ${PASSWORD_MAX} Zeichen lang sein.`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return "Dieses Passwort ist zu verbreitet. Bitte wählen Sie ein anderes.";
  if (context.email && lower === context.email.toLowerCase()) return "Das Passwort darf nicht Ihre E-Mail-Adresse sein.";
  return null;
}
