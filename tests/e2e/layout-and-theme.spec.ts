import { expect, test, type Page } from "@playwright/test";
import { openPalette } from "./search-helpers";

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test("dark mode follows the system setting, and the toggle overrides it across reloads", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/glossary/kv-cache");
  expect(await background(page)).toBe("rgb(15, 18, 24)");

  const toggle = page.getByRole("button", { name: /Theme: system/ });
  await toggle.click(); // system -> dark
  await page.getByRole("button", { name: /Theme: dark/ }).click(); // dark -> light
  await expect(page.getByRole("button", { name: /Theme: light/ })).toBeVisible();
  expect(await background(page)).toBe("rgb(255, 255, 255)");

  await page.reload();
  expect(await background(page)).toBe("rgb(255, 255, 255)");
  await expect(page.getByRole("button", { name: /Theme: light/ })).toBeVisible();
});

test("the search index is fetched only when search is first used", async ({ page }) => {
  const indexRequests: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/generated/search-index.")) indexRequests.push(request.url());
  });
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  expect(indexRequests).toEqual([]);
  await (await openPalette(page)).fill("auc");
  await expect(page.getByRole("option").first()).toContainText("ROC AUC");
  // Asked for once the server's answer is on screen and the page is idle (use-search-engine.ts).
  await expect.poll(() => indexRequests).toHaveLength(1);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  for (const path of ["/", "/glossary", "/glossary/kv-cache"]) {
    test(`${path} fits the screen without sideways scrolling`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expect(page.getByRole("searchbox", { name: "Search the glossary" }).first()).toBeVisible();
    });
  }
});
