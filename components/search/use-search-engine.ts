"use client";

import { useCallback, useRef, useState } from "react";
import type { SearchEngine } from "@/lib/search/search-engine";
import type { SearchIndexFile } from "@/lib/search/search-index";

export type EngineState = {
  status: "idle" | "loading" | "ready" | "error";
  engine?: SearchEngine;
  /**
   * The palette says whether someone is waiting for an answer the server has not given yet: while they
   * are, the index is downloaded but not parsed or built, so that work does not hold up their typing.
   */
  setWaiting: (waiting: boolean) => void;
};

/**
 * Loads the search index and engine once per page view, when `load` is first called: when the header's
 * search box is pointed at or focused, or the palette opens (search-launcher.tsx). Pages where nobody
 * searches download neither the index nor fuse.js. Until it is ready the palette asks the server instead
 * (use-remote-search.ts).
 *
 * On a phone, downloading, parsing, decoding and building the index take several hundred milliseconds of
 * the main thread (docs/benchmarks.md, first search). Done while the first query is typed, they delayed both
 * the keystrokes and the server's answer past the moment the engine itself could answer; so each step, the
 * download too, waits while the open palette has no answer on screen (it shows the server's, or it closes).
 */
export function useSearchEngine(indexUrl: string) {
  const [state, setState] = useState<Omit<EngineState, "setWaiting">>({ status: "idle" });
  const loading = useRef<Promise<void> | null>(null);
  const waiting = useRef(false);
  const released = useRef<(() => void)[]>([]);

  const setWaiting = useCallback((value: boolean) => {
    waiting.current = value;
    if (!value) for (const release of released.current.splice(0)) release();
  }, []);

  /**
   * Resolves when nobody waits and the browser is idle: after the frame that shows an answer, so the step
   * that follows (tens of milliseconds on a phone) does not delay that answer on screen.
   */
  const untilNobodyWaits = useCallback(async () => {
    do {
      if (waiting.current) await new Promise<void>((resolve) => released.current.push(resolve));
      await idle();
    } while (waiting.current); // a keystroke while idle came: wait for its answer too
  }, []);

  const load = useCallback(() => {
    loading.current ??= (async () => {
      setState({ status: "loading" });
      try {
        // Not while someone waits either: on a phone, the 1.4 MB arriving took the main thread for tens of
        // milliseconds in the middle of the first search.
        await untilNobodyWaits();
        // A static file built with the content, not the JSON API (lib/http/api-fetch.ts): there is no error body
        // to read. Low priority: until it is here the palette asks /api/search, whose answer should come first.
        const response = await fetch(indexUrl, { priority: "low" });
        if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
        await untilNobodyWaits();
        const [{ SearchEngine }, { decodeIndex }] = await Promise.all([
          import("@/lib/search/search-engine"),
          import("@/lib/search/index-codec"),
        ]);
        // Parsing, decoding and building each take tens of milliseconds on a phone: as separate idle tasks, with
        // the page free to handle input between them, rather than one long task.
        const file = (await response.json()) as SearchIndexFile;
        await untilNobodyWaits();
        const data = decodeIndex(file.index);
        await untilNobodyWaits();
        setState({ status: "ready", engine: new SearchEngine(file, data) });
      } catch {
        loading.current = null;
        setState({ status: "error" });
      }
    })();
  }, [indexUrl, untilNobodyWaits]);

  return { ...state, setWaiting, load };
}

/** The next idle period (Safari has no requestIdleCallback: the next task there). */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(() => resolve(), { timeout: 500 });
    else setTimeout(resolve, 0);
  });
}
