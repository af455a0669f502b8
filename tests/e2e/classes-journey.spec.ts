import { test } from "@playwright/test";
import { CLASS_JOURNEY, classJourney } from "./class-journey";

test(CLASS_JOURNEY, async ({ page, browser }) => {
  test.slow();
  await classJourney(page, browser, "file:./data/e2e.db");
});
