import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { answerCurrent, shippedQuestionOfType, signUp, uniqueEmail } from "./practice-helpers";

test("a calculated question draws new numbers on each attempt, and each attempt is graded against its own numbers", async ({
  page,
}) => {
  const question = shippedQuestionOfType("calculated");
  await signUp(page, uniqueEmail("calculator"));
  const prompt = page.locator("article.question .question__prompt");

  await page.goto(`/questions/${question.id}`);
  const first = await prompt.innerText();
  const firstSeed = await page.locator("article.question").getAttribute("data-seed");
  await answerCurrent(page, true);
  await expect(page.locator(".feedback")).toContainText("Answer:");
  await expectNoAxeViolations(page);

  // A new visit draws again; a repeat of the same numbers is possible but rare, so try a few times.
  let second = first;
  for (let tries = 0; tries < 5 && second === first; tries++) {
    await page.goto(`/questions/${question.id}`);
    second = await prompt.innerText();
  }
  expect(second).not.toBe(first);
  expect(await page.locator("article.question").getAttribute("data-seed")).not.toBe(firstSeed);
  await answerCurrent(page, true);
  await page.goto(`/questions/${question.id}`);
  await answerCurrent(page, false);
});
