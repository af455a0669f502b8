import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../axe";
import { answerCurrent, answeredTotal, signUp, uniqueEmail } from "../practice-helpers";

// The same app on PostgreSQL (the `postgresql` project's server, started on a fresh database that its
// start migrated): the journey every candidate makes, end to end.
test("on PostgreSQL: sign up, answer, see progress", async ({ page, request }) => {
  test.slow(); // a sign-up, two answers and three cold pages on a server that just started
  expect(await (await request.get("/api/health")).json()).toMatchObject({ db: "postgresql" });

  await signUp(page, uniqueEmail("postgresql"));
  await page.goto("/decks/evaluation-metrics");
  await answerCurrent(page, true);
  await page.keyboard.press("Enter");
  await answerCurrent(page, false);

  await page.goto("/progress");
  expect(await answeredTotal(page)).toBe("2");
  await page.reload();
  expect(await answeredTotal(page)).toBe("2");
  await expectNoAxeViolations(page);
});
