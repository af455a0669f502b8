import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env-schema";

describe("TRUST_PROXY", () => {
  it("defaults to trusting no proxy", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
  });

  it("takes a number of proxies", () => {
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
  });

  it("refuses anything else, naming the variable", () => {
    for (const wrong of ["yes", "-1", "1.5", "11"])
      expect(() => parseEnv({ TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY/);
  });
});
