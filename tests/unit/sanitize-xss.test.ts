import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/content/markdown-render";
import { XSS_PAYLOADS } from "@/tests/fixtures/xss-payloads";
import { dangers } from "@/tests/support/html-dangers";

const termName = (slug: string) => (slug === "kv-cache" ? "KV cache" : undefined);

describe("rendering authored Markdown neutralises script injection", () => {
  it("has a corpus of at least 50 payloads", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(XSS_PAYLOADS.map((payload) => [payload]))("%s", (payload) => {
    const html = renderMarkdown(payload, termName);
    expect(dangers(html)).toEqual([]);
    // The same payload inside surrounding prose and a list must not escape either.
    expect(dangers(renderMarkdown(`Before\n\n- item ${payload}\n\nAfter ${payload}`, termName))).toEqual([]);
  });

  it("the checker itself catches what it claims to (so the test can fail)", () => {
    expect(dangers('<img src="x" onerror="alert(1)">')).toContain("img[onError]");
    expect(dangers('<a href="javascript:alert(1)">x</a>')).toHaveLength(1);
    expect(dangers("<script>alert(1)</script>")).toEqual(["<script>"]);
    expect(dangers('<p style="color:red">x</p>')).toEqual(["p[style]"]);
  });

  it("keeps what authors legitimately write: emphasis, code, safe links, tables and math", () => {
    const html = renderMarkdown(
      "**Bold** `code` [docs](https://example.com) [[kv-cache]]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n$x^2$",
      termName,
    );
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('href="/glossary/kv-cache"');
    expect(html).toContain("<table>");
    expect(html).toContain("<math");
  });
});
