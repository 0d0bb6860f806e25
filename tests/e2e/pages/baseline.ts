import { expect, type Locator, type Page } from "@playwright/test";

/** The Baseline screen, reached and driven by role and visible label. */
export class BaselinePage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("#/baseline");
    await expect(this.page.getByRole("heading", { level: 1, name: "Baseline" })).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByRole("textbox", { name: label, exact: true });
  }

  picker(label: string): Locator {
    return this.page.getByRole("combobox", { name: label, exact: true });
  }

  async fill(label: string, value: string) {
    await this.field(label).fill(value);
  }

  card(metric: string): Locator {
    return this.page
      .getByRole("listitem")
      .filter({ has: this.page.getByRole("heading", { name: metric, exact: true }) });
  }

  async expectTier(metric: string, tier: string) {
    await expect(this.card(metric).locator(".tier")).toHaveText(`Tier: ${tier}`);
  }

  /** Fails when NaN or an infinity is visible anywhere on the page. */
  async expectNoNonsense() {
    const text = await this.page.locator("body").innerText();
    expect(text).not.toMatch(/NaN|Infinity|∞|undefined/);
  }
}
