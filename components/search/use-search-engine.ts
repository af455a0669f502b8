"use client";

import { useCallback, useRef, useState } from "react";
import type { SearchEngine } from "@/lib/search/search-engine";
import type { SearchIndexFile } from "@/lib/search/search-index";

export type EngineState = { status: "idle" | "loading" | "ready" | "error"; engine?: SearchEngine };

/**
 * Loads the search index and engine once per page view, when `load` is first called: when the header's
 * search box is pointed at or focused, or the palette opens (search-launcher.tsx). Pages where nobody
 * searches download neither the index nor fuse.js. Until it is ready the palette asks the server instead
 * (use-remote-search.ts).
 */
export function useSearchEngine(indexUrl: string) {
  const [state, setState] = useState<EngineState>({ status: "idle" });
  const loading = useRef<Promise<void> | null>(null);

  const load = useCallback(() => {
    loading.current ??= (async () => {
      setState({ status: "loading" });
      try {
        // A static file built with the content, not the JSON API (lib/http/api-fetch.ts): there is no error body
        // to read. Low priority: until it is here the palette asks /api/search, whose answer should come first.
        const [{ SearchEngine }, { decodeIndex }, response] = await Promise.all([
          import("@/lib/search/search-engine"),
          import("@/lib/search/index-codec"),
          fetch(indexUrl, { priority: "low" }),
        ]);
        if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
        // Parsing, decoding and building each take tens of milliseconds on a phone: as separate tasks, with
        // the page free to handle input between them, rather than one long task.
        const file = (await response.json()) as SearchIndexFile;
        await nextTask();
        const data = decodeIndex(file.index);
        await nextTask();
        setState({ status: "ready", engine: new SearchEngine(file, data) });
      } catch {
        loading.current = null;
        setState({ status: "error" });
      }
    })();
  }, [indexUrl]);

  return { ...state, load };
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
