import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { openEditorInNewDeck, signUp, uniqueEmail } from "./practice-helpers";

test("a candidate reports a question, its instructor dismisses the report with a reply, and the candidate reads it", async ({
  page,
  browser,
}) => {
  // Two users, a deck written and published, a report sent and answered, axe twice: a journey.
  test.slow();
  await openEditorInNewDeck(page, "Reports drill", "One question to report.");
  await page.getByLabel("Prompt").fill("A spam filter flags 50 emails; 40 are spam. Which metric is 40/50?");
  await page.getByLabel("Choice 1", { exact: true }).fill("Precision");
  await page.getByLabel("Choice 2", { exact: true }).fill("Recall");
  await page.getByLabel("Explanation").fill("Precision divides true positives by everything flagged.");
  await page.getByLabel("Glossary terms").fill("precision");
  await page.getByRole("button", { name: "Add term" }).click();
  await page.getByRole("button", { name: "Add question" }).click();
  await expect(page).toHaveURL(/\/author\/decks\/[^/?]+\?saved=/);
  const deckId = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByRole("button", { name: "Publish deck" }).click();
  await expect(page.getByRole("status").first()).toContainText("Published the deck");

  // The candidate answers, then reports the question from its feedback, with the keyboard.
  // A context of its own (axe needs one made with newContext), so the two users' cookies stay apart.
  const context = await browser.newContext();
  const candidate = await context.newPage();
  await signUp(candidate, uniqueEmail("reporter"));
  await candidate.goto(`/decks/${deckId}`);
  const questionId = (await candidate.locator("article.question").getAttribute("data-question-id"))!;
  await candidate.getByRole("radio", { name: "Recall" }).check();
  await candidate.getByRole("button", { name: /Check answer/ }).click();
  await expect(candidate.getByRole("heading", { name: "Not quite." })).toBeVisible();
  await candidate.locator("summary", { hasText: "Report a problem" }).focus();
  await candidate.keyboard.press("Enter");
  await candidate.getByLabel("What is wrong?").selectOption("unclear");
  await candidate.getByLabel("Note (optional)").fill("Both could be read as 40/50.");
  await expectNoAxeViolations(candidate);
  await candidate.getByRole("button", { name: "Send report" }).click();
  await expect(candidate.getByRole("status").filter({ hasText: "your report was sent" })).toBeVisible();

  // The instructor finds it in the queue, with the revision it was made against, and dismisses it.
  await page.goto("/author");
  await page.getByRole("link", { name: "Reports and suspect questions" }).click();
  const entry = page.locator(`article[data-question-id="${questionId}"]`);
  await expect(entry).toContainText("Unclear or ambiguous on revision 1");
  await expect(entry).toContainText("Both could be read as 40/50.");
  await expectNoAxeViolations(page);
  await entry.getByLabel("Reply to the reporter").fill("Recall would be 40 over all spam, not 40/50.");
  await entry.getByRole("button", { name: "Dismiss" }).click();
  await expect(entry).toHaveCount(0);

  // The candidate reads the outcome on the question's page.
  await candidate.goto(`/questions/${questionId}`);
  const own = candidate.getByRole("region", { name: "Your reports on this question" });
  await expect(own).toContainText("Dismissed");
  await expect(own).toContainText("Recall would be 40 over all spam, not 40/50.");
  await context.close();
});
