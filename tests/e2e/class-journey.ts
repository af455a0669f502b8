import { expect, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { answerCurrent, setRole, signUp, uniqueEmail } from "./practice-helpers";

const DECK = "Evaluation metrics";

/** The journey's title, for the spec of each database. */
export const CLASS_JOURNEY =
  "an instructor assigns a deck to a class; a candidate joins by its link, practises and sees the assignment; the instructor sees their row; another candidate sees nothing";

/** A candidate in a browser of their own (own cookies), signed up and on the home page. */
async function newCandidate(browser: Browser, label: string): Promise<{ page: Page; email: string }> {
  const page = await (await browser.newContext()).newPage();
  const email = uniqueEmail(label);
  await signUp(page, email, "/");
  return { page, email };
}

/** The calendar date a week from now, as a date input takes it. */
function inAWeek(): string {
  return new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Issue 15's journey, against the server of the project that runs it: `databaseUrl` is that server's
 * database, where the instructor's role is set. Three accounts, a dozen page loads and axe on three pages:
 * callers give it the slow budget.
 */
export async function classJourney(page: Page, browser: Browser, databaseUrl: string): Promise<void> {
  const instructorEmail = uniqueEmail("teacher");
  await signUp(page, instructorEmail);
  setRole(instructorEmail, "instructor", databaseUrl);
  await page.goto("/classes");
  await page.getByLabel("Class name").fill("Metrics study group");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Metrics study group");
  const classPath = new URL(page.url()).pathname;
  expect(classPath).toMatch(/^\/classes\/[^/]+$/);

  await page.getByLabel("Deck", { exact: true }).selectOption("evaluation-metrics");
  await page.getByLabel("Due date (optional)").fill(inAWeek());
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(page.getByRole("button", { name: `Remove ${DECK}` })).toBeVisible();
  const joinLink = await page.getByLabel("Join link").inputValue();
  expect(joinLink).toMatch(/\/join\/[2-9A-Z]{10}$/);

  const candidate = await newCandidate(browser, "member");
  await candidate.page.goto(new URL(joinLink).pathname);
  // What the instructor will see is said before the button that shares it.
  await expect(
    candidate.page.getByText(/not the rest of your history|do not see the rest of your history/),
  ).toBeVisible();
  await expectNoAxeViolations(candidate.page);
  await candidate.page.getByRole("button", { name: "Join class" }).click();
  await expect(candidate.page).toHaveURL(new RegExp(`${classPath}$`));
  await expect(candidate.page.getByRole("heading", { level: 1 })).toHaveText("Metrics study group");

  // The assignment leads to ordinary practice of the deck; two answers, one right and one wrong.
  await candidate.page.goto("/");
  const assignments = candidate.page.getByRole("region", { name: "Your assignments" });
  await assignments.getByRole("link", { name: DECK }).click();
  await answerCurrent(candidate.page, true);
  await candidate.page.keyboard.press("Enter");
  await answerCurrent(candidate.page, false);
  await candidate.page.goto("/progress");
  const onProgress = candidate.page.getByRole("region", { name: "Your assignments" });
  await expect(onProgress.getByText(/^2 of \d+ questions done/)).toBeVisible();
  await expect(onProgress).toContainText("Metrics study group");
  await expectNoAxeViolations(candidate.page);

  await page.reload();
  const row = page.getByRole("table", { name: "Members' progress" }).getByRole("row", { name: candidate.email });
  await expect(row).toContainText("50%");
  await expectNoAxeViolations(page);

  // Someone outside the class: no dashboard, no member view, no data, no assignments.
  const outsider = await newCandidate(browser, "outsider");
  expect((await outsider.page.goto(classPath))?.status()).toBe(404);
  const classId = classPath.split("/").pop()!;
  const progress = await outsider.page.request.get(`/api/classes/${classId}/progress`);
  expect([403, 404]).toContain(progress.status());
  expect(await progress.text()).not.toContain(candidate.email);
  await outsider.page.goto("/");
  await expect(outsider.page.getByRole("region", { name: "Your assignments" })).toHaveCount(0);

  // A member sees their own rows in the class, never another member's.
  await candidate.page.goto(classPath);
  await expect(candidate.page.getByRole("table", { name: "Members' progress" })).toHaveCount(0);
  expect([403, 404]).toContain((await candidate.page.request.get(`/api/classes/${classId}/progress`)).status());
}
