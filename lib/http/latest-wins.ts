/** What a request started through `latestWins` came to: its value, or `stale` once a newer one started. */
export type Latest<T> = { stale: false; value: T } | { stale: true };

/**
 * Requests of which only the newest may land, as for a preview redrawn while the author types: starting
 * one aborts the one before, and an older answer that still arrives (a request that ignores its signal,
 * or one already past the network) is reported stale, so it can never overwrite a newer one.
 */
export function latestWins<T>() {
  let current: AbortController | undefined;
  return {
    async run(request: (signal: AbortSignal) => Promise<T>): Promise<Latest<T>> {
      current?.abort();
      const mine = new AbortController();
      current = mine;
      try {
        const value = await request(mine.signal);
        return mine.signal.aborted ? { stale: true } : { stale: false, value };
      } catch (error) {
        if (mine.signal.aborted) return { stale: true };
        throw error;
      }
    },
    /** Aborts the request in flight, if any (the component is going away). */
    abort() {
      current?.abort();
    },
  };
}
