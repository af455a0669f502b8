import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { answerCurrent, signUp, uniqueEmail } from "./practice-helpers";

/** Sets a role the way an operator does, against the browser tests' database while the server runs. */
function setRole(email: string, role: string) {
  const run = spawnSync("npm", ["run", "--silent", "user:role", "--", email, role], {
    env: { ...process.env, DATABASE_URL: "file:./data/e2e.db" },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
}

test("a candidate who opens the question bank gets a 403", async ({ page }) => {
  await signUp(page, uniqueEmail("candidate"));
  const reply = await page.goto("/author");
  expect(reply?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  expect((await page.goto("/author/decks/evaluation-metrics/stats"))?.status()).toBe(403);
});

test("an instructor sees a candidate's answer in the deck's item statistics", async ({ page, browser }) => {
  const candidate = await browser.newPage();
  await signUp(candidate, uniqueEmail("learner"));
  await candidate.goto("/questions/metrics-ab-p-value-meaning");
  await answerCurrent(candidate, false);
  await candidate.close();

  const email = uniqueEmail("instructor");
  await signUp(page, email);
  setRole(email, "instructor");
  await page.goto("/author");
  await page.getByRole("link", { name: "Item statistics for Evaluation metrics" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Item statistics: Evaluation metrics");
  const row = page.locator('tr[data-question-id="metrics-ab-p-value-meaning"]');
  await expect(row.locator("td").nth(0)).toHaveText("1");
  await expect(row.locator("td").nth(2)).toHaveText("0%");
  await expectNoAxeViolations(page);
});

test("an admin makes a candidate an instructor in /admin/users, and the question bank opens for them", async ({ page, browser }) => {
  const learnerEmail = uniqueEmail("promoted");
  const learner = await browser.newPage();
  await signUp(learner, learnerEmail);
  expect((await learner.goto("/admin/users"))?.status()).toBe(403);

  const adminEmail = uniqueEmail("admin");
  await signUp(page, adminEmail);
  setRole(adminEmail, "admin");
  await page.goto("/admin/users");
  await page.getByLabel(`Role of ${learnerEmail}`).selectOption("instructor");
  await page.getByRole("button", { name: `Save role of ${learnerEmail}` }).click();
  await expect(page.locator(`tr[data-email="${learnerEmail}"]`).getByRole("status")).toHaveText("Saved");
  await expectNoAxeViolations(page);

  expect((await learner.goto("/author"))?.status()).toBe(200);
  await learner.close();
});
