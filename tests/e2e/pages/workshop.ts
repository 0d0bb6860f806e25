import { expect, type Locator, type Page } from "@playwright/test";

/** Workshop mode, driven by role and visible label. */
export class WorkshopPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("#/workshop");
    await expect(this.page.getByText(/^Step \d of 5$/)).toBeVisible();
  }

  /** The current step's heading. */
  heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  async expectStep(n: number, title: string) {
    await expect(this.heading()).toHaveText(title);
    await expect(this.page.getByText(`Step ${n} of 5`, { exact: true })).toBeVisible();
  }

  async goTo(title: string) {
    await this.page
      .getByRole("navigation", { name: "Workshop steps" })
      .getByRole("button", { name: title })
      .click();
    await expect(this.heading()).toHaveText(title);
  }

  clock(): Locator {
    return this.page.getByRole("group", { name: "Time box" }).getByRole("paragraph");
  }

  /** The row of the candidate or ranking table that names a goal. */
  row(title: string | RegExp): Locator {
    return this.page
      .getByRole("row")
      .filter({ has: this.page.getByRole("rowheader", { name: title }) });
  }

  async park(idea: string) {
    const lot = this.page.getByText(/^Parking lot \(\d+\)$/);
    if ((await this.page.getByLabel("Idea for later").isVisible()) === false) await lot.click();
    await this.page.getByLabel("Idea for later").fill(idea);
    await this.page.getByRole("button", { name: "Park it" }).click();
  }
}
