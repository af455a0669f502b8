"use client";

import { useCallback, useEffect, useState } from "react";
import { CommandPalette } from "./command-palette";
import { useSearchEngine } from "./use-search-engine";

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/**
 * The header search box. Without JavaScript it is a plain form to /glossary?q=; with it, typing in it,
 * Ctrl/Cmd-K or "/" anywhere opens the command palette.
 */
export function SearchLauncher({ indexUrl }: { indexUrl: string }) {
  // What the open palette holds; null while it is closed.
  const [query, setQuery] = useState<string | null>(null);
  // Kept here, not in the palette, so the index loads once per page view however often it opens.
  const search = useSearchEngine(indexUrl);
  const { load } = search;

  const openPalette = useCallback(
    (typed: string) => {
      load();
      // Ctrl-K in the open palette keeps what is typed there.
      setQuery((current) => current ?? typed);
    },
    [load],
  );

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const commandK = event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey);
      const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target);
      if (commandK || slash) {
        event.preventDefault();
        openPalette("");
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [openPalette]);

  return (
    <>
      {/* data-search-engine: whether the in-page engine answers yet, for the first-search benchmark to wait on. */}
      <form className="header-search" role="search" action="/glossary" method="get" data-search-engine={search.status}>
        <label className="visually-hidden" htmlFor="header-search-input">
          Search the glossary
        </label>
        <input
          id="header-search-input"
          type="search"
          name="q"
          placeholder="Search terms…"
          autoComplete="off"
          aria-keyshortcuts="Control+K Meta+K /"
          // Pointing at or focusing the box starts loading the index before the palette opens. Not on idle after
          // hydration: parsing and building it then costs Lighthouse 50-400 ms of blocking time (docs/benchmarks.md).
          onFocus={load}
          onPointerEnter={load}
          onChange={(event) => {
            const query = event.currentTarget.value;
            event.currentTarget.value = "";
            openPalette(query);
          }}
        />
        <kbd aria-hidden="true">Ctrl K</kbd>
      </form>
      <CommandPalette search={search} query={query} onQueryChange={setQuery} onClose={() => setQuery(null)} />
    </>
  );
}
