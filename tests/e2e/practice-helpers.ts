import { spawnSync } from "node:child_process";
import { expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { loadDecks, loadGlossary } from "../../lib/content/load-glossary";
import { calculatedAnswer } from "../../lib/domain/calculated";
import { arrange, displayOrder } from "../../lib/domain/choice-order";
import type { Question } from "../../lib/domain/question";
import { TEST_CLOCK_COOKIE } from "../../lib/clock-cookie";

/** The shipped decks' answers, read from content/ like the server does, to answer questions right or wrong. */
const questions = new Map<string, Question>(
  loadDecks(new Set(loadGlossary().terms.map((term) => term.slug))).decks.flatMap((deck) =>
    deck.questions.map((question) => [question.id, question] as const),
  ),
);

export const PASSWORD = "correct horse battery staple";

/**
 * A sign-up or sign-in is a server action, an argon2 hash and a redirect to a freshly rendered page; the
 * first one meets a cold server. Seconds on a busy machine, so it gets more than expect's 5 s default.
 */
const ACCOUNT_ROUND_TRIP_MS = 30_000;

let counter = 0;
/** An email no other test (or worker) uses. */
export function uniqueEmail(label: string): string {
  counter++;
  return `${label}-${process.pid}-${Date.now()}-${counter}@example.com`;
}

export async function signUp(page: Page, email: string, callbackUrl = "/decks"): Promise<void> {
  await page.goto(`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(new RegExp(`${callbackUrl.replace(/[/?]/g, "\\$&")}$`), {
    timeout: ACCOUNT_ROUND_TRIP_MS,
  });
}

export async function signIn(page: Page, email: string, callbackUrl = "/decks"): Promise<void> {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${callbackUrl.replace(/[/?]/g, "\\$&")}$`), {
    timeout: ACCOUNT_ROUND_TRIP_MS,
  });
}

/**
 * Sets a role the way an operator does, against the browser tests' database while the server runs (the
 * `postgresql` project's: pass MLPREP_E2E_POSTGRES_URL).
 */
export function setRole(email: string, role: string, databaseUrl = "file:./data/e2e.db") {
  const run = spawnSync("npm", ["run", "--silent", "user:role", "--", email, role], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
}

/** Signs up a new instructor, who creates a draft metrics deck and opens the editor for its first question. */
export async function openEditorInNewDeck(page: Page, title: string, description: string): Promise<void> {
  const email = uniqueEmail(title.toLowerCase().replaceAll(" ", "-"));
  await signUp(page, email);
  setRole(email, "instructor");
  await page.goto("/author");
  await page.getByText("New deck").click();
  await page.getByLabel("Title").fill(`${title} ${Date.now()}`);
  await page.getByLabel("Topic").selectOption("metrics");
  await page.getByLabel("Description").fill(description);
  await page.getByRole("button", { name: "Create deck" }).click();
  await page.getByRole("link", { name: "Add a question" }).click();
}

/**
 * A question an instructor's test published during the run, as the server stores it: mock interviews and
 * topic practice draw from every published deck, not only the shipped ones.
 */
function authoredQuestion(id: string): Question | undefined {
  const database = new Database("data/e2e.db", { readonly: true, fileMustExist: true });
  try {
    const row = database
      .prepare(
        'SELECT r.body FROM "QuestionRevision" r JOIN "Question" q ON q.id = r."questionId" AND q.revision = r.revision WHERE q.id = ?',
      )
      .get(id) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as Question) : undefined;
  } finally {
    database.close();
  }
}

export async function currentQuestion(page: Page): Promise<Question> {
  const id = await page.locator("article.question").getAttribute("data-question-id");
  const question = id ? (questions.get(id) ?? authoredQuestion(id)) : undefined;
  if (!question) throw new Error(`no question shown (data-question-id=${id})`);
  return question;
}

/**
 * Answers the question on screen with the keyboard, right or wrong, and (except in mock interviews)
 * waits for the verdict. Returns the question answered.
 */
export async function answerCurrent(page: Page, right: boolean, { waitForVerdict = true } = {}): Promise<Question> {
  // Keys pressed before the session hydrates are lost; once it has, it puts the focus in the question.
  await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest("article.question")))).toBe(true);
  const question = await currentQuestion(page);
  switch (question.type) {
    case "single":
    case "multiple": {
      // Choices are shown in the order the page's seed gives; keys 1-9 follow that order.
      const shown = await shownChoices(page, question);
      const indices = shown.flatMap((choice, index) => (choice.correct === right ? [index] : []));
      for (const index of question.type === "single" || !right ? indices.slice(0, 1) : indices)
        await page.keyboard.press(String(index + 1));
      await page.keyboard.press("Enter");
      break;
    }
    case "true-false":
      await page.keyboard.press(question.answer === right ? "1" : "2");
      await page.keyboard.press("Enter");
      break;
    case "numeric":
      await page
        .getByLabel("Your answer (a number)")
        .fill(String(right ? question.answer : question.answer * 3 + 1000));
      await page.keyboard.press("Enter");
      break;
    case "calculated": {
      // The numbers on screen were drawn with the seed the page carries: the same draw gives the answer.
      const seed = Number(await page.locator("article.question").getAttribute("data-seed"));
      const { answer } = calculatedAnswer(question.formula, question.params, seed);
      await page.getByLabel("Your answer (a number)").fill(String(right ? answer : answer * 3 + 1000));
      await page.keyboard.press("Enter");
      break;
    }
    case "short":
      await page.getByLabel("Your answer").fill(right ? question.accept[0]! : "definitely not it");
      await page.keyboard.press("Enter");
      break;
    case "open":
      await page.getByLabel("Your answer").fill("I would start from the metric, then the baseline.");
      await page.keyboard.press("Control+Enter");
      await expect(page.getByRole("heading", { name: "Model answer" })).toBeVisible();
      await page.keyboard.press(right ? "3" : "1");
      break;
  }
  if (waitForVerdict) {
    const verdict =
      question.type === "open"
        ? right
          ? "You graded this Good."
          : "You graded this Again."
        : right
          ? "Correct."
          : "Not quite.";
    await expect(page.getByRole("heading", { name: verdict })).toBeVisible();
  }
  return question;
}

/** The choices of the question on screen in the order shown, derived from its seed as the server does. */
export async function shownChoices(page: Page, question: Extract<Question, { type: "single" | "multiple" }>) {
  const seed = await page.locator("article.question").getAttribute("data-seed");
  return arrange(question.choices, displayOrder(question, seed === null ? undefined : Number(seed)));
}

/** Moves the server's clock forward for this browser (the server runs with MLPREP_TEST_CLOCK=1). */
export async function advanceServerClock(page: Page, ms: number): Promise<void> {
  const url = new URL(page.url() === "about:blank" ? "http://127.0.0.1" : page.url());
  await page.context().addCookies([{ name: TEST_CLOCK_COOKIE, value: String(ms), domain: url.hostname, path: "/" }]);
}

export async function answeredTotal(page: Page): Promise<string> {
  return (await page.getByTestId("answered-total").textContent()) ?? "";
}

/** Every shipped question of the given type, in deck order. */
export function shippedQuestionsOfType<T extends Question["type"]>(type: T): Extract<Question, { type: T }>[] {
  return [...questions.values()].filter(
    (question): question is Extract<Question, { type: T }> => question.type === type,
  );
}

/** A shipped question of the given type (the first in deck order). */
export function shippedQuestionOfType<T extends Question["type"]>(type: T): Extract<Question, { type: T }> {
  const found = shippedQuestionsOfType(type)[0];
  if (!found) throw new Error(`no shipped ${type} question`);
  return found;
}
