import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { openPalette } from "./search-helpers";
import { openEditorInNewDeck, PASSWORD, uniqueEmail } from "./practice-helpers";

type ViolationWindow = { __cspViolations: string[] };

/**
 * Records the page's CSP violations ("directive blocked-url") from before its first script runs: init
 * scripts are injected by the browser's debugging protocol, which the page's policy does not govern.
 */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as ViolationWindow).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as ViolationWindow).__cspViolations);
}

/** Every request that would reach evil.example is answered here instead, and listed. */
async function watchOffSite(page: Page): Promise<string[]> {
  const reached: string[] = [];
  await page.context().route(
    (url) => url.hostname === "evil.example",
    (route) => {
      reached.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" });
    },
  );
  return reached;
}

test("a callback URL with an encoded tab keeps a new account on the site", async ({ page, baseURL }) => {
  const reached = await watchOffSite(page);
  // %09 decodes to a tab, which browsers drop from URLs: "/\t/evil.example" would become "//evil.example".
  await page.goto("/sign-up?callbackUrl=/%09/evil.example");
  await page.getByLabel("Email").fill(uniqueEmail("redirect"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(`${baseURL}/decks`);
  expect(reached).toEqual([]);
});

test("a page, an API route and a static asset carry the security headers; HSTS only over HTTPS", async ({
  request,
}) => {
  const html = await (await request.get("/about")).text();
  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(asset).toBeDefined();
  for (const path of ["/about", "/decks", "/api/health", asset!]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["permissions-policy"], path).toContain("geolocation=()");
    for (const directive of ["frame-ancestors 'none'", "base-uri 'none'"])
      expect(headers["content-security-policy"], path).toContain(directive);
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
  // Not being documents, the API route and the asset may load nothing at all.
  for (const path of ["/api/health", asset!])
    expect((await request.get(path)).headers()["content-security-policy"], path).toContain("default-src 'none'");
  for (const path of ["/about", "/decks"]) {
    const policy = (await request.get(path)).headers()["content-security-policy"]!;
    for (const directive of ["default-src 'self'", "img-src 'self';", "form-action 'self'", "object-src 'none'"])
      expect(policy, path).toContain(directive);
  }
  const overHttps = await request.get("/about", { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

/** How a page's policy admits scripts: a nonce (rendered per request) or the prerendered policy. */
async function scriptPolicy(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  const policy = response.headers()["content-security-policy"] ?? "";
  const scriptSrc = policy.split("; ").find((directive) => directive.startsWith("script-src "));
  if (/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+'$/.test(scriptSrc ?? "")) return "nonce";
  if (scriptSrc === "script-src 'self' 'unsafe-inline'" && policy.includes("script-src-attr 'none'"))
    return `prerendered, ${response.headers()["x-nextjs-cache"]}`;
  return `unexpected: ${policy}`;
}

test("every page the build prerendered is served as built with the prerendered policy; every other page gets a nonce", async ({
  request,
}) => {
  // The build's own lists, so a page that changes from one kind to the other cannot keep the wrong policy.
  const prerender = JSON.parse(readFileSync(".next/prerender-manifest.json", "utf8")) as {
    routes: Record<string, { srcRoute: string | null }>;
    dynamicRoutes: Record<string, unknown>;
  };
  const appPaths = Object.entries(
    JSON.parse(readFileSync(".next/app-path-routes-manifest.json", "utf8")) as Record<string, string>,
  );
  const pages = appPaths
    .filter(([file, route]) => file.endsWith("/page") && !route.startsWith("/_"))
    .map(([, route]) => route);
  const examples = new Map<string, string>();
  for (const [path, { srcRoute }] of Object.entries(prerender.routes))
    if (!examples.has(srcRoute ?? path)) examples.set(srcRoute ?? path, path);
  expect(pages.length).toBeGreaterThan(20);
  for (const route of pages) {
    const example = examples.get(route);
    if (example) expect(await scriptPolicy(request, example), route).toBe("prerendered, HIT");
    else expect(await scriptPolicy(request, route.replace(/\[[^\]]+\]/g, "x")), route).toBe("nonce");
  }
  expect(await scriptPolicy(request, "/no-such-page")).toBe("nonce");
});

test("ordinary pages run without a single policy violation and hydrate", async ({ page }) => {
  test.slow(); // ten pages, each waiting for its scripts
  const violations = await recordViolations(page);
  const headerWarnings: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Permissions-Policy")) headerWarnings.push(message.text());
  });
  for (const path of [
    "/",
    "/about",
    "/glossary",
    "/glossary/kv-cache",
    "/decks",
    "/decks/evaluation-metrics",
    "/mock",
    "/author/item-writing",
    "/sign-in",
    "/no-such-page",
  ]) {
    await page.goto(path);
    await openPalette(page); // the palette opens only once the page's scripts have run
    expect(await violations(), path).toEqual([]);
  }
  expect(headerWarnings).toEqual([]);
});

test("an inline script and an event handler injected into a page rendered per request do not run, while the page's own scripts do", async ({
  page,
}) => {
  const violations = await recordViolations(page);
  await page.route(
    (url) => url.pathname === "/decks",
    async (route) => {
      const response = await route.fetch();
      const injected = `<script>window.__injected = true</script><img src="/no-such-image.png" alt="" onerror="window.__handler = true">`;
      await route.fulfill({ response, body: (await response.text()).replace("</body>", `${injected}</body>`) });
    },
  );
  await page.goto("/decks");
  await openPalette(page);
  await expect.poll(violations).toEqual(expect.arrayContaining(["script-src-elem inline", "script-src-attr inline"]));
  expect(await page.evaluate(() => ({ script: "__injected" in window, handler: "__handler" in window }))).toEqual({
    script: false,
    handler: false,
  });
});

test("HTML inserted into a prerendered page, as client-side navigation inserts authored HTML, cannot run an event handler", async ({
  page,
}) => {
  const violations = await recordViolations(page);
  await page.goto("/glossary/kv-cache");
  await openPalette(page);
  await page.evaluate(() => {
    document
      .querySelector("main")!
      .insertAdjacentHTML("beforeend", `<img src="/no-such-image.png" alt="" onerror="window.__handler = true">`);
  });
  await expect.poll(violations).toContain("script-src-attr inline");
  expect(await page.evaluate(() => "__handler" in window)).toBe(false);
});

test("an external image in an instructor's question is not loaded, in the editor's preview or the item statistics", async ({
  page,
}) => {
  const reached = await watchOffSite(page);
  const violations = await recordViolations(page);
  await openEditorInNewDeck(page, "Tracking pixel", "A question that tries to load an image from elsewhere.");
  // \pmb makes KaTeX write a style attribute, which the policy admits.
  await page.getByLabel("Prompt").fill("Which metric is $\\pmb{F_1}$? ![chart](https://evil.example/t.png)");
  const preview = page.getByTestId("question-preview");
  await expect(preview.locator('img[src="https://evil.example/t.png"]')).toBeAttached();
  await expect(preview.locator('mstyle[style*="text-shadow"]')).toBeAttached();
  await expect.poll(violations).toContain("img-src https://evil.example/t.png");
  expect(new Set(await violations())).toEqual(new Set(["img-src https://evil.example/t.png"]));
  expect(await preview.locator("img").evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(0);
  expect(reached).toEqual([]);

  // The statistics page draws its bars with style attributes, which the policy allows.
  await page.goto("/author/decks/evaluation-metrics/stats");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Item statistics: Evaluation metrics");
  expect(await violations()).toEqual([]);
});
