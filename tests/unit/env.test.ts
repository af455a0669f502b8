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

describe("SIGN_UPS_PER_HOUR", () => {
  it("defaults to 20 sign-ups an hour from one address", () => {
    expect(parseEnv({}).SIGN_UPS_PER_HOUR).toBe(20);
  });

  it("may be raised for many people behind one address", () => {
    expect(parseEnv({ SIGN_UPS_PER_HOUR: "500" }).SIGN_UPS_PER_HOUR).toBe(500);
  });

  it("refuses anything but a positive whole number, naming the variable", () => {
    for (const wrong of ["0", "-5", "2.5", "many"])
      expect(() => parseEnv({ SIGN_UPS_PER_HOUR: wrong })).toThrow(/SIGN_UPS_PER_HOUR/);
  });
});
