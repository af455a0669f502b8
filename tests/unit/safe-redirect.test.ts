import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/http/safe-redirect";

describe("return paths after sign-in", () => {
  it.each([
    ["/progress", "/progress"],
    ["/decks/x?y=1#top", "/decks/x?y=1#top"],
    ["/sign-in?callbackUrl=%2Fdecks", "/sign-in?callbackUrl=%2Fdecks"],
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    ["a tab, as /%09/ decodes to", "/\t/evil.example"],
    ["a line feed, as /%0a/ decodes to", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a NUL", "/\0/evil.example"],
    ["a C1 control", "/\u0085/evil.example"],
    ["a tab still encoded", "/%09/evil.example"],
    ["a line feed still encoded", "/%0A/evil.example"],
    ["DEL still encoded", "/%7f/evil.example"],
    ["a backslash", "/\\evil.example"],
    ["a backslash further on", "/decks\\..\\\\evil.example"],
    ["an encoded backslash", "/%5cevil.example"],
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash after the slash", "/\\/evil.example"],
    ["dot segments that leave a double slash", "/..//evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a javascript: URL with a leading slash trick", "/javascript:alert(1)//%0a"],
    ["an absolute URL elsewhere", "https://evil.example/decks"],
    ["an absolute URL with our path", "http://127.0.0.1:3000/decks"],
    ["a relative path", "decks"],
    ["an empty string", ""],
    ["an over-long path", `/${"a".repeat(2_000)}`],
  ])("refuses %s", (_label, input) => {
    expect(safeReturnPath(input)).toBe("/decks");
  });

  it("refuses what is not a string, and uses the given fallback", () => {
    expect(safeReturnPath(undefined)).toBe("/decks");
    expect(safeReturnPath(["/progress"])).toBe("/decks");
    expect(safeReturnPath("//evil.example", "/")).toBe("/");
  });
});
