// Labels of the programme rating (shared by the rating form and the programme page; not a .server module).
export const EFFORT_LABELS: Record<string, string> = {
  "1": "sehr gering",
  "2": "gering",
  "3": "mittel",
  "4": "hoch",
  "5": "sehr hoch",
};
