// A small JSON Schema validator for the subset our documented export schemas use (no dependency):
// type (incl. arrays of types and "integer"), const, enum, properties, required, additionalProperties: false,
// items, minimum, pattern, format (date, date-time, uri), oneOf, $ref to "#/$defs/…".
type Schema = Record<string, unknown>;

export function validateJson(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (s: Schema): Schema => {
    if (typeof s.$ref === "string") {
      const path = s.$ref.replace(/^#\//, "").split("/");
      let cur: unknown = root;
      for (const p of path) cur = (cur as Record<string, unknown>)[p];
      if (!cur) throw new Error(`unresolved $ref ${s.$ref}`);
      return resolve(cur as Schema);
    }
    return s;
  };
  const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  const check = (schema: Schema, v: unknown, at: string): boolean => {
    const s = resolve(schema);
    const before = errors.length;
    if (s.oneOf) {
      const matches = (s.oneOf as Schema[]).filter((alt) => {
        const saved = errors.length;
        const ok = check(alt, v, at);
        errors.length = saved;
        return ok;
      }).length;
      if (matches !== 1) errors.push(`${at}: matches ${matches} of oneOf`);
    }
    if (s.type) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      const t = typeOf(v);
      const ok = types.some((x) => x === t || (x === "integer" && t === "number" && Number.isInteger(v)));
      if (!ok) {
        errors.push(`${at}: expected ${types.join("|")}, got ${t}`);
        return false;
      }
    }
    if ("const" in s && v !== s.const) errors.push(`${at}: expected const ${JSON.stringify(s.const)}`);
    if (s.enum && !(s.enum as unknown[]).includes(v)) errors.push(`${at}: ${JSON.stringify(v)} not in enum`);
    if (typeof v === "number" && typeof s.minimum === "number" && v < s.minimum) errors.push(`${at}: ${v} < minimum ${s.minimum}`);
    if (typeof v === "string") {
      if (typeof s.pattern === "string" && !new RegExp(s.pattern).test(v)) errors.push(`${at}: does not match ${s.pattern}`);
      if (s.format === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(v)) errors.push(`${at}: not a date`);
      if (s.format === "date-time" && (Number.isNaN(Date.parse(v)) || !/^\d{4}-\d{2}-\d{2}T/.test(v))) errors.push(`${at}: not a date-time`);
      if (s.format === "uri" && !/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) errors.push(`${at}: not a URI`);
    }
    if (Array.isArray(v) && s.items) v.forEach((item, i) => check(s.items as Schema, item, `${at}[${i}]`));
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const obj = v as Record<string, unknown>;
      const props = (s.properties ?? {}) as Record<string, Schema>;
      for (const r of (s.required ?? []) as string[]) if (!(r in obj)) errors.push(`${at}: missing ${r}`);
      for (const [k, val] of Object.entries(obj)) {
        if (props[k]) check(props[k], val, `${at}.${k}`);
        else if (s.additionalProperties === false) errors.push(`${at}: unexpected property ${k}`);
      }
    }
    return errors.length === before;
  };
  check(root, value, "$");
  return errors;
}
