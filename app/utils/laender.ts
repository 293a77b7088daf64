// Cities grouped by Land (partners beyond NRW): the alliance's home Land first, then the others alphabetically.
export const HOME_LAND = "Nordrhein-Westfalen";

export function groupByLand<T extends { land: string; name: string }>(items: T[]): { land: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const land = it.land.trim() || "ohne Angabe";
    groups.set(land, [...(groups.get(land) ?? []), it]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === HOME_LAND ? -1 : b === HOME_LAND ? 1 : a.localeCompare(b, "de")))
    .map(([land, list]) => ({ land, items: [...list].sort((x, y) => x.name.localeCompare(y.name, "de")) }));
}

/** "land-nordrhein-westfalen" – for ids of headings. */
export const landId = (land: string) =>
  `land-${land
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}`;
