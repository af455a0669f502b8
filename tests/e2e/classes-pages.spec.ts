import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { setRole, signUp, uniqueEmail } from "./practice-helpers";

test("a guest who opens /classes is sent to sign in", async ({ page }) => {
  await page.goto("/classes");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fclasses$/);
});

test("an instructor creates a class, assigns a deck with a due date, follows a member who leaves, and deletes the class", async ({
  page,
  browser,
}) => {
  // Two accounts, a role change and several round trips on the dashboard: a journey, given the slow budget.
  test.slow();
  const email = uniqueEmail("teacher");
  await signUp(page, email);
  setRole(email, "instructor");

  await page.goto("/classes");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Classes");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Classes" })).toBeVisible();
  await expect(page.getByLabel("Join code")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Class name").fill("Evening cohort");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/classes\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Evening cohort");
  // The tab says which class, for its owner as for its members (below).
  await expect(page).toHaveTitle("Evening cohort · mlprep");
  const classUrl = page.url();
  const classId = classUrl.split("/").pop()!;

  const joinLink = page.getByLabel("Join link");
  await expect(joinLink).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/join\/[2-9A-Z]{10}$/);
  const firstLink = await joinLink.inputValue();
  const code = firstLink.split("/").pop()!;

  // A due date long past, so the member who joins is behind on it.
  await page.getByLabel("Deck", { exact: true }).selectOption("evaluation-metrics");
  await page.getByLabel("Due date (optional)").fill("2020-01-15");
  await page.getByRole("button", { name: "Assign" }).click();
  const assignments = page.getByRole("region", { name: "Assignments" });
  await expect(assignments.getByRole("row", { name: /Evaluation metrics/ })).toContainText("Wed, 15 Jan 2020");
  await expect(assignments.getByRole("button", { name: "Remove Evaluation metrics" })).toBeVisible();

  const candidateEmail = uniqueEmail("member");
  const candidate = await browser.newPage();
  await signUp(candidate, candidateEmail);
  const joined = await candidate.request.post("/api/classes/join", { data: { code } });
  expect(joined.status()).toBe(200);
  await candidate.goto(classUrl);
  await expect(candidate.getByRole("heading", { level: 1 })).toHaveText("Evening cohort");
  await expect(candidate).toHaveTitle("Evening cohort · mlprep");
  await expect(candidate.getByRole("row", { name: /Evaluation metrics/ })).toContainText("overdue");
  await expect(candidate.getByRole("table", { name: "Members' progress" })).toHaveCount(0);
  await expect(candidate.getByRole("button", { name: "Leave class" })).toBeVisible();

  await page.reload();
  const table = page.getByRole("table", { name: "Members' progress" });
  const memberRow = table.getByRole("row", { name: new RegExp(candidateEmail) });
  await expect(memberRow).toContainText("behind");
  const mastery = table.getByRole("columnheader", { name: /Mastery on Evaluation metrics/ });
  await mastery.getByRole("button").click();
  await expect(mastery).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute(
    "href",
    `/api/classes/${classId}/progress/export`,
  );
  await expect(page.getByRole("button", { name: `Remove ${candidateEmail}` })).toBeVisible();
  await expectNoAxeViolations(page);

  // Changes that cannot be undone ask first, in the page's own dialog; cancelling changes nothing.
  await page.getByRole("button", { name: "New code" }).click();
  const ask = page.getByRole("alertdialog", { name: "New code?" });
  await expect(ask).toContainText("The current code and link stop working at once.");
  await expect(ask.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(ask).toBeHidden();
  await expect(joinLink).toHaveValue(firstLink);
  await page.getByRole("button", { name: "New code" }).click();
  await ask.getByRole("button", { name: "New code" }).click();
  await expect(joinLink).not.toHaveValue(firstLink);
  await expect(joinLink).toHaveValue(/\/join\/[2-9A-Z]{10}$/);

  await page.getByRole("button", { name: "Close joining" }).click();
  await expect(page.getByRole("button", { name: "Open joining" })).toBeVisible();

  await page.getByRole("link", { name: "Class statistics for Evaluation metrics" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Class statistics: Evaluation metrics");
  await expect(page).toHaveTitle("Evening cohort: item statistics · mlprep");
  await expectNoAxeViolations(page);

  // The member leaves, after which the class is not found to them, as to any outsider.
  await candidate.getByRole("button", { name: "Leave class" }).click();
  await candidate
    .getByRole("alertdialog", { name: "Leave class?" })
    .getByRole("button", { name: "Leave class" })
    .click();
  await expect(candidate).toHaveURL(/\/classes$/);
  expect((await candidate.goto(classUrl))?.status()).toBe(404);
  await candidate.close();

  await page.goto(classUrl);
  await page.getByRole("button", { name: "Remove Evaluation metrics" }).click();
  await expect(assignments.getByRole("row", { name: /Evaluation metrics/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Delete class" }).click();
  const deleting = page.getByRole("alertdialog", { name: "Delete class?" });
  await expect(deleting).toContainText("Members keep their answers");
  await deleting.getByRole("button", { name: "Delete class" }).click();
  await expect(page).toHaveURL(/\/classes$/);
  await expect(page.getByRole("link", { name: "Evening cohort" })).toHaveCount(0);
});
