// The "foerderung" content collection for the shared importer (content/foerderung/*.md → programmes).
import { finishProgrammeImport, importProgramme } from "~/models/programme.server";
import { ownersFromFile } from "~/models/review.server";
import { importOptions } from "./articles.server";
import type { Collection } from "./collections.server";
import { parseProgrammeFile, type ProgrammeFrontmatter } from "./frontmatter";

export const programmeCollection: Collection<ProgrammeFrontmatter> = {
  folder: "foerderung",
  label: "Förderprogramme",
  parse: parseProgrammeFile,
  // `--force` (importOptions, set by the importer) overwrites programmes edited on the web.
  upsert: (tx, input) => importProgramme(tx, { ...input, force: importOptions.force, owners: ownersFromFile(tx, input.data) }),
  finish: (tx) => ({ missingLinks: finishProgrammeImport(tx) }),
};
