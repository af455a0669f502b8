import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";

/*
 * When a header rule's source has a parameter (`/glossary/:slug`, `/:path*`), Next.js passes every value of
 * that rule holding a ':' through path-to-regexp's compiler on each request it matches. For the term pages'
 * Content-Security-Policy that cost about a sixth of the page's throughput (`data:` in img-src, since
 * dropped; docs/decisions/022-serving-prerendered-pages.md).
 */
describe("next.config.ts's header rules", () => {
  it("hold no ':' in a header of a rule whose source has a parameter", async () => {
    const rules = await nextConfig.headers!();
    const parameterised = rules.filter((rule) => rule.source.includes(":"));
    expect(parameterised.map((rule) => rule.source)).toContain("/glossary/:slug");
    for (const rule of parameterised)
      for (const header of rule.headers) {
        expect(header.key, rule.source).not.toContain(":");
        expect(header.value, `${rule.source} ${header.key}`).not.toContain(":");
      }
  });

  it("send no ETag, which Next.js would compute by hashing every response's body", () => {
    expect(nextConfig.generateEtags).toBe(false);
  });
});
