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

  pasteBox(): Locator {
    return this.page.getByRole("textbox", { name: "Paste an export", exact: true });
  }

  /** Keeps the pasted text as a file and empties the box for another. */
  async pasteAnother() {
    await this.page.getByRole("button", { name: "Paste another", exact: true }).click();
  }

  filePicker(): Locator {
    return this.page.getByLabel("Choose files", { exact: true });
  }

  /** The item of a file in the list of files read. */
  file(name: string): Locator {
    return this.page
      .getByRole("list", { name: "Files read" })
      .getByRole("listitem")
      .filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `) });
  }

  async remove(name: string) {
    await this.page.getByRole("button", { name: `Remove ${name}`, exact: true }).click();
  }

  /** Drops files on the panel's drop zone, as a browser does. */
  async drop(files: { name: string; text: string }[]) {
    const dataTransfer = await this.page.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([f.text], f.name, { type: "application/json" }));
      return dt;
    }, files);
    await this.page.locator(".import-source").dispatchEvent("drop", { dataTransfer });
  }

  choice(label: string): Locator {
    return this.page.getByRole("checkbox", { name: label, exact: true });
  }

  /** The picker that ties an incident to a deployment. */
  tie(incident: string): Locator {
    return this.picker(`Tie ${incident} to`);
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
