import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { answerCurrent, openEditorInNewDeck, setRole, signUp, uniqueEmail } from "./practice-helpers";

test("a candidate who opens the question bank gets a 403", async ({ page }) => {
  await signUp(page, uniqueEmail("candidate"));
  const reply = await page.goto("/author");
  expect(reply?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  expect((await page.goto("/author/decks/evaluation-metrics/stats"))?.status()).toBe(403);
});

test("an instructor sees a candidate's answer in the deck's item statistics", async ({ page, browser }) => {
  // Two users, two sign-ups and axe on the statistics page: a journey, given the slow budget.
  test.slow();
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

test("an admin makes a candidate an instructor in /admin/users, and the question bank opens for them", async ({
  page,
  browser,
}) => {
  // Two users, the operator script for the first admin, and a role change through the UI: a journey.
  test.slow();
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

/** A GIFT file with every type GIFT has, each naming a glossary term so the importer can link it. */
const EVERY_GIFT_TYPE = [
  "$CATEGORY: metrics/classification",
  "::mc:: Which metric ignores false negatives? {=Precision#Right. ~Recall#Recall counts them. ####Precision is TP over predicted positives.}",
  "::multi:: Which metrics use true positives? {~%50%Precision ~%50%Recall ~%-100%Specificity####Both have TP in the numerator.}",
  "::tf:: Recall is the share of actual positives the model finds. {TRUE####By definition.}",
  "::num:: A filter flags 50 emails and 40 are spam. What is its precision? {#0.8:0.01####40 / 50.}",
  "::range:: Give a precision between 0.7 and 0.9. {#0.7..0.9####Any value in the range.}",
  "::short:: Which metric is the share of flagged items that are right? {=precision =PPV####Precision.}",
  "::essay:: Explain the precision-recall trade-off. {####Raising the threshold trades recall for precision.\\n\\n\\#\\#\\# Rubric\\n- Names the threshold\\n\\n\\#\\#\\# Explanation\\nBoth move with the threshold.}",
  "",
].join("\n\n");

test("an instructor writes, previews and publishes a deck, a candidate practises it, the statistics show it, and a GIFT import lists every type", async ({
  page,
  browser,
}) => {
  // The longest journey of the suite (three questions authored, a candidate, statistics, an import).
  test.slow();
  const email = uniqueEmail("author");
  await signUp(page, email);
  setRole(email, "instructor");

  await page.goto("/author");
  await page.getByText("New deck").click();
  const title = `Precision drill ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Topic").selectOption("metrics");
  await page.getByLabel("Description").fill("Three questions on precision.");
  await page.getByRole("button", { name: "Create deck" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  const deckUrl = page.url();
  const deckId = deckUrl.split("/").pop()!;

  const addTerm = async (name: string) => {
    await page.getByLabel("Glossary terms").fill(name);
    await page.getByRole("button", { name: "Add term" }).click();
  };
  const preview = page.getByTestId("question-preview");

  // 1. Single choice.
  await page.getByRole("link", { name: "Add a question" }).click();
  await page.getByLabel("Prompt").fill("A spam filter flags 50 emails; 40 are spam. Which metric is 40/50?");
  await page.getByLabel("Choice 1", { exact: true }).fill("Precision");
  await page.getByLabel("Choice 2", { exact: true }).fill("Recall");
  await page.getByLabel("Explanation").fill("Precision divides true positives by everything flagged.");
  await addTerm("precision");
  await expect(preview).toContainText("Which metric is 40/50?");
  await page.getByRole("button", { name: "Add question" }).click();
  await expect(page).toHaveURL(new RegExp(`/author/decks/${deckId}\\?saved=`));

  // 2. Numeric, first with a mistake the checker catches inline.
  await page.getByRole("link", { name: "Add a question" }).click();
  await page.getByLabel("Type").selectOption("numeric");
  await page.getByLabel("Prompt").fill("Of 90 flagged transactions 72 are fraud. What is the precision?");
  await page.getByLabel("Answer", { exact: true }).fill("0.8");
  await page.getByLabel("Explanation").fill("72 / 90 = 0.8.");
  await addTerm("nothing-like-this");
  await expect(page.getByText('No glossary term "nothing-like-this"')).toBeVisible();
  await page.getByRole("button", { name: "Add question" }).click();
  await expect(page.locator("#question-terms-error")).toContainText("needs at least one glossary term");
  await addTerm("Precision (precision)");
  await page.getByRole("button", { name: "Add question" }).click();
  await expect(page).toHaveURL(new RegExp(`/author/decks/${deckId}\\?saved=`));

  // 3. Open answer with math, previewed as KaTeX.
  await page.getByRole("link", { name: "Add a question" }).click();
  await page.getByLabel("Type").selectOption("open");
  await page
    .getByLabel("Prompt")
    .fill("Derive $F_1 = \\frac{2PR}{P + R}$ from the harmonic mean of precision and recall.");
  await page
    .getByLabel("Model answer")
    .fill("The harmonic mean of $P$ and $R$ is $\\frac{2}{1/P + 1/R}$, which simplifies to $\\frac{2PR}{P+R}$.");
  await page.getByLabel("Rubric (one point per line)").fill("Writes the harmonic mean\nSimplifies correctly");
  await page.getByLabel("Explanation").fill("The harmonic mean punishes a low value of either metric.");
  await addTerm("f1-score");
  await expect(preview.locator("math").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Add question" }).click();
  await expect(page).toHaveURL(new RegExp(`/author/decks/${deckId}\\?saved=`));

  await expect(page.locator("tbody tr")).toHaveCount(3);
  await page.getByRole("button", { name: "Publish deck" }).click();
  await expect(page.getByRole("status").first()).toContainText("Published the deck and 3 draft questions.");
  await expectNoAxeViolations(page);

  // A candidate finds it in /decks and practises it.
  const candidate = await browser.newPage();
  await signUp(candidate, uniqueEmail("practiser"));
  await candidate.goto("/decks");
  await candidate.getByRole("link", { name: title }).click();
  await candidate.getByRole("radio", { name: "Precision" }).check();
  await candidate.getByRole("button", { name: /Check answer/ }).click();
  await expect(candidate.getByRole("heading", { name: "Correct." })).toBeVisible();
  await candidate.keyboard.press("Enter");
  await candidate.getByLabel("Your answer (a number)").fill("0.5");
  await candidate.keyboard.press("Enter");
  await expect(candidate.getByRole("heading", { name: "Not quite." })).toBeVisible();
  await candidate.keyboard.press("Enter");
  await expect(candidate.locator("article.question math").first()).toBeVisible();
  await candidate.getByLabel("Your answer").fill("Harmonic mean, then simplify.");
  await candidate.keyboard.press("Control+Enter");
  // The grade keys work once the model answer is shown; pressed before, "3" reaches the answer field.
  await expect(candidate.getByRole("heading", { name: "Model answer" })).toBeVisible();
  await candidate.keyboard.press("3");
  await expect(candidate.getByRole("heading", { name: "You graded this Good." })).toBeVisible();

  // The candidate cannot author: the page and the API both refuse, and the deck is unchanged.
  expect((await candidate.goto(`/author/decks/${deckId}`))?.status()).toBe(403);
  const refused = await candidate.request.post(`/api/author/decks/${deckId}/questions`, {
    data: {
      question: {
        type: "true-false",
        difficulty: 1,
        terms: ["precision"],
        tags: [],
        prompt: "Sneaky?",
        explanation: "No.",
        answer: true,
      },
    },
  });
  expect(refused.status()).toBe(403);
  expect((await candidate.request.post(`/api/author/decks/${deckId}/publish`)).status()).toBe(403);
  await candidate.close();

  // The instructor sees the attempts in the item statistics.
  await page.goto(`/author/decks/${deckId}/stats`);
  await expect(page.locator("tbody tr").first().locator("td").nth(0)).toHaveText("1");
  await expect(page.getByText("Sneaky?")).toHaveCount(0);

  // GIFT import: checked first, every type listed, then saved as drafts.
  await page.goto(deckUrl);
  await expect(page.locator("tbody tr")).toHaveCount(3);
  await page.getByLabel("Format").selectOption("gift");
  await page.getByLabel("…or paste the text").fill(EVERY_GIFT_TYPE);
  await page.getByRole("button", { name: "Check the file" }).click();
  const toImport = page.getByRole("table", { name: "Questions to import" });
  await expect(toImport.locator("tbody tr")).toHaveCount(7);
  for (const type of ["single", "multiple", "true-false", "numeric", "short", "open"])
    await expect(toImport.getByRole("cell", { name: type, exact: true }).first()).toBeVisible();
  await page.getByRole("button", { name: "Import 7 questions" }).click();
  await expect(page.getByText("Imported 7 questions as drafts.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Questions in deck order" }).locator("tbody tr")).toHaveCount(10);
});

test("the question editor shuffles the preview, shows the authored order on request, and advises on a give-away option", async ({
  page,
}) => {
  // A sign-up, a role set by the operator's script, a deck and a question with several previews.
  test.slow();
  await openEditorInNewDeck(page, "Cue drill", "Checking the editor's advice.");

  const texts = ["Precision, the share of flagged emails that really are spam", "Recall", "Specificity", "Accuracy"];
  await page.getByLabel("Prompt").fill("A spam filter flags 50 emails; 40 are spam. Which metric is 40/50?");
  await page.getByLabel("Choice 1", { exact: true }).fill(texts[0]!);
  await page.getByLabel("Choice 2", { exact: true }).fill(texts[1]!);
  for (const text of texts.slice(2)) {
    await page.getByRole("button", { name: "Add choice" }).click();
    await page.getByLabel(`Choice ${texts.indexOf(text) + 1}`, { exact: true }).fill(text);
  }
  await expect(page.getByTestId("choice-advice")).toContainText("much longer than the others");
  await expect(page.getByRole("link", { name: "How to write options that test knowledge" })).toHaveAttribute(
    "href",
    "/author/item-writing",
  );

  const preview = page.getByTestId("question-preview");
  const shownChoices = () => preview.locator(".choice__text > span:first-child").allTextContents();
  await page.getByLabel("Show the choices in the authored order").check();
  await expect.poll(shownChoices).toEqual(texts);
  await page.getByLabel("Show the choices in the authored order").uncheck();
  // Shuffled previews: within a few redraws one shows another order (each keeps the authored one 1 time in 24).
  let redraws = 0;
  await expect
    .poll(async () => {
      await page.getByLabel("Choice 4", { exact: true }).fill(redraws++ % 2 ? `${texts[3]} ` : texts[3]!);
      return (await shownChoices()).join("|");
    })
    .not.toBe(texts.join("|"));

  // Shortening the correct option below another clears the advice; turning shuffling off is the author's choice.
  await page.getByLabel("Choice 1", { exact: true }).fill("Precision");
  await expect(page.getByTestId("choice-advice")).toHaveCount(0);
  await page.getByLabel(/Shuffle the choices for each candidate/).uncheck();
  await expectNoAxeViolations(page);
  await page.goto("/author/item-writing");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Writing choice questions that measure knowledge");
});

test("a GIFT file whose questions lack explanations imports whole, as drafts that say what they need; they publish once written", async ({
  page,
}) => {
  test.slow(); // a sign-up, an import through the worker thread, an edit and three publishes
  await openEditorInNewDeck(page, "Bank move", "Questions brought from another tool.");
  const deckUrl = page.url().replace(/\/questions\/new$/, "");
  await page.goto(deckUrl);
  await page.getByLabel("Format").selectOption("gift");
  await page
    .getByLabel("…or paste the text")
    .fill(
      [
        "::with-feedback:: Precision ignores false negatives. {TRUE####Precision is TP over predicted positives.}",
        "::no-feedback:: Recall ignores false positives. {TRUE}",
        "::essay:: Explain when recall matters more than precision. {}",
      ].join("\n\n"),
    );
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByTestId("import-counts")).toHaveText(
    "Read 3 questions: 1 ready, 2 need work, 0 problems in questions that cannot be imported.",
  );
  const toImport = page.getByRole("table", { name: "Questions to import" });
  await expect(toImport.getByRole("cell", { name: "needs an explanation", exact: true })).toBeVisible();
  await expect(
    toImport.getByRole("cell", { name: "needs an explanation, a model answer and a rubric", exact: true }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Import 3 questions" }).click();
  await expect(page.getByText("Imported 3 questions as drafts; 2 of them need")).toBeVisible();

  const rows = page.getByRole("table", { name: "Questions in deck order" }).locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("draft: needs an explanation");
  await page.getByRole("button", { name: "Publish deck" }).click();
  await expect(page.getByRole("status").first()).toContainText(
    "Published the deck and 1 draft question. 2 drafts still need an explanation, model answer or rubric and stay drafts.",
  );

  // The editor shows what is missing next to its field; once written, the draft publishes.
  await rows.nth(1).getByRole("link").click();
  await expect(page.locator("#question-explanation-error")).toContainText("Explanation");
  await page.getByLabel("Explanation").fill("Recall is TP over actual positives: false positives never enter it.");
  await expect(page.locator("#question-explanation-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draft saved." })).toBeVisible();
  await page.goto(deckUrl);
  await expect(rows.nth(1)).not.toContainText("needs an explanation");
  await rows.nth(1).getByRole("button", { name: "Publish question 2" }).click();
  await expect(rows.nth(1)).toContainText("published (rev. 1)");
  // The essay still lacks its parts: publishing it alone is refused with what it needs.
  await rows.nth(2).getByRole("button", { name: "Publish question 3" }).click();
  await expect(page.getByRole("status").first()).toContainText(
    "needs an explanation, a model answer and a rubric before it can be published",
  );
});
