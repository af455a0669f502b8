import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NON_PAGE_POLICY, pagePolicy, PERMISSIONS_POLICY, scriptHash } from "@/lib/http/security-headers";

const directives = (policy: string) =>
  new Map(policy.split("; ").map((directive) => [directive.split(" ")[0]!, directive.split(" ").slice(1).join(" ")]));

describe("a page's Content-Security-Policy", () => {
  const options = { githubSignIn: false, development: false };
  const production = directives(pagePolicy({ nonce: "abc123==", hashes: ["'sha256-x'"] }, options));

  it("admits scripts from the site, with the response's nonce or a listed hash, and nothing inline otherwise", () => {
    expect(production.get("script-src")).toBe("'self' 'nonce-abc123==' 'sha256-x'");
    expect(production.has("script-src-attr")).toBe(false);
  });

  it("admits a prerendered page's own inline scripts, but never an inline event handler", () => {
    const prerendered = directives(pagePolicy("prerendered", options));
    expect(prerendered.get("script-src")).toBe("'self' 'unsafe-inline'");
    expect(prerendered.get("script-src-attr")).toBe("'none'");
    expect(prerendered.get("img-src")).toBe("'self'");
  });

  it("hashes an inline script the way browsers do", () => {
    expect(scriptHash("one()")).toBe(`'sha256-${createHash("sha256").update("one()").digest("base64")}'`);
  });

  it("locks down everything else the issue names", () => {
    expect(production.get("default-src")).toBe("'self'");
    expect(production.get("object-src")).toBe("'none'");
    expect(production.get("base-uri")).toBe("'none'");
    expect(production.get("frame-ancestors")).toBe("'none'");
    expect(production.get("form-action")).toBe("'self'");
    expect(production.get("img-src")).toBe("'self'");
    expect(production.get("style-src")).toBe("'self'");
    expect(production.get("style-src-attr")).toBe("'unsafe-inline'");
  });

  it("lets sign-in forms redirect to GitHub only when GitHub sign-in is configured", () => {
    const github = directives(pagePolicy({ nonce: "n", hashes: [] }, { githubSignIn: true, development: false }));
    expect(github.get("form-action")).toBe("'self' https://github.com");
  });

  it("allows what `next dev` needs only in development", () => {
    const development = directives(pagePolicy({ nonce: "n", hashes: [] }, { githubSignIn: false, development: true }));
    expect(development.get("script-src")).toBe("'self' 'nonce-n' 'unsafe-eval'");
    expect(development.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(production.get("script-src")).not.toContain("unsafe-eval");
  });

  it("lets responses that are not pages load, frame and submit nothing", () => {
    expect(directives(NON_PAGE_POLICY).get("default-src")).toBe("'none'");
    expect(directives(NON_PAGE_POLICY).get("frame-ancestors")).toBe("'none'");
  });

  it("turns off the browser features the site never uses", () => {
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"])
      expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
  });
});
