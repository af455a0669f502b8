"use client";
import { useState } from "react";
import { percent, plural } from "@/lib/domain/format";
import { sameSortKey, sortRows, type Sort, type SortKey, type SortMeasure } from "@/lib/domain/progress-table-sort";

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
] as const satisfies readonly (readonly [SortMeasure, string])[];

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
  const active = sort !== null && sameSortKey(sort.key, sortKey);
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
          {sortRows(rows, sort).map((row) => {
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
