import { test } from "@playwright/test";
import { CLASS_JOURNEY, classJourney } from "../class-journey";

// The classes journey on the `postgresql` project's server and database (scripts/run-e2e.ts).
test(`on PostgreSQL: ${CLASS_JOURNEY}`, async ({ page, browser }) => {
  test.slow();
  await classJourney(page, browser, process.env.MLPREP_E2E_POSTGRES_URL!);
});
