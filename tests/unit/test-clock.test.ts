import { describe, expect, it } from "vitest";
import { MAX_TEST_CLOCK_OFFSET_MS, testClockOffset } from "@/lib/clock-cookie";
import { isLoopbackHost, parseEnv } from "@/lib/env-schema";

describe("the test clock's offset", () => {
  it("moves the clock forward by the cookie's milliseconds", () => {
    expect(testClockOffset("1800000")).toBe(1_800_000);
    expect(testClockOffset(undefined)).toBe(0);
  });

  it("is capped at 400 days, never goes backwards, and ignores garbage", () => {
    expect(MAX_TEST_CLOCK_OFFSET_MS).toBe(400 * 86_400_000);
    expect(testClockOffset(String(10 * 365 * 86_400_000))).toBe(MAX_TEST_CLOCK_OFFSET_MS);
    expect(testClockOffset("1e300")).toBe(MAX_TEST_CLOCK_OFFSET_MS);
    expect(testClockOffset("-86400000")).toBe(0);
    expect(testClockOffset("Infinity")).toBe(0);
    expect(testClockOffset("soon")).toBe(0);
    expect(testClockOffset("1.9")).toBe(1);
  });
});

describe("the test clock's binding", () => {
  const base = { DATABASE_URL: "file:./data/test.db", MLPREP_TEST_CLOCK: "1" };

  it.each(["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"])("accepts loopback %s", (host) => {
    expect(isLoopbackHost(host)).toBe(true);
    expect(parseEnv({ ...base, HOSTNAME: host }).MLPREP_TEST_CLOCK).toBe("1");
  });

  it.each(["0.0.0.0", "::", "192.168.1.20", "127.0.0.1.evil.example", "127.0.0.256", "example.com"])(
    "refuses %s",
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
      expect(() => parseEnv({ ...base, HOSTNAME: host })).toThrow(
        `MLPREP_TEST_CLOCK: 1 needs the server bound to loopback only, not HOSTNAME=${host}`,
      );
    },
  );

  it("refuses every interface (no HOSTNAME), and leaves servers without the test clock alone", () => {
    expect(() => parseEnv(base)).toThrow("not every interface: set HOSTNAME=127.0.0.1");
    expect(parseEnv({ DATABASE_URL: "file:./data/test.db", HOSTNAME: "0.0.0.0" }).HOSTNAME).toBe("0.0.0.0");
    expect(parseEnv({ DATABASE_URL: "file:./data/test.db" }).MLPREP_TEST_CLOCK).toBe("0");
  });
});
