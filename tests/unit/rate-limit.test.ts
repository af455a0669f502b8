import { describe, expect, it } from "vitest";
import {
  checkCounted,
  LONGEST_WINDOW_MS,
  SIGN_IN_LIMITS,
  SIGN_UP_LIMIT,
  windowCutoff,
  type Limit,
} from "@/lib/domain/rate-limit";

const limit: Limit = { max: 3, windowMs: 60_000 };
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 28, 10, 0, seconds));

describe("fixed-window rate limits", () => {
  it("allows attempts up to the maximum, counted with this one, then refuses until the window ends", () => {
    expect(checkCounted({ count: 1, windowStartedAt: at(0) }, limit, at(1))).toEqual({
      allowed: true,
      retryAfterMs: 0,
    });
    expect(checkCounted({ count: 3, windowStartedAt: at(0) }, limit, at(20))).toEqual({
      allowed: true,
      retryAfterMs: 0,
    });
    expect(checkCounted({ count: 4, windowStartedAt: at(0) }, limit, at(30))).toEqual({
      allowed: false,
      retryAfterMs: 30_000,
    });
  });

  it("ends a window exactly windowMs after it started", () => {
    expect(windowCutoff(limit, at(61))).toEqual(at(1));
  });

  it("knows the longest window, after which a row is over for every limit", () => {
    expect(LONGEST_WINDOW_MS).toBe(SIGN_UP_LIMIT.windowMs);
    expect(Object.values(SIGN_IN_LIMITS).every((signIn) => signIn.windowMs <= LONGEST_WINDOW_MS)).toBe(true);
  });
});
