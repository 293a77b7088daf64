// The benchmark's ranking metrics on a hand-computed example (scripts/lib/judged-metrics.ts).
import { describe, expect, it } from "vitest";
import { condense, dcg, mrrAt, ndcgAt, percentile, recallAt } from "../../scripts/lib/judged-metrics";

// Judged: a = 3 (the answer), c = 2, d = 2, b = 1; x and y were never judged. d is not retrieved.
const grades: Record<string, number> = { a: 3, b: 1, c: 2, d: 2 };
const gradeOf = (id: string) => grades[id] ?? 0;
const judged = Object.values(grades);
const ranked = ["a", "x", "b", "c"];

describe("graded ranking metrics", () => {
  it("DCG uses gain 2^g − 1 and discount log2(rank + 1)", () => {
    // 7/1 + 0/log2(3) + 1/log2(4) + 3/log2(5) = 7 + 0 + 0.5 + 1.29203
    expect(dcg(ranked.map(gradeOf))).toBeCloseTo(8.79203, 4);
    expect(dcg([3, 3], 1)).toBe(7);
  });

  it("nDCG@10 divides by the ideal ranking of all judged grades, retrieved or not", () => {
    // ideal [3, 2, 2, 1]: 7 + 3/log2(3) + 3/log2(4) + 1/log2(5) = 10.82347
    expect(ndcgAt(ranked, gradeOf, judged)).toBeCloseTo(8.79203 / 10.82347, 4);
    expect(ndcgAt(["a", "c", "d", "b"], gradeOf, judged)).toBeCloseTo(1, 10);
    expect(ndcgAt(["x", "y"], gradeOf, judged)).toBe(0);
    expect(ndcgAt(["a"], gradeOf, [])).toBe(0);
  });

  it("the condensed list drops unjudged documents before scoring", () => {
    const condensed = condense(ranked, (id) => id in grades);
    expect(condensed).toEqual(["a", "b", "c"]);
    // 7 + 1/log2(3) + 3/log2(4) = 9.13093
    expect(ndcgAt(condensed, gradeOf, judged)).toBeCloseTo(9.13093 / 10.82347, 4);
    expect(ndcgAt(condensed, gradeOf, judged)).toBeGreaterThan(ndcgAt(ranked, gradeOf, judged));
  });

  it("MRR@10 and Recall@10, optionally from a minimum grade", () => {
    expect(mrrAt(ranked, gradeOf)).toBe(1);
    expect(mrrAt(["x", "y", "b"], gradeOf)).toBeCloseTo(1 / 3, 10);
    expect(mrrAt(["x", "y", "b"], gradeOf, 10, 2)).toBe(0);
    expect(mrrAt(["x", "y", "b"], gradeOf, 2)).toBe(0);
    expect(recallAt(ranked, gradeOf, Object.keys(grades))).toBe(0.75);
    expect(recallAt(ranked, gradeOf, Object.keys(grades), 10, 2)).toBeCloseTo(2 / 3, 10);
    expect(recallAt(ranked, gradeOf, Object.keys(grades), 1)).toBe(0.25);
  });

  it("percentiles by nearest rank", () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 95)).toBe(5);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});
