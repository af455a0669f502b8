"use client";

import { useCallback, useRef, useState } from "react";
import type { SearchEngine } from "@/lib/search/search-engine";

export type EngineState = { status: "idle" | "loading" | "ready" | "error"; engine?: SearchEngine };

/**
 * Loads the search index and engine once per page view, when `load` is first called: on idle after
 * hydration or on first use (search-launcher.tsx), never during the page's own loading. Until it is ready
 * the palette asks the server instead (use-remote-search.ts).
 */
export function useSearchEngine(indexUrl: string) {
  const [state, setState] = useState<EngineState>({ status: "idle" });
  const loading = useRef<Promise<void> | null>(null);

  const load = useCallback(() => {
    loading.current ??= (async () => {
      setState({ status: "loading" });
      try {
        // A static file built with the content, not the JSON API (lib/http/api-fetch.ts): there is no error body to read.
        const [{ SearchEngine }, response] = await Promise.all([import("@/lib/search/search-engine"), fetch(indexUrl)]);
        if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
        setState({ status: "ready", engine: new SearchEngine(await response.json()) });
      } catch {
        loading.current = null;
        setState({ status: "error" });
      }
    })();
  }, [indexUrl]);

  return { ...state, load };
}
