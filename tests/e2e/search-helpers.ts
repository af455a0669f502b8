import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Opens the search palette with a keyboard shortcut and returns its input. The shortcut listener is
 * attached when the page hydrates; a key pressed before that does nothing, so the key is pressed again
 * until the palette's input has the focus.
 */
export async function openPalette(page: Page, key: "Control+K" | "/" = "Control+K"): Promise<Locator> {
  const input = page.getByRole("combobox", { name: "Search terms" });
  await expect(async () => {
    if (!(await input.isVisible())) await page.keyboard.press(key);
    await expect(input).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  return input;
}
