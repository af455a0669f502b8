import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { PASSWORD, signIn, signUp, uniqueEmail } from "./practice-helpers";

const NEW_PASSWORD = "a different long passphrase";

async function trySignIn(page: Page, email: string, password: string): Promise<string> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const error = page.locator(".form-error");
  await error.waitFor();
  return (await error.textContent()) ?? "";
}

test("a spoofed X-Forwarded-For changes nothing; after an attack the owner still signs in from their browser, a new one cannot", async ({
  browser,
}) => {
  test.slow(); // eight sign-in round trips, each an argon2 verification
  const email = uniqueEmail("owner");
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await signUp(ownerPage, email);
  expect((await owner.cookies()).map((cookie) => cookie.name)).toContain("mlprep-device");
  await owner.clearCookies({ name: /session-token/ });

  const attacker = await browser.newContext();
  const page = await attacker.newPage();
  for (let guess = 0; guess < 5; guess++) {
    // Every guess claims another address, in every header a client can send; the socket stays the same.
    await page.setExtraHTTPHeaders({
      "x-forwarded-for": `198.51.100.${guess}`,
      "x-real-ip": `198.51.100.${guess}`,
      "x-mlprep-peer-address": `203.0.113.${guess}`,
    });
    expect(await trySignIn(page, email, `wrong guess ${guess}`)).toBe("Email or password is incorrect.");
  }
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.99" });
  expect(await trySignIn(page, email, PASSWORD)).toMatch(/^Too many sign-in attempts/);
  await attacker.close();

  // The owner comes from the same address, but from a browser that signed in before.
  await signIn(ownerPage, email, "/progress");
  await owner.close();
});

test("settings: a password change needs the current one and signs other devices out; sign out of all devices; no axe violations", async ({
  browser,
}) => {
  test.slow(); // two browsers, six sign-in or password round trips and three axe runs
  const email = uniqueEmail("sessions");
  const first = await browser.newContext();
  const here = await first.newPage();
  await signUp(here, email, "/settings");
  const second = await browser.newContext();
  const there = await second.newPage();
  await signIn(there, email, "/settings");
  await expectNoAxeViolations(here);

  await here.getByLabel("Current password").fill("not my password");
  await here.getByLabel("New password").fill(NEW_PASSWORD);
  await here.getByRole("button", { name: "Change password" }).click();
  await expect(here.getByText("The current password is not right.")).toBeVisible();
  await here.getByLabel("Current password").fill(PASSWORD);
  await here.getByLabel("New password").fill(NEW_PASSWORD);
  await here.getByRole("button", { name: "Change password" }).click();
  await expect(here.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
  await expectNoAxeViolations(here);

  // This browser stays signed in; the other one is out, and only the new password lets it back in.
  await here.reload();
  await expect(here.getByRole("heading", { name: "Settings" })).toBeVisible();
  await there.reload();
  await expect(there).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings$/);
  expect(await trySignIn(there, email, PASSWORD)).toBe("Email or password is incorrect.");
  await there.getByLabel("Password").fill(NEW_PASSWORD);
  await there.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(there).toHaveURL(/\/decks$/);

  await there.goto("/settings");
  await there.getByRole("button", { name: "Sign out of all devices" }).click();
  await expect(there).toHaveURL(/\/sign-in\?signedOut=everywhere$/);
  await expect(there.getByRole("status")).toHaveText("You are signed out on every device.");
  await expectNoAxeViolations(there);
  await here.reload();
  await expect(here).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings$/);
  await first.close();
  await second.close();
});

test("the sign-in and sign-up pages tell the server the browser's time zone before the first signed-in page", async ({
  browser,
}) => {
  for (const [path, timezoneId] of [
    ["/sign-up", "Europe/Paris"],
    ["/sign-in", "Pacific/Chatham"],
  ] as const) {
    const context = await browser.newContext({ timezoneId });
    const page = await context.newPage();
    await page.goto(path);
    const zone = async () => (await context.cookies()).find((cookie) => cookie.name === "tz")?.value;
    await expect.poll(zone).toBe(timezoneId);
    await context.close();
  }
});
