import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import {
  advanceServerClock,
  answerCurrent,
  answeredTotal,
  PASSWORD,
  signIn,
  signUp,
  uniqueEmail,
} from "./practice-helpers";

test("sign up, practise right and wrong with explanations; progress survives a reload and signing out and in", async ({
  page,
}) => {
  const email = uniqueEmail("journey");
  await signUp(page, email);
  await page.goto("/decks/evaluation-metrics");

  await answerCurrent(page, true);
  const feedback = page.locator(".feedback");
  await expect(feedback).toContainText("Terms this question exercises:");
  await expect(feedback.locator('a[href^="/glossary/"]').first()).toBeVisible();
  await expect(feedback).toContainText("Scheduled for review");
  await page.keyboard.press("Enter");

  await answerCurrent(page, false);
  await expect(feedback).toContainText("Read up on:");
  const glossaryLink = feedback.locator('a[href^="/glossary/"]').first();
  const termHref = await glossaryLink.getAttribute("href");
  expect(termHref).toMatch(/^\/glossary\/[a-z0-9-]+$/);

  await page.goto("/progress");
  expect(await answeredTotal(page)).toBe("2");
  await page.reload();
  expect(await answeredTotal(page)).toBe("2");
  await page.goto("/decks");
  // Exactly the built-in deck: authored decks on the same topic show "Evaluation metrics" too.
  await expect(
    page.locator(".deck-card", { has: page.getByRole("link", { name: "Evaluation metrics", exact: true }) }),
  ).toContainText("2 seen");

  await page.locator("details.menu summary").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/progress");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprogress$/);

  await signIn(page, email, "/progress");
  expect(await answeredTotal(page)).toBe("2");
});

test("a wrong sign-in gets one generic message and keeps the email typed", async ({ page }) => {
  const email = uniqueEmail("generic");
  await signUp(page, email);
  await page.context().clearCookies();
  for (const [address, password] of [
    [email, "not the password"],
    [uniqueEmail("nobody"), PASSWORD],
  ] as const) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(address);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".form-error")).toHaveText("Email or password is incorrect.");
    await expect(page.getByLabel("Email")).toHaveValue(address);
  }
});

test("a guest's answers are kept in the browser and merged into the new account once", async ({ page }) => {
  await page.goto("/decks/classic-ml");
  await answerCurrent(page, true);
  await page.keyboard.press("Enter");
  await answerCurrent(page, false);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("mlprep:guest-attempts:v1") ?? "[]").length);
  expect(stored).toBe(2);

  await signUp(page, uniqueEmail("guest"), "/progress");
  await expect(page.getByRole("status").filter({ hasText: "Added 2 answers from this browser" })).toBeVisible();
  await page.reload();
  expect(await answeredTotal(page)).toBe("2");
  expect(await page.evaluate(() => localStorage.getItem("mlprep:guest-attempts:v1"))).toBeNull();
  await page.reload();
  expect(await answeredTotal(page)).toBe("2");
});

test("a question answered wrong comes back in /review once the clock moves on", async ({ page }) => {
  await signUp(page, uniqueEmail("review"));
  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review: nothing due");

  await page.goto("/questions/metrics-fraud-precision-from-matrix");
  await answerCurrent(page, false);
  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review: nothing due");

  await advanceServerClock(page, 30 * 60_000);
  await page.goto("/review");
  await expect(page.getByTestId("due-count")).toHaveText("1");
  await expect(page.locator("article.question")).toHaveAttribute(
    "data-question-id",
    "metrics-fraud-precision-from-matrix",
  );
  await expect(page.locator(".badge")).toHaveText("1");
  await answerCurrent(page, true);
});

test("keyboard help: Escape leaves the answer field, ? opens the shortcuts and Escape closes them", async ({
  page,
}) => {
  // The first question of this deck is numeric: its field has the focus, where ? is just a character.
  await page.goto("/decks/llm-inference");
  await expect(page.getByLabel("Your answer (a number)")).toBeFocused();
  await page.keyboard.press("Escape");
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Pick a choice");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("a mock interview hides verdicts until its report, scored per topic", async ({ page }) => {
  await page.goto("/mock/session?minutes=10&questions=5");
  await expect(page.getByRole("timer")).toContainText("left");
  for (let index = 0; index < 4; index++) {
    await answerCurrent(page, index % 2 === 0, { waitForVerdict: false });
    await expect(page.locator(".feedback")).toHaveCount(0);
    await expect(page.locator(".session__bar")).toContainText(`Question ${index + 2} of 5`);
  }
  await page.getByRole("button", { name: "Finish now" }).click();
  await expect(page.getByRole("heading", { name: /Mock interview: 2 of 5/ })).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Questions to revisit" })).toBeVisible();
  await expect(page.getByText("(not answered)")).toHaveCount(1);
});

test("axe finds no violations on the deck list, a question, its feedback, the summary and the dashboard", async ({
  page,
}) => {
  // Five pages, each analysed by axe: a journey, given the slow budget so it never runs near the limit.
  test.slow();
  await signUp(page, uniqueEmail("axe"));
  await page.goto("/decks");
  await expectNoAxeViolations(page);

  await page.goto("/questions/metrics-why-harmonic-mean");
  await expectNoAxeViolations(page);
  await answerCurrent(page, false);
  await expectNoAxeViolations(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Session complete: 0 of 1 right/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/progress");
  expect(await answeredTotal(page)).toBe("1");
  await expectNoAxeViolations(page);
});

test("the answer API: 401 signed out, 400 naming the field, idempotent retries, and another user's attempt is a 404", async ({
  page,
  browser,
}) => {
  const signedOut = await page.request.post("/api/attempts", { data: {} });
  expect(signedOut.status()).toBe(401);

  await signUp(page, uniqueEmail("api-a"));
  const attempt = {
    questionId: "metrics-fraud-precision-from-matrix",
    revision: 1,
    response: { type: "numeric", value: 0.6 },
    attemptId: "e2e-attempt-0001",
    elapsedMs: 12_000,
  };
  const first = await page.request.post("/api/attempts", { data: attempt });
  expect(first.status()).toBe(200);
  const again = await page.request.post("/api/attempts", { data: attempt });
  expect(await again.json()).toMatchObject({ correct: true, replayed: true, due: (await first.json()).due });

  const cases: [object, string][] = [
    [
      { ...attempt, attemptId: "e2e-attempt-0002", response: { type: "short", text: "x".repeat(10_001) } },
      "response.text",
    ],
    [{ ...attempt, attemptId: "e2e-attempt-0003", questionId: "no-such-question" }, "questionId"],
    [{ ...attempt, attemptId: "e2e-attempt-0004", response: { type: "single", choice: 0 } }, "response"],
    [{ ...attempt, attemptId: "bad id!" }, "attemptId"],
  ];
  for (const [data, field] of cases) {
    const reply = await page.request.post("/api/attempts", { data });
    expect(reply.status()).toBe(400);
    expect(await reply.json()).toMatchObject({ field, error: expect.any(String) });
  }
  const csv = await (await page.request.get("/api/me/export")).text();
  expect(csv.trim().split("\r\n")).toHaveLength(2);
  expect((await page.request.get("/api/attempts/e2e-attempt-0001")).status()).toBe(200);

  const other = await browser.newPage();
  await signUp(other, uniqueEmail("api-b"));
  expect((await other.request.get("/api/attempts/e2e-attempt-0001")).status()).toBe(404);
  const progress = await (await other.request.get("/api/me/progress")).json();
  expect(progress.totals.answered).toBe(0);
  await other.close();
});

test("settings: retention is validated and saved, the CSV downloads, and deleting the account removes it", async ({
  page,
}) => {
  const email = uniqueEmail("settings");
  await signUp(page, email, "/settings");
  const retention = page.getByLabel("Desired retention");
  await retention.fill("0.5");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Desired retention must be between 0.70 and 0.99")).toBeVisible();
  await retention.fill("0.85");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Desired retention")).toHaveValue("0.85");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download every answer/ }).click();
  expect((await download).suggestedFilename()).toBe("mlprep-attempts.csv");

  await page.getByLabel("Type your email address to confirm").fill(email);
  await page.getByRole("button", { name: "Delete my account and all my data" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".form-error")).toHaveText("Email or password is incorrect.");
});
