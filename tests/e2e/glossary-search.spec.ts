import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { openPalette } from "./search-helpers";

test("Ctrl-K, a misspelled term and Enter land on that term's page", async ({ page }) => {
  await page.goto("/");
  const input = await openPalette(page);
  await input.fill("gradiant desent");
  const first = page.getByRole("option").first();
  await expect(first).toContainText("Gradient descent");
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(first.locator("mark").first()).toHaveText("Gradient");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/glossary\/gradient-descent$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gradient descent");
});

test("the palette opens with /, moves with the arrow keys and closes with Escape", async ({ page }) => {
  await page.goto("/glossary");
  const input = await openPalette(page, "/");
  await input.fill("attention");
  await expect(page.getByRole("option")).not.toHaveCount(0);
  await page.keyboard.press("ArrowDown");
  const second = page.getByRole("option").nth(1);
  await expect(second).toHaveAttribute("aria-selected", "true");
  await expect(input).toHaveAttribute("aria-activedescendant", (await second.getAttribute("id"))!);
  await expect(page.getByRole("status")).toContainText("results");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
});

test.describe("while the search index is still loading", () => {
  const INDEX = "**/generated/search-index.*.json";

  test("the server answers, highlighted, and the page passes axe", async ({ page }) => {
    // The index is held back for the whole test: whatever results appear cannot come from the in-page engine.
    let indexRequested = false;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(INDEX, async (route) => {
      indexRequested = true;
      await held;
      await route.continue().catch(() => {}); // the page may be gone by then
    });
    await page.goto("/");
    const input = await openPalette(page);
    const answered = page.waitForResponse((response) =>
      /\/api\/search\?q=gradiant(%20|\+)desent&/.test(response.url()),
    );
    await input.fill("gradiant desent");
    expect((await answered).ok()).toBe(true);
    const first = page.getByRole("option").first();
    await expect(first).toContainText("Gradient descent");
    await expect(first.locator("mark").first()).toHaveText("Gradient");
    await expect(page.getByRole("status")).toContainText("results");
    // Asked for once the answer is on screen and the page is idle (use-search-engine.ts).
    await expect.poll(() => indexRequested).toBe(true);
    await expectNoAxeViolations(page);
    release();
  });

  test("says so when neither the index nor the server answers", async ({ page }) => {
    await page.route(INDEX, (route) => route.abort());
    await page.route("**/api/search?*", (route) => route.abort());
    await page.goto("/");
    await (await openPalette(page)).fill("attention");
    await expect(page.getByRole("status")).toHaveText("Search could not load. Check your connection and try again.");
    await expect(page.getByRole("option")).toHaveCount(0);
  });
});

test("acronyms find their term: GQA", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search the glossary" }).pressSequentially("GQA");
  await expect(page.getByRole("option").first()).toContainText("Grouped-query attention");
});

test("a term page links to related terms that can be followed", async ({ page }) => {
  await page.goto("/glossary/kv-cache");
  await expect(page).toHaveTitle(/KV cache/);
  const related = page.getByRole("region", { name: "Related terms" });
  const link = related.getByRole("link").first();
  const name = (await link.textContent())!;
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(
    page.getByRole("region", { name: "Terms that link here" }).getByRole("link", { name: "KV cache" }),
  ).toBeVisible();
});

test("a term page renders math at build time and carries a meta description", async ({ page }) => {
  await page.goto("/glossary/kv-cache");
  await expect(page.locator(".definition math").first()).toBeVisible();
  const description = await page.locator('meta[name="description"]').getAttribute("content");
  expect(description).toMatch(/KV cache/);
});

test("the glossary index filters by topic", async ({ page }) => {
  await page.goto("/glossary");
  await page.getByRole("list", { name: "Filter by topic" }).getByRole("link", { name: "LLM inference" }).click();
  await expect(page).toHaveURL(/topic=llm-inference/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("LLM inference glossary");
  await expect(page.getByRole("link", { name: "PagedAttention" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Logistic regression" })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header search form falls back to /glossary?q=", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("searchbox", { name: "Search the glossary" });
    await box.fill("kernal trick");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/glossary\?q=kernal\+trick/);
    const results = page.getByRole("region", { name: /Results for/ });
    await expect(results.getByRole("link").first()).toHaveText("Kernel trick");
    await results.getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kernel trick");
  });
});

test.describe("accessibility", () => {
  for (const path of ["/", "/glossary", "/glossary/kv-cache"]) {
    test(`axe finds no violations on ${path}`, async ({ page }) => {
      // The glossary index holds 540 terms: axe's analysis of it takes seconds, more on a busy machine.
      test.slow();
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }

  test("axe finds no violations in the open palette, in dark mode", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    await (await openPalette(page)).fill("auc");
    await expect(page.getByRole("option").first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test("a term page lists the questions that practise it, and one of them opens for practice", async ({ page }) => {
  await page.goto("/glossary/precision");
  const section = page.getByRole("region", { name: /Practise this term/ });
  const first = section.getByRole("link").first();
  const questionId = (await first.getAttribute("href"))!.replace("/questions/", "");
  await first.click();
  await expect(page.locator("article.question")).toHaveAttribute("data-question-id", questionId);
});
