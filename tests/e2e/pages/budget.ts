import { expect, type Locator, type Page } from "@playwright/test";

/** The Error budget screen, reached and driven by role and visible label. */
export class BudgetPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("#/budget");
    await expect(this.page.getByRole("heading", { level: 1, name: "Error budget" })).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByRole("textbox", { name: label, exact: true });
  }

  picker(label: string): Locator {
    return this.page.getByRole("combobox", { name: label, exact: true });
  }

  /** Date and date-time inputs, which have no textbox role. */
  dateInput(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The value shown for a figure, by its term ("Error budget", …). */
  async fill(label: string, value: string) {
    await this.field(label).fill(value);
  }

  figure(term: string): Locator {
    return this.page
      .locator(".figures__item")
      .filter({ has: this.page.getByText(term, { exact: true }) })
      .locator("dd");
  }

  burnDownLine(): Locator {
    return this.page.locator("figure.chart path.chart__line");
  }

  async addIncident(start: string, minutes: string, share: string) {
    await this.dateInput("Incident start").fill(start);
    await this.field("Duration (minutes)").fill(minutes);
    await this.field("Share of traffic affected (%)").fill(share);
    await this.page.getByRole("button", { name: "Add incident" }).click();
  }

  incidentRows(): Locator {
    return this.page.getByRole("table", { name: "Incidents in the scenario" }).locator("tbody tr");
  }

  /** Fails when NaN or an infinity is visible anywhere on the page. */
  async expectNoNonsense() {
    const text = await this.page.locator("body").innerText();
    expect(text).not.toMatch(/NaN|Infinity|∞|undefined/);
  }
}
