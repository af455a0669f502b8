import { describe, expect, it } from "vitest";
import { checkLimit, countOne, type Limit } from "@/lib/domain/rate-limit";

const limit: Limit = { max: 3, windowMs: 60_000 };
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 28, 10, 0, seconds));

describe("fixed-window rate limits", () => {
  it("allows until the count reaches the maximum, then refuses until the window ends", () => {
    let window = countOne(undefined, limit, at(0));
    expect(checkLimit(window, limit, at(1))).toEqual({ allowed: true, retryAfterMs: 0 });
    window = countOne(window, limit, at(10));
    window = countOne(window, limit, at(20));
    expect(window).toEqual({ count: 3, windowStartedAt: at(0) });
    expect(checkLimit(window, limit, at(30))).toEqual({ allowed: false, retryAfterMs: 30_000 });
    expect(checkLimit(window, limit, at(60))).toEqual({ allowed: true, retryAfterMs: 0 });
  });

  it("starts a new window once the old one has ended", () => {
    const old = { count: 3, windowStartedAt: at(0) };
    expect(countOne(old, limit, at(61))).toEqual({ count: 1, windowStartedAt: at(61) });
  });

  it("allows when there is no window yet", () => {
    expect(checkLimit(undefined, limit, at(0)).allowed).toBe(true);
  });
});
