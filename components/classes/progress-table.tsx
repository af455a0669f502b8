"use client";
import { useState } from "react";
import { percent, plural } from "@/lib/domain/format";

export type ProgressColumn = { deckId: string; title: string; due: string };
export type ProgressCell = {
  answered: number;
  accuracy: number | null;
  mastery: number;
  seen: number;
  questions: number;
  behind: boolean;
};
export type ProgressRow = { userId: string; label: string; decks: ProgressCell[] };

const MEASURES = [
  ["answered", "Answered"],
  ["accuracy", "Accuracy"],
  ["mastery", "Mastery"],
] as const;
type Measure = (typeof MEASURES)[number][0];
/** The member column, or one measure of one assigned deck (its index in the columns). */
type SortKey = { deck: null } | { deck: number; measure: Measure };
type Sort = { key: SortKey; direction: "ascending" | "descending" };

const sameKey = (a: SortKey, b: SortKey) =>
  a.deck === b.deck && (a.deck === null || (b.deck !== null && a.measure === b.measure));

/** No answers yet (accuracy null) sorts below every measured accuracy. */
function valueOf(row: ProgressRow, key: SortKey): number | string {
  if (key.deck === null) return row.label.toLocaleLowerCase();
  return row.decks[key.deck]![key.measure] ?? -1;
}

function sorted(rows: ProgressRow[], sort: Sort | null): ProgressRow[] {
  if (!sort) return rows;
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [valueOf(a, sort.key), valueOf(b, sort.key)];
    return sign * (x < y ? -1 : x > y ? 1 : 0) || a.label.localeCompare(b.label);
  });
}

type HeaderProps = {
  sortKey: SortKey;
  sort: Sort | null;
  onSort: (sort: Sort) => void;
  text: string;
  /** Said to screen readers after the text: which deck a measure's column belongs to. */
  hidden?: string;
  rowSpan?: number;
};

/** A column header whose button sorts by it, ascending first and then flipping. */
function SortableHeader({ sortKey, sort, onSort, text, hidden, rowSpan }: HeaderProps) {
  const active = sort !== null && sameKey(sort.key, sortKey);
  const direction = active && sort.direction === "ascending" ? "descending" : "ascending";
  return (
    <th scope="col" rowSpan={rowSpan} aria-sort={active ? sort.direction : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort({ key: sortKey, direction })}>
        {text}
        {hidden ? <span className="visually-hidden"> {hidden}</span> : null}
        <span aria-hidden="true">{active ? (sort.direction === "ascending" ? " ▲" : " ▼") : " ↕"}</span>
      </button>
    </th>
  );
}

/**
 * Members × assigned decks, sortable by any column (a button in each header, aria-sort on the header
 * sorted by). A member behind on a due deck is marked in words as well as by the highlight.
 */
export function ProgressTable({ columns, rows }: { columns: ProgressColumn[]; rows: ProgressRow[] }) {
  const [sort, setSort] = useState<Sort | null>(null);

  return (
    <div className="table-scroll">
      <table className="table class-progress">
        <caption>Members&apos; progress</caption>
        <thead>
          <tr>
            <SortableHeader sortKey={{ deck: null }} sort={sort} onSort={setSort} text="Member" rowSpan={2} />
            {columns.map((column) => (
              <th key={column.deckId} scope="colgroup" colSpan={MEASURES.length}>
                {column.title}
                <small className="muted"> {column.due}</small>
              </th>
            ))}
          </tr>
          <tr>
            {columns.flatMap((column, deck) =>
              MEASURES.map(([measure, text]) => (
                <SortableHeader
                  key={`${column.deckId}-${measure}`}
                  sortKey={{ deck, measure }}
                  sort={sort}
                  onSort={setSort}
                  text={text}
                  hidden={`on ${column.title}`}
                />
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {sorted(rows, sort).map((row) => {
            const behind = row.decks.filter((cell) => cell.behind).length;
            return (
              <tr key={row.userId} className={behind ? "class-progress__behind" : undefined}>
                <th scope="row">
                  {row.label}
                  {behind ? <span className="behind-tag">behind on {plural(behind, "deck")}</span> : null}
                </th>
                {row.decks.flatMap((cell, deck) => {
                  const className = cell.behind ? "class-progress__cell--behind" : undefined;
                  return [
                    <td key={`${deck}-answered`} className={className}>
                      {cell.answered}
                      <small className="muted">
                        {" "}
                        ({cell.seen} of {cell.questions} seen)
                      </small>
                      {cell.behind ? <span className="behind-tag">behind</span> : null}
                    </td>,
                    <td key={`${deck}-accuracy`} className={className}>
                      {percent(cell.accuracy)}
                    </td>,
                    <td key={`${deck}-mastery`} className={className}>
                      {percent(cell.mastery)}
                    </td>,
                  ];
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
