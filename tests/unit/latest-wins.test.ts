import { describe, expect, it } from "vitest";
import { latestWins } from "@/lib/http/latest-wins";

/** A request that answers when told to, whatever its signal says (a server that has already answered). */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe("latestWins", () => {
  it("reports an older answer that arrives after a newer request as stale", async () => {
    const latest = latestWins<string>();
    const slow = deferred<string>();
    const fast = deferred<string>();
    const first = latest.run(() => slow.promise);
    const second = latest.run(() => fast.promise);
    fast.resolve("new");
    slow.resolve("old");
    expect(await second).toEqual({ stale: false, value: "new" });
    expect(await first).toEqual({ stale: true });
  });

  it("aborts the signal of the request before when the next one starts", async () => {
    const latest = latestWins<string>();
    const signals: AbortSignal[] = [];
    const answer = (value: string) => (signal: AbortSignal) => {
      signals.push(signal);
      return Promise.resolve(value);
    };
    const first = latest.run(answer("a"));
    const second = latest.run(answer("b"));
    expect(signals.map((signal) => signal.aborted)).toEqual([true, false]);
    expect(await first).toEqual({ stale: true });
    expect(await second).toEqual({ stale: false, value: "b" });
  });

  it("turns the abort error of a superseded request into stale, and passes on other errors", async () => {
    const latest = latestWins<string>();
    const aborting = (signal: AbortSignal) =>
      new Promise<string>((_, reject) =>
        signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
      );
    const superseded = latest.run(aborting);
    const failing = latest.run(() => Promise.reject(new Error("server down")));
    expect(await superseded).toEqual({ stale: true });
    await expect(failing).rejects.toThrow("server down");
  });

  it("abort() makes the request in flight stale and leaves the next one free to land", async () => {
    const latest = latestWins<string>();
    const pending = deferred<string>();
    const first = latest.run(() => pending.promise);
    latest.abort();
    pending.resolve("late");
    expect(await first).toEqual({ stale: true });
    expect(await latest.run(() => Promise.resolve("fresh"))).toEqual({ stale: false, value: "fresh" });
  });
});
