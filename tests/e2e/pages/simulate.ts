import { expect, type Locator, type Page } from "@playwright/test";

/** The Simulate screen, driven by role and visible label. */
export class SimulatePage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("#/simulate");
    await expect(this.page.getByRole("heading", { level: 1, name: "Simulate" })).toBeVisible();
    await expect(this.timing()).toContainText("Simulated");
  }

  slider(label: string): Locator {
    return this.page.getByRole("slider", { name: label, exact: true });
  }

  /** Picks an option of a labelled choice by its visible text. */
  async choose(label: string, option: string) {
    await this.page.getByRole("combobox", { name: label, exact: true }).selectOption({ label: option });
  }

  timing(): Locator {
    return this.page.locator(".simulate__timing");
  }

  /** The median band path, a proxy for "the chart moved". */
  async medianPath(): Promise<string> {
    return (await this.page.locator(".chart__median--0").getAttribute("d")) ?? "";
  }

  comparisonRow(name: string | RegExp): Locator {
    return this.page.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name }) });
  }

  async millis(): Promise<number> {
    const text = (await this.timing().textContent()) ?? "";
    const m = text.match(/in ([\d,]+) ms/);
    return m ? Number(m[1].replace(/,/g, "")) : NaN;
  }
}
