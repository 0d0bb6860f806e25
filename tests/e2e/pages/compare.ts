import { expect, type Locator, type Page } from "@playwright/test";

/** The Compare screen, reached and driven by role and visible label. */
export class ComparePage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole("link", { name: "Compare", exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Compare" })).toBeVisible();
  }

  async addLink(link: string) {
    await this.page.getByRole("textbox", { name: "Share link", exact: true }).fill(link);
    await this.page.getByRole("button", { name: "Add link", exact: true }).click();
  }

  async addSaved(name: string) {
    await this.page.getByRole("combobox", { name: "Saved scenario", exact: true }).selectOption({ label: name });
    await this.page.getByRole("button", { name: "Add saved scenario", exact: true }).click();
  }

  table(caption: RegExp): Locator {
    return this.page.getByRole("table", { name: caption });
  }

  baseline(): Locator {
    return this.table(/^Baseline and DORA's /);
  }

  goals(): Locator {
    return this.table(/^Chance of meeting each goal/);
  }

  budget(): Locator {
    return this.table(/^SLO, error budget and freeze policy/);
  }

  /** A table's row by its header. */
  row(table: Locator, name: string): Locator {
    return table.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name, exact: true }) });
  }

  charts(): Locator {
    return this.page.locator(".compare__charts").getByRole("img");
  }

  emptyState(): Locator {
    return this.page.getByText("Add at least two scenarios to compare them.");
  }

  /** Fails when NaN or an infinity is visible anywhere on the page. */
  async expectNoNonsense() {
    const text = await this.page.locator("body").innerText();
    expect(text).not.toMatch(/NaN|Infinity|∞|undefined/);
  }
}
