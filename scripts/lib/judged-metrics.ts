// Ranking metrics over graded judgments (pure, no I/O), used by scripts/bench-search.ts and unit-tested in
// tests/unit/judged-metrics.test.ts. A grade is 0 (not relevant) … 3 (the answer); the gain of a document at
// rank r (1-based) is (2^grade − 1) / log2(r + 1).
//   nDCG@k   – DCG of the top k divided by the DCG of the ideal ranking (all judged grades, best first, cut at k);
//   MRR@k    – 1 / rank of the first relevant document (grade ≥ minGrade) in the top k, else 0;
//   Recall@k – share of the relevant documents (grade ≥ minGrade) that are in the top k;
//   condensed – the ranked list with unjudged documents dropped (Sakai's condensed lists), scored the same way:
//               it measures the order of the judged documents, not how many unjudged ones push in between.

export type GradeOf = (id: string) => number;

const gain = (g: number) => 2 ** g - 1;
const discount = (rank0: number) => Math.log2(rank0 + 2);

export function dcg(grades: number[], k = 10): number {
  return grades.slice(0, k).reduce((s, g, i) => s + gain(g) / discount(i), 0);
}

/** nDCG@k of `ranked` given every judged grade of the query (`judgedGrades`, any order). 0 when nothing is relevant. */
export function ndcgAt(ranked: string[], gradeOf: GradeOf, judgedGrades: number[], k = 10): number {
  const ideal = dcg([...judgedGrades].sort((a, b) => b - a), k);
  return ideal > 0 ? dcg(ranked.slice(0, k).map(gradeOf), k) / ideal : 0;
}

export function mrrAt(ranked: string[], gradeOf: GradeOf, k = 10, minGrade = 1): number {
  const first = ranked.slice(0, k).findIndex((id) => gradeOf(id) >= minGrade);
  return first >= 0 ? 1 / (first + 1) : 0;
}

export function recallAt(ranked: string[], gradeOf: GradeOf, relevantIds: string[], k = 10, minGrade = 1): number {
  const wanted = relevantIds.filter((id) => gradeOf(id) >= minGrade);
  if (wanted.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return wanted.filter((id) => top.has(id)).length / wanted.length;
}

/** The ranked list without the documents that were never judged (keeps order and judged non-relevant ones). */
export function condense(ranked: string[], isJudged: (id: string) => boolean): string[] {
  return ranked.filter(isJudged);
}

/** Percentile by the nearest-rank method (p in 0…100); NaN for an empty list. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
