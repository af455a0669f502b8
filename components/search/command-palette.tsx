"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { plural } from "@/lib/domain/format";
import { HighlightedText } from "./highlighted-text";
import type { EngineState } from "./use-search-engine";
import { useRemoteSearch } from "./use-remote-search";

const RESULT_LIMIT = 8;

/**
 * The Ctrl/Cmd-K palette: a modal <dialog> (focus stays inside, Escape closes, focus returns to where it
 * was) holding a combobox whose options are the results, following the WAI-ARIA combobox pattern.
 *
 * Rendered with the page, closed, and opened by `query` becoming a string (null: closed). Mounting it on
 * the first Ctrl-K ran its code for the first time and rendered it while the reader waited: on a phone,
 * most of the palette's first opening (docs/benchmarks.md, first search).
 */
export function CommandPalette({
  search,
  query,
  onQueryChange,
  onClose,
}: {
  search: EngineState;
  query: string | null;
  onQueryChange: (query: string) => void;
  onClose: () => void;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;
  const isOpen = query !== null;
  const dialog = useModalDialog(isOpen, input);

  const trimmed = (query ?? "").trim();
  const local = useMemo(
    () => (search.engine && query && trimmed ? search.engine.search(query, RESULT_LIMIT) : undefined),
    [search.engine, query, trimmed],
  );
  // Until the engine is ready the server answers, with the same ranking; once it is, it answers alone.
  const remote = useRemoteSearch(search.engine ? "" : trimmed, RESULT_LIMIT);
  const response = local ?? (remote?.status === "done" ? remote.response : undefined);
  // Until the engine is ready, the open palette waits for the server's answer to what is typed (or for the
  // first keystroke): building the engine meanwhile would hold up both (use-search-engine.ts).
  const waiting = isOpen && !search.engine && !remote;
  const { setWaiting } = search;
  useEffect(() => setWaiting(waiting), [setWaiting, waiting]);
  const results = response?.results ?? [];
  const matched = useMemo(() => new Set(response?.matchedTokens ?? []), [response]);

  function close() {
    setActive(0);
    onClose();
  }

  function open(slug: string) {
    close();
    router.push(`/glossary/${slug}`);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (results.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + results.length) % results.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const chosen = results[active];
      if (chosen) open(chosen.slug);
      else if (trimmed) {
        close();
        router.push(`/glossary?q=${encodeURIComponent(trimmed)}`);
      }
    }
  }

  const status = !trimmed
    ? "Type a term, an acronym or a phrase."
    : response
      ? results.length === 0
        ? `No terms match “${trimmed}”.`
        : `${plural(results.length, "result")}. Use the arrow keys and Enter to open one.`
      : search.status === "error" && remote?.status === "failed"
        ? "Search could not load. Check your connection and try again."
        : "Searching…";

  return (
    // Escape closes the state on `cancel`, in the key's own task: `close` is queued as a later task, and a Ctrl-K
    // in between would find the palette still open in state and leave the dialog shut.
    <dialog ref={dialog} className="palette" aria-label="Search the glossary" onCancel={close} onClose={close}>
      <div className="palette__field">
        <span aria-hidden="true">⌕</span>
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-label="Search terms"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={results[active] ? optionId(active) : undefined}
          placeholder="Search terms, acronyms, phrases…"
          autoComplete="off"
          spellCheck={false}
          value={query ?? ""}
          onChange={(event) => {
            onQueryChange(event.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <kbd aria-hidden="true">Esc</kbd>
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label="Matching terms"
        className="palette__list"
        hidden={results.length === 0}
      >
        {results.map((result, index) => (
          <li
            key={result.slug}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="palette__option"
            onMouseMove={() => setActive(index)}
            onClick={() => open(result.slug)}
          >
            <span className="palette__term">
              <HighlightedText text={result.term} matched={matched} />
            </span>
            {result.aliases.length > 0 ? (
              <span className="palette__aliases">
                <HighlightedText text={result.aliases.join(", ")} matched={matched} />
              </span>
            ) : null}
            <small>
              <HighlightedText text={result.snippet} matched={matched} />
            </small>
          </li>
        ))}
      </ul>
      <p className="palette__status" role="status" aria-live="polite">
        {status}
      </p>
      <p className="palette__hint" aria-hidden="true">
        <span>
          <kbd>↑</kbd> <kbd>↓</kbd> move
        </span>
        <span>
          <kbd>Enter</kbd> open
        </span>
        <span>
          <kbd>Esc</kbd> close
        </span>
      </p>
    </dialog>
  );
}
