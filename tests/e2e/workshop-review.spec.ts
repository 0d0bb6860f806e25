import { expect, test } from "@playwright/test";
import { WorkshopPage, isoDay, seed, watchErrors } from "./pages/workshop";

const goal = (id: number, title: string, metric: string, target: number, start: number, deadline: number, checkIn: [number, number]) => ({
  id,
  level: "Operational",
  title,
  target: { measure: { Baseline: metric }, target },
  start: isoDay(start),
  deadline: isoDay(deadline),
  check_ins: [{ date: isoDay(checkIn[0]), actual: checkIn[1] }],
});

/** Last quarter's scenario, with the check-ins added since. The baseline is
 * the default one: 2 deploys a month, 5 days' lead time, 18% change
 * failures, 6 hours to recover, 12% rework. Four goals run from 60 days ago
 * to 60 days ahead, so a check-in yesterday is due 59/120 ≈ 49% of the way. */
const lastRound = {
  team: "Payments API",
  goals: [
    // 1.2 a day reaches the target of 1: met.
    goal(1, "Deploy every working day", "DeployFrequency", 1, -60, 60, [-2, 1.2]),
    // The deadline passed 10 days ago at 100 hours, against 48: missed.
    goal(2, "Cut lead time to two days", "LeadTime", 48, -120, -10, [-15, 100]),
    // 18% → 13.5% is 50% of the way to 9%, against 49% due: on track.
    goal(3, "Halve change failures", "ChangeFailureRate", 9, -60, 60, [-1, 13.5]),
    // 12% → 9.6% is 40% of the way to 6%: 81% of the pace, lagging.
    goal(4, "Halve rework", "ReworkRate", 6, -60, 60, [-1, 9.6]),
    // 6 → 5.8 hours is 4% of the way to 1 hour: 8% of the pace, at risk.
    goal(5, "Recover within an hour", "RecoveryTime", 1, -60, 60, [-1, 5.8]),
  ],
  workshop: { committed: [1, 2, 3, 4, 5] },
};

test("the room begins with the last round: its committed goals and where each stands", async ({ page }) => {
  const errors = watchErrors(page);
  // The link shared at the end of the last round.
  await seed(page, lastRound);
  await page.getByRole("button", { name: "Share link" }).click();
  const link = await page.getByRole("textbox", { name: "Link to this scenario and screen" }).inputValue();
  await page.evaluate(() => localStorage.clear());
  await page.reload();

  const w = new WorkshopPage(page);
  await w.open();
  await w.expectStep(1, "Baseline");
  await page.getByRole("checkbox", { name: "Begin with a review of the last round" }).check();
  await page.keyboard.press("Home");
  await w.expectStep(1, "Review", 6);
  await page.getByRole("textbox", { name: "Last round's link" }).fill(link);
  await page.getByRole("button", { name: "Review the last round" }).click();
  const table = page.getByRole("table", { name: /Last round's committed goals for “Payments API”/ });
  await expect(table.getByRole("row")).toHaveCount(6);
  const verdicts: [string, string][] = [
    ["Deploy every working day", "Met"],
    ["Cut lead time to two days", "Missed"],
    ["Halve change failures", "On track"],
    ["Halve rework", "Lagging"],
    ["Recover within an hour", "At risk"],
  ];
  for (const [title, verdict] of verdicts) {
    await expect(w.row(`Operational: ${title}`).getByRole("cell").first()).toHaveText(verdict);
  }
  await expect(w.row("Operational: Cut lead time to two days")).toContainText("the deadline");

  // The review is the walk's first step; the room moves on to the Baseline.
  await page.keyboard.press("ArrowRight");
  await w.expectStep(2, "Baseline", 6);
  await page.keyboard.press("End");
  await w.expectStep(6, "Commit", 6);
  // Dropping the review puts the walk back to five steps.
  await w.goTo("Review");
  await page.getByRole("checkbox", { name: "Begin with a review of the last round" }).uncheck();
  await w.expectStep(1, "Baseline");
  expect(errors).toEqual([]);
});
