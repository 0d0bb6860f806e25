import { expect, test, type Browser, type TestInfo } from "@playwright/test";
import { GoalsPage } from "./pages/goals";
import { WorkshopPage } from "./pages/workshop";

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test("a facilitator walks the five steps by keyboard, with a timer and a parking lot", async ({ page }) => {
  const w = new WorkshopPage(page);
  await w.open();
  await w.expectStep(1, "Baseline");
  // Presenting: the app's own header steps aside.
  await expect(page.getByRole("navigation", { name: "Screens" })).toBeHidden();
  await expect(page.getByRole("list", { name: "Baseline" }).getByRole("listitem")).toHaveCount(5);
  await expect(page.getByRole("list", { name: "Baseline" })).toContainText(/Tier: (Elite|High|Medium|Low)/);

  await page.keyboard.press("ArrowRight");
  await w.expectStep(2, "Goals");
  await page.keyboard.press("PageDown");
  await w.expectStep(3, "Simulate");
  await page.keyboard.press("Space");
  await w.expectStep(4, "Guardrails");
  await expect(page.getByText(/SLO 99\.9% over 30 days: a budget of 43\.2 minutes \(43 m 12 s\)\./)).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await w.expectStep(5, "Commit");
  await page.keyboard.press("ArrowRight");
  await w.expectStep(5, "Commit");
  await page.keyboard.press("PageUp");
  await w.expectStep(4, "Guardrails");
  await page.keyboard.press("Shift+Space");
  await w.expectStep(3, "Simulate");
  await page.keyboard.press("Home");
  await w.expectStep(1, "Baseline");
  await page.keyboard.press("End");
  await w.expectStep(5, "Commit");

  // The step's time box: extend it, run it, pause it.
  await expect(w.clock()).toContainText("15:00 left of 15 min");
  await page.getByRole("button", { name: "Add 5 minutes" }).click();
  await expect(w.clock()).toContainText("20:00 left of 20 min");
  await page.getByRole("button", { name: "Start timer" }).click();
  await expect(w.clock()).toContainText(/19:5\d left/);
  await page.getByRole("button", { name: "Pause timer" }).click();
  const paused = await w.clock().textContent();
  await page.waitForTimeout(1500);
  await expect(w.clock()).toHaveText(paused ?? "");

  // Keys typed into a field stay in the field.
  await w.park("Move to trunk-based development");
  await expect(page.getByText("Parking lot (1)")).toBeVisible();
  await page.getByLabel("Idea for later").fill("Try");
  await page.getByLabel("Idea for later").press("ArrowLeft");
  await page.getByLabel("Idea for later").press("Space");
  await w.expectStep(5, "Commit");

  await page.reload();
  await w.expectStep(5, "Commit");
  await expect(w.clock()).toContainText("of 20 min");
  await expect(page.getByText("Parking lot (1)")).toBeVisible();
  await page.getByRole("link", { name: "Leave the workshop" }).click();
  await expect(page.getByRole("navigation", { name: "Screens" })).toBeVisible();
});

/** A participant drafts goals in their own browser and copies their link. */
async function participantLink(browser: Browser, info: TestInfo, name: string, titles: string[]) {
  const context = await browser.newContext({ baseURL: info.project.use.baseURL });
  const page = await context.newPage();
  const w = new WorkshopPage(page);
  await w.open();
  await w.goTo("Goals");
  const field = page.getByRole("textbox", { name: "Your name, as the facilitator will see it" });
  await field.fill(name);
  await field.press("Tab");
  const goals = new GoalsPage(page);
  await page.getByRole("link", { name: "Goals screen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Goals" })).toBeVisible();
  for (const title of titles) await goals.add("Operational", title);
  await page.getByRole("button", { name: "Share link" }).click();
  const link = await page.getByRole("textbox", { name: "Link to this scenario and screen" }).inputValue();
  await context.close();
  return link;
}

test("participants' links merge, the room dot-votes, and the committed set reaches the report", async ({
  page,
  browser,
}, info) => {
  const recover = "Recover from failed deployments within an hour";
  const daily = "Deploy every working day";
  const flaky = "Halve flaky test retries";
  const links = [
    await participantLink(browser, info, "Ana", [recover]),
    await participantLink(browser, info, "Bo", [daily]),
    await participantLink(browser, info, "Cy", ["recover from failed deployments, within an hour!", flaky]),
  ];

  const w = new WorkshopPage(page);
  await w.open();
  await w.goTo("Goals");
  await page.getByLabel("Participants' links, one per line").fill([...links, "2.not-a-link"].join("\n"));
  await page.getByRole("button", { name: "Merge their goals" }).click();
  const results = page.getByRole("status").filter({ hasText: "Ana:" });
  await expect(results).toContainText("Ana: 1 goal added.");
  await expect(results).toContainText("Bo: 1 goal added.");
  await expect(results).toContainText("Cy: 2 goals added.");
  await expect(results).toContainText(/Link 4: This link is damaged/);
  await expect(w.row(`Operational: ${recover}`)).toContainText("Ana");
  await expect(w.row(`Operational: ${daily}`)).toContainText("Bo");
  const dup = w.row(/recover from failed deployments, within an hour!/);
  await expect(dup).toContainText("Cy");
  await expect(dup).toContainText(`Possible duplicate of “${recover}”`);
  await expect(w.row(`Operational: ${daily}`)).not.toContainText("Possible duplicate");

  // The room removes the duplicate (a slip can be undone) and parks an idea.
  const candidates = page.getByRole("table", { name: /Goals on the table/ }).getByRole("row");
  const removeDup = page.getByRole("button", { name: "Remove “recover from failed deployments, within an hour!”" });
  await removeDup.click();
  await expect(candidates).toHaveCount(4);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(candidates).toHaveCount(5);
  await expect(dup).toContainText("Cy");
  await removeDup.click();
  await expect(candidates).toHaveCount(4);
  await w.park("Replace the CI system");

  await w.goTo("Commit");
  await page.getByRole("button", { name: "Add every proposer as a voter" }).click();
  const voting = page.getByRole("combobox", { name: "Voting now" });
  const dot = (title: string) => page.getByRole("button", { name: `Add a dot to “${title}”` });
  const votes: Record<string, string[]> = {
    Ana: [recover, recover, daily],
    Bo: [daily, daily, recover],
    Cy: [flaky, daily, recover],
  };
  for (const [voter, dots] of Object.entries(votes)) {
    await voting.selectOption(voter);
    for (const title of dots) await dot(title).click();
    await expect(page.getByText(`${voter} has 0 of 3 dots left.`)).toBeVisible();
  }
  // A fourth dot is refused; taking one back frees it.
  await dot(flaky).click();
  await expect(page.getByText("Cy has placed all 3 dots. Take one back to move it.")).toBeVisible();
  await page.getByRole("button", { name: `Take a dot back from “${recover}”` }).click();
  await dot(flaky).click();

  const ranking = page.getByRole("table", { name: /Goals ranked by dots/ });
  const rows = ranking.getByRole("row");
  await expect(rows.nth(1)).toContainText(`1Operational: ${daily}4 dots`);
  await expect(rows.nth(2)).toContainText(`2Operational: ${recover}3 dots`);
  await expect(rows.nth(3)).toContainText(`3Operational: ${flaky}2 dots`);

  await page.getByLabel("Commit the top").fill("2");
  await page.getByLabel("Commit the top").press("Tab");
  await page.getByRole("button", { name: "Commit the top-ranked goals" }).click();
  const committed = page.getByRole("list", { name: "Committed goals" }).getByRole("listitem");
  await expect(committed).toHaveText([`Operational: ${daily}`, `Operational: ${recover}`]);

  // The link carries the workshop: it opens on the same step with the
  // same committed set.
  await page.getByRole("button", { name: "Share link" }).click();
  const link = await page.getByRole("textbox", { name: "Link to this scenario and screen" }).inputValue();
  expect(link).toContain("#/workshop?s=3.");
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await new WorkshopPage(other).expectStep(5, "Commit");
  await expect(other.getByRole("list", { name: "Committed goals" }).getByRole("listitem")).toHaveCount(2);
  await fresh.close();

  await page.getByRole("link", { name: "Open the leadership report" }).click();
  const section = page.getByRole("region", { name: "Committed in the workshop" });
  await expect(section.getByRole("row")).toHaveCount(3);
  await expect(section.getByRole("row").nth(1)).toContainText(`Operational: ${daily}Bo4`);
  await expect(section.getByRole("row").nth(2)).toContainText(`Operational: ${recover}Ana3`);
  await expect(section.getByRole("list", { name: "Parking lot" })).toHaveText("Replace the CI system");
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/NaN|Infinity|undefined/);
});
