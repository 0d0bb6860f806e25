import { expect, test } from "@playwright/test";
import { BaselinePage } from "./pages/baseline";

// Where you stand, in DORA's current terms: 2025 scores against a chosen
// industry and organisation size, where to focus, and the tiers kept as a
// historical lens that travels in the link.

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test("peers, percentiles, focus and the lens, kept by a link", async ({ page, browser }) => {
  const baseline = new BaselinePage(page);
  await baseline.open();
  // A fresh scenario judges by the 2025 scores, against all respondents.
  await expect(baseline.picker("Judge the baseline by")).toHaveValue("0");
  const all = page.getByRole("table", { name: "DORA 2025 scores (0–10) against all respondents" });
  await expect(all).toBeVisible();
  // The example team deploys twice a month: between once a month and once
  // a week, answer 3, a score of (3 − 1) / 5 × 10 = 4.0, against 4.8 ± 2.8
  // for everyone: z = (4.0 − 4.8) / 2.8 = −0.29, Φ(−0.29) = 0.39, about the
  // 39th percentile.
  const deploy = all.getByRole("row", { name: /^Deployment frequency/ });
  await expect(deploy).toContainText("4.0");
  await expect(deploy).toContainText("4.8 ± 2.8");
  await expect(deploy).toContainText("about the 39th percentile");
  await expect(page.getByText(/Percentiles are approximate/).first()).toBeVisible();

  await baseline.picker("Industry").selectOption({ label: "Financial Services" });
  await baseline.picker("Organisation size").selectOption({ label: "1,000 to 4,999 employees" });
  const finance = page.getByRole("table", { name: /against Financial Services/ });
  const size = page.getByRole("table", { name: /against organisations of 1,000 to 4,999 employees/ });
  await expect(finance.getByRole("row", { name: /^Deployment frequency/ })).toContainText("5.1 ± 2.6");
  await expect(size.getByRole("row", { name: /^Deployment frequency/ })).toContainText("4.7 ± 2.7");
  // The organisation-size file stores recovery inverted: corrected, and said.
  await expect(size.getByRole("row", { name: /^Failed deployment recovery time/ })).toContainText("(corrected)");
  await expect(page.getByText(/Corrected: DORA's organisation-size data stores recovery inverted/)).toBeVisible();

  const focus = page.getByRole("region", { name: "Where to focus" });
  await expect(focus).toContainText(/Focus on /);
  await expect(focus.getByRole("link").first()).toHaveAttribute("href", /^https:\/\/dora\.dev\/capabilities\//);
  await page.getByRole("button", { name: "Start a goal from this" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Goals" })).toBeVisible();
  await page.goBack();

  // Tiers stay, as the historical lens.
  await expect(page.getByRole("heading", { name: "DORA's historical tiers" })).toBeVisible();
  await baseline.picker("Judge the baseline by").selectOption({ label: "DORA's historical tiers" });
  await page.getByRole("button", { name: "Share link" }).click();
  const link = await page.getByRole("textbox", { name: "Link to this scenario and screen" }).inputValue();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  const opened = new BaselinePage(other);
  await expect(opened.picker("Judge the baseline by")).toHaveValue("1");
  await expect(opened.picker("Industry")).toHaveValue(await baseline.picker("Industry").inputValue());
  await expect(other.getByRole("table", { name: /against Financial Services/ })).toBeVisible();
  await fresh.close();
});

test("the seven 2025 team profiles are described, and no team is placed in one", async ({ page }) => {
  await page.goto("#/baseline");
  await page.getByText("About the 2025 report: team profiles instead of tiers").click();
  for (const name of ["Foundational challenges", "Harmonious high-achievers", "Pragmatic performers"]) {
    await expect(page.getByText(name, { exact: false }).first()).toBeVisible();
  }
  await expect(page.getByText(/Flywheel does not place your team in one of these profiles/)).toBeVisible();
});
