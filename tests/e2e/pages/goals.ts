import { expect, type Locator, type Page } from "@playwright/test";

/** The Goals screen, reached and driven by role and visible label. */
export class GoalsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("#/goals");
    await expect(this.page.getByRole("heading", { level: 1, name: "Goals" })).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByRole("textbox", { name: label, exact: true });
  }

  picker(label: string): Locator {
    return this.page.getByRole("combobox", { name: label, exact: true });
  }

  date(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Adds a goal through the "Add a goal" form. */
  async add(level: string, title: string, parent?: string) {
    await this.picker("Level").selectOption({ label: level });
    await this.field("Goal title").fill(title);
    if (parent) await this.picker("Parent goal").selectOption({ label: parent });
    await this.page.getByRole("button", { name: "Add goal", exact: true }).click();
    await expect(this.field("Title")).toHaveValue(title);
  }

  /** The chain's list item for a goal (the innermost one holding its button). */
  chainItem(title: string): Locator {
    return this.chain()
      .getByRole("listitem")
      .filter({ has: this.page.getByRole("button", { name: title, exact: true }) })
      .last();
  }

  chain(): Locator {
    return this.page.getByRole("region", { name: "Goal chain" });
  }

  async select(title: string) {
    await this.chain().getByRole("button", { name: title, exact: true }).click();
    await expect(this.field("Title")).toHaveValue(title);
  }

  /** The SMART checklist item for a criterion. */
  criterion(name: string): Locator {
    return this.page
      .getByRole("region", { name: /SMART check/ })
      .getByRole("listitem")
      .filter({ hasText: `${name}:` });
  }

  async expectCriterion(name: string, verdict: "Pass" | "Fail") {
    await expect(this.criterion(name)).toContainText(verdict);
  }

  findings(): Locator {
    return this.page.getByRole("region", { name: "Findings" });
  }

  /** Fails when NaN or an infinity is visible anywhere on the page. */
  async expectNoNonsense() {
    const text = await this.page.locator("body").innerText();
    expect(text).not.toMatch(/NaN|Infinity|∞|undefined/);
  }
}
