import { expect, type Locator, type Page } from "@playwright/test";

/** "Import from data" on the Baseline screen, driven by role and label. */
export class ImportSection {
  constructor(readonly page: Page) {}

  toggle(): Locator {
    return this.page.getByRole("button", { name: "Import from data", exact: true });
  }

  /** Goes to the Baseline screen and opens the panel, as a user would. */
  async open() {
    await this.page.goto("#/baseline");
    await expect(this.toggle()).toHaveAttribute("aria-expanded", "false");
    await this.toggle().click();
    await expect(this.toggle()).toHaveAttribute("aria-expanded", "true");
    await expect(this.page.getByRole("button", { name: "Try with sample data" })).toBeVisible();
  }

  async trySample() {
    await this.page.getByRole("button", { name: "Try with sample data" }).click();
  }

  /** The measured-baseline row of a metric. */
  row(metric: string): Locator {
    return this.page
      .getByRole("table", { name: "Measured baseline" })
      .getByRole("row")
      .filter({ has: this.page.getByRole("rowheader", { name: metric, exact: true }) });
  }

  pasteBox(label: "Deployments CSV" | "Incidents CSV (optional)"): Locator {
    return this.page.getByRole("textbox", { name: label, exact: true });
  }

  filePicker(label: "Choose deployments file" | "Choose incidents file"): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async apply() {
    await this.page.getByRole("button", { name: "Apply to baseline" }).click();
  }

  picker(label: string): Locator {
    return this.page.getByRole("combobox", { name: label, exact: true });
  }

  timing(): Locator {
    return this.page.getByText(/^Read and computed in [\d,]+ ms/);
  }
}
