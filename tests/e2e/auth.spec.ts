import { expect, test } from "@playwright/test";
import { gotoWithScriptsHeld, PASSWORD, signInViaUi, signUpViaApi, uniqueEmail } from "./helpers";

test("sign up through the form lands in the studio, with the shell", async ({ page }) => {
  const email = uniqueEmail("signup");
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill("Ada");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((u) => u.pathname === "/");
  await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
  // The display name given at sign-up, not the email, says who is signed in.
  await expect(page.getByText("Signed in as Ada")).toBeVisible();
});

test("before the page's script has run its buttons are disabled, so a form is never sent natively with the password in the address", async ({ page }) => {
  // A native submit would be a GET to /sign-up with every field in the query string: every page load is recorded.
  const loads: string[] = [];
  page.on("request", (r) => {
    if (r.isNavigationRequest()) loads.push(r.url());
  });
  const release = await gotoWithScriptsHeld(page, "/sign-up");
  const email = uniqueEmail("prehydration");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  const submit = page.getByRole("button", { name: "Create account" });
  await expect(submit).toBeDisabled();
  await page.getByLabel("Password").press("Enter"); // implicit submission: refused too while the button is disabled
  release();
  await expect(submit).toBeEnabled();
  await submit.click();
  await page.waitForURL((u) => u.pathname === "/");
  expect(loads.filter((u) => new URL(u).search.includes("password"))).toEqual([]);
});

test("sign-up form shows specific field errors before anything is sent", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("The password must be 10 to 200 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("sign out, then sign in again", async ({ page }) => {
  const email = uniqueEmail("cycle");
  await signUpViaApi(page, email);
  await signInViaUi(page, email);
  await page.waitForURL((u) => u.pathname === "/");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((u) => u.pathname === "/sign-in");
  // The page's own status line (the app-wide live regions are status and alert roles too, empty here).
  await expect(page.getByRole("status").filter({ hasText: "You have been signed out." })).toHaveText("You have been signed out.");
  // Signed out: app pages send you back to sign-in.
  await page.goto("/gallery");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fgallery/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === "/gallery");
  await expect(page.getByRole("heading", { level: 1, name: "Gallery" })).toBeVisible();
});

test("wrong password and unknown email get the same message", async ({ page }) => {
  const email = uniqueEmail("wrong");
  await signUpViaApi(page, email);
  await signInViaUi(page, email, "not the password at all");
  const error = page.getByTestId("sign-in-error");
  await expect(error).toHaveText("Email or password is incorrect.");
  await signInViaUi(page, uniqueEmail("nobody"), "not the password at all");
  await expect(error).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("five failures lock the account for this client with a growing delay", async ({ page }) => {
  const email = uniqueEmail("throttle");
  await signUpViaApi(page, email);
  const error = page.getByTestId("sign-in-error");
  for (let i = 0; i < 5; i++) {
    await signInViaUi(page, email, `wrong password ${i}`);
    await expect(error).not.toBeEmpty();
  }
  // Even the right password is refused while locked, with the wait in the message.
  await signInViaUi(page, email, PASSWORD);
  await expect(error).toHaveText(/Too many failed attempts\. Try again in \d+ seconds\./);
});
