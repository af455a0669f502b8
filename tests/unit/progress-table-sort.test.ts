import { describe, expect, it } from "vitest";
import { sameSortKey, sortRows, type SortableRow } from "@/lib/domain/progress-table-sort";

const row = (label: string, ...decks: [number, number | null, number][]): SortableRow => ({
  label,
  decks: decks.map(([answered, accuracy, mastery]) => ({ answered, accuracy, mastery })),
});
const labels = (rows: SortableRow[]) => rows.map((each) => each.label);

const ROWS = [
  row("dana@example.com", [12, 0.5, 0.4], [0, null, 0]),
  row("Ali", [3, 1, 0.9], [5, 0.2, 0.1]),
  row("bo", [12, 0.75, 0.4], [2, 0, 0.05]),
  row("Cy", [0, null, 0], [9, 0.9, 0.8]),
];

describe("sortRows", () => {
  it("keeps the given order without a sort, and never changes the rows it is given", () => {
    const given = [...ROWS];
    expect(sortRows(ROWS, null)).toBe(ROWS);
    sortRows(ROWS, { key: { deck: 0, measure: "answered" }, direction: "descending" });
    expect(ROWS).toEqual(given);
  });

  it("sorts by member name without regard to case, both ways", () => {
    expect(labels(sortRows(ROWS, { key: { deck: null }, direction: "ascending" }))).toEqual([
      "Ali",
      "bo",
      "Cy",
      "dana@example.com",
    ]);
    expect(labels(sortRows(ROWS, { key: { deck: null }, direction: "descending" }))).toEqual([
      "dana@example.com",
      "Cy",
      "bo",
      "Ali",
    ]);
  });

  it("sorts by one deck's measure, ties by name, and puts members without answers below any accuracy", () => {
    expect(labels(sortRows(ROWS, { key: { deck: 0, measure: "answered" }, direction: "descending" }))).toEqual([
      "bo",
      "dana@example.com",
      "Ali",
      "Cy",
    ]);
    expect(labels(sortRows(ROWS, { key: { deck: 0, measure: "accuracy" }, direction: "ascending" }))).toEqual([
      "Cy",
      "dana@example.com",
      "bo",
      "Ali",
    ]);
    // A right-or-wrong accuracy of 0 is measured, and sorts above no answers at all.
    expect(labels(sortRows(ROWS, { key: { deck: 1, measure: "accuracy" }, direction: "ascending" }))).toEqual([
      "dana@example.com",
      "bo",
      "Ali",
      "Cy",
    ]);
    expect(labels(sortRows(ROWS, { key: { deck: 1, measure: "mastery" }, direction: "descending" }))).toEqual([
      "Cy",
      "Ali",
      "bo",
      "dana@example.com",
    ]);
  });

  it("tells sort keys apart by deck and by measure", () => {
    expect(sameSortKey({ deck: null }, { deck: null })).toBe(true);
    expect(sameSortKey({ deck: 0, measure: "answered" }, { deck: 0, measure: "answered" })).toBe(true);
    expect(sameSortKey({ deck: 0, measure: "answered" }, { deck: 0, measure: "mastery" })).toBe(false);
    expect(sameSortKey({ deck: 0, measure: "answered" }, { deck: 1, measure: "answered" })).toBe(false);
    expect(sameSortKey({ deck: null }, { deck: 0, measure: "answered" })).toBe(false);
  });
});
