// Small helpers shared by the command-line scripts: argument parsing with --help, clear errors, progress.
import { parseArgs, type ParseArgsConfig } from "node:util";

export function cli<T extends NonNullable<ParseArgsConfig["options"]>>(usage: string, options: T) {
  try {
    const { values, positionals } = parseArgs({ options: { ...options, help: { type: "boolean" } }, allowPositionals: false, strict: true });
    if ((values as { help?: boolean }).help) {
      console.log(usage.trim());
      process.exit(0);
    }
    return { values: values as { [K in keyof T]?: T[K]["type"] extends "boolean" ? boolean : T[K] extends { multiple: true } ? string[] : string }, positionals };
  } catch (e) {
    die(`${(e as Error).message}\n\n${usage.trim()}`);
  }
}

export function die(message: string, code = 2): never {
  console.error(`Fehler: ${message}`);
  process.exit(code);
}

/** Progress line on a TTY (overwritten), or a line every `every` items elsewhere. */
export function progress(label: string, total: number, every = 1000) {
  const start = Date.now();
  const tty = process.stdout.isTTY;
  let last = 0;
  return {
    tick(done: number) {
      if (done !== total && done - last < every && !(tty && Date.now() % 10 === 0)) return;
      last = done;
      const secs = (Date.now() - start) / 1000;
      const rate = secs > 0 ? Math.round(done / secs) : 0;
      const line = `${label}: ${done}/${total} (${total ? Math.round((done / total) * 100) : 100} %, ${rate}/s)`;
      if (tty) process.stdout.write(`\r${line}`);
      else console.log(line);
      if (tty && done === total) process.stdout.write("\n");
    },
  };
}
