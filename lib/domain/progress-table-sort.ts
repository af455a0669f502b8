/**
 * How the class dashboard's members × decks table sorts (components/classes/progress-table.tsx). Pure, so
 * the order is tested without a browser.
 */

export type SortMeasure = "answered" | "accuracy" | "mastery";
export type SortableCell = Record<SortMeasure, number | null>;
export type SortableRow = { label: string; decks: SortableCell[] };
/** The member column, or one measure of one assigned deck (its index in the columns). */
export type SortKey = { deck: null } | { deck: number; measure: SortMeasure };
export type Sort = { key: SortKey; direction: "ascending" | "descending" };

export const sameSortKey = (a: SortKey, b: SortKey) =>
  a.deck === b.deck && (a.deck === null || (b.deck !== null && a.measure === b.measure));

/** No answers yet (accuracy null) sorts below every measured accuracy. */
function valueOf(row: SortableRow, key: SortKey): number | string {
  if (key.deck === null) return row.label.toLocaleLowerCase();
  return row.decks[key.deck]![key.measure] ?? -1;
}

/** The rows in `sort`'s order, members with equal values by name; unsorted (as given) without a sort. */
export function sortRows<Row extends SortableRow>(rows: Row[], sort: Sort | null): Row[] {
  if (!sort) return rows;
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [valueOf(a, sort.key), valueOf(b, sort.key)];
    return sign * (x < y ? -1 : x > y ? 1 : 0) || a.label.localeCompare(b.label);
  });
}
