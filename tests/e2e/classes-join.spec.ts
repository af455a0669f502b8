import { expect, test, type Page } from "@playwright/test";
import type { ClassCreated } from "@/lib/http/contracts";
import { expectNoAxeViolations } from "./axe";
import { PASSWORD, setRole, signUp, uniqueEmail } from "./practice-helpers";

const PRIVACY = /instructor will see your answers, accuracy and mastery on the decks assigned in this class/;

/** A sign-up is an argon2 hash and a redirect to a freshly rendered page: seconds on a busy machine. */
const ACCOUNT_ROUND_TRIP_MS = 30_000;

/** A class made through the JSON API by a new instructor, signed in on `page`. */
async function newClass(page: Page, name: string): Promise<ClassCreated> {
  const email = uniqueEmail("class-owner");
  await signUp(page, email);
  setRole(email, "instructor");
  const created = await page.request.post("/api/classes", { data: { name } });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as ClassCreated;
}

/** A new instructor's class with two decks assigned, one of them long overdue. */
async function classWithAssignments(page: Page, name: string): Promise<ClassCreated> {
  const made = await newClass(page, name);
  for (const assignment of [
    // Noon UTC: the same calendar date in whatever zone the browser runs.
    { deckId: "evaluation-metrics", dueDate: "2020-01-15T12:00:00Z" },
    { deckId: "classic-ml", dueDate: null },
  ]) {
    const assigned = await page.request.post(`/api/classes/${made.id}/assignments`, { data: assignment });
    expect(assigned.status(), await assigned.text()).toBe(201);
  }
  return made;
}

test("a guest opens a join link, signs up through it, joins, and sees the class's assignments", async ({
  page,
  browser,
}) => {
  // Two sign-ups, a role change, five pages and two axe runs: a journey, given the slow budget.
  test.slow();
  const className = `Cohort ${Date.now()}`;
  const made = await classWithAssignments(page, className);

  const context = await browser.newContext();
  const candidate = await context.newPage();
  // Typed as read out: lower case, in groups. The page reads it as the code.
  const spaced = `${made.joinCode.slice(0, 5)}-${made.joinCode.slice(5)}`.toLowerCase();
  await candidate.goto(`/join/${spaced}`);
  await expect(candidate.getByRole("heading", { level: 1 })).toHaveText("Join a class");
  await expect(candidate.getByText(PRIVACY)).toBeVisible();
  await expect(candidate.getByRole("button", { name: "Join class" })).toHaveCount(0);
  await expectNoAxeViolations(candidate);

  await candidate.getByRole("link", { name: "Sign up to join" }).click();
  await expect(candidate).toHaveURL(/\/sign-up\?callbackUrl=/);
  await candidate.getByLabel("Email").fill(uniqueEmail("class-member"));
  await candidate.getByLabel("Password").fill(PASSWORD);
  await candidate.getByRole("button", { name: "Create account" }).click();
  await expect(candidate).toHaveURL(new RegExp(`/join/${made.joinCode}$`), { timeout: ACCOUNT_ROUND_TRIP_MS });

  // Signed in now: the class is named, the notice comes before the button, and nothing is joined yet.
  await expect(candidate.getByRole("heading", { level: 1 })).toHaveText(`Join ${className}`);
  await expect(candidate.getByText(PRIVACY)).toBeVisible();
  await expectNoAxeViolations(candidate);
  await candidate.goto("/progress");
  await expect(candidate.getByRole("heading", { level: 1 })).toHaveText("Your progress");
  await expect(candidate.getByRole("heading", { name: "Your assignments" })).toHaveCount(0);

  await candidate.goto(`/join/${made.joinCode}`);
  await candidate.getByRole("button", { name: "Join class" }).click();
  await expect(candidate).toHaveURL(new RegExp(`/classes/${made.id}$`));

  await candidate.goto(`/join/${made.joinCode}`);
  await expect(candidate.getByText("You are already a member of this class.")).toBeVisible();
  await expect(candidate.getByRole("link", { name: `Open ${className}` })).toHaveAttribute(
    "href",
    `/classes/${made.id}`,
  );

  const assignments = candidate.getByRole("region", { name: "Your assignments" });
  const overdue = assignments.getByRole("listitem").filter({ hasText: "Evaluation metrics" });
  const undated = assignments.getByRole("listitem").filter({ hasText: "Classic machine learning" });

  // The home page is prerendered and asks for the assignments from the browser.
  await candidate.goto("/");
  await expect(overdue).toContainText(`${className} · due Wed, 15 Jan 2020`);
  await expect(overdue).toContainText(/0 of \d+ questions done/);
  await expect(overdue).toContainText("Mastery 0%");
  await expect(overdue.getByText("Overdue", { exact: true })).toBeVisible();
  await expect(undated).toContainText(`${className} · no due date`);
  await expect(undated.getByText("Overdue", { exact: true })).toHaveCount(0);
  await expect(overdue.getByRole("link", { name: "Evaluation metrics" })).toHaveAttribute(
    "href",
    "/decks/evaluation-metrics",
  );
  await expectNoAxeViolations(candidate);

  await candidate.goto("/decks");
  await expect(overdue).toContainText("Overdue");
  const deckCard = candidate
    .locator(".deck-card")
    .filter({ has: candidate.getByRole("heading", { name: "Evaluation metrics", exact: true }) });
  await expect(deckCard).toContainText(`Assigned by ${className}, due Wed, 15 Jan 2020`);
  await expect(deckCard.getByText("Overdue", { exact: true })).toBeVisible();

  await candidate.goto("/progress");
  await expect(undated).toContainText(`${className} · no due date`);
  await context.close();
});

test("a join link whose code is malformed or held by no class is not valid", async ({ page }) => {
  const notValid = async (path: string) => {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This join link is not valid");
  };
  await notValid("/join/not-a-code");
  await signUp(page, uniqueEmail("joiner"));
  // The right shape, but held by no class (a drawn code is this one about once in 10^14).
  await notValid("/join/ABCDEFGHJK");
  await notValid("/join/not-a-code");
});

test("a class closed to new members says so on its join page, and offers no way to join", async ({ page, browser }) => {
  test.slow(); // two sign-ups and a role change
  const className = `Closed cohort ${Date.now()}`;
  const made = await newClass(page, className);
  const closed = await page.request.patch(`/api/classes/${made.id}`, { data: { joinOpen: false } });
  expect(closed.status(), await closed.text()).toBe(200);

  const context = await browser.newContext();
  const candidate = await context.newPage();
  await signUp(candidate, uniqueEmail("late-joiner"), `/join/${made.joinCode}`);
  await expect(candidate.getByRole("heading", { level: 1 })).toHaveText(`Join ${className}`);
  await expect(candidate.getByText("This class is not taking new members: ask your instructor.")).toBeVisible();
  await expect(candidate.getByRole("button", { name: "Join class" })).toHaveCount(0);
  await context.close();
});
