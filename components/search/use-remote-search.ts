"use client";

import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import type { SearchResponse } from "@/lib/search/search-engine";

/** A search answer is a few kilobytes from an in-memory index: one that has not come by now is not coming soon. */
const PATIENCE_MS = 3_000;

export type RemoteSearch =
  { query: string; status: "done"; response: SearchResponse } | { query: string; status: "failed" };

/**
 * Asks GET /api/search (the same engine and index, on the server) while the in-page engine loads, so the
 * first search does not wait for the index. `query` empty: asks nothing. The answer names the query it
 * belongs to; one for an older query is aborted or, if it already came, ignored by the caller.
 */
export function useRemoteSearch(query: string, limit: number): RemoteSearch | undefined {
  const [answer, setAnswer] = useState<RemoteSearch>();

  useEffect(() => {
    if (!query) return;
    const controller = new AbortController();
    let replaced = false;
    // Each keystroke asks at once and aborts the question before it: the server answers in well under a
    // millisecond, and waiting for a pause in typing (80 ms) made a phone's first answer wait for it too.
    async function ask() {
      const url = `/api/search?q=${encodeURIComponent(query)}&limit=${limit}`;
      // A server that does not answer counts as failed, which lets the in-page engine build (it waits for this).
      const patience = setTimeout(() => controller.abort(), PATIENCE_MS);
      // Ahead of the index and of the links Next prefetches, which share the page's few connections.
      const result = await apiFetch<SearchResponse>(url, { signal: controller.signal, priority: "high" });
      clearTimeout(patience);
      if (replaced) return;
      setAnswer(result.ok ? { query, status: "done", response: result.data } : { query, status: "failed" });
    }
    void ask();
    return () => {
      replaced = true;
      controller.abort();
    };
  }, [query, limit]);

  return answer?.query === query ? answer : undefined;
}
