import { expect, test } from "@playwright/test";
import { WorkshopPage, watchErrors } from "./pages/workshop";

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test("a name typed on the Goals step survives Back, Forward and an edited address, and Share link still works", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const w = new WorkshopPage(page);
  await w.open();
  await w.goTo("Goals");
  // Typed, and the browser's Back pressed while the box still has focus.
  await w.nameField().pressSequentially("Ana");
  await expect(w.nameField()).toBeFocused();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Baseline" })).toBeVisible();
  await page.goForward();
  await w.expectStep(2, "Goals");
  await expect(w.nameField()).toHaveValue("Ana");

  // The same with an address typed into the address bar, typed at the end
  // of the name as a user clicking after it would.
  await w.nameField().focus();
  await w.nameField().press("End");
  await w.nameField().pressSequentially(" Lind");
  const here = page.url();
  await page.goto(here.replace("#/workshop", "#/budget"));
  await expect(page.getByRole("heading", { level: 1, name: "Error budget" })).toBeVisible();
  await page.goto(here);
  await expect(w.nameField()).toHaveValue("Ana Lind");

  // The app is alive: Share link makes a link that carries the name.
  await page.getByRole("link", { name: "Goals screen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Goals" })).toBeVisible();
  await page.getByRole("button", { name: "Share link" }).click();
  const link = page.getByRole("textbox", { name: "Link to this scenario and screen" });
  await expect(link).toHaveValue(/#\/goals\?s=3\./);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("flywheel.working") ?? "{}"));
  expect(saved.scenario.workshop.participant).toBe("Ana Lind");
  expect(errors).toEqual([]);
});
