import { expect, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";

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

  /** Clicks a button that saves a file; the file's name and text. */
  async download(button: string): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([
      this.page.waitForEvent("download"),
      this.page.getByRole("button", { name: button, exact: true }).click(),
    ]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
  }

  /** Chooses a file for the OpenSLO import, as the file picker would. */
  async importOpenSlo(path: string) {
    await this.page.getByLabel("Choose an OpenSLO file").setInputFiles(path);
  }

  /** Fails when NaN or an infinity is visible anywhere on the page. */
  async expectNoNonsense() {
    const text = await this.page.locator("body").innerText();
    expect(text).not.toMatch(/NaN|Infinity|∞|undefined/);
  }
}
