import { expect, type Browser, type Locator, type Page, type TestInfo } from "@playwright/test";

/** Workshop mode, driven by role and visible label. */
export class WorkshopPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("#/workshop");
    await expect(this.page.getByText(/^Step \d of [56]$/)).toBeVisible();
  }

  /** The current step's heading. */
  heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** Step `n` of `of` (five, or six when the room begins with a review). */
  async expectStep(n: number, title: string, of = 5) {
    await expect(this.heading()).toHaveText(title);
    await expect(this.page.getByText(`Step ${n} of ${of}`, { exact: true })).toBeVisible();
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

  /** The box a participant types their name into. */
  nameField(): Locator {
    return this.page.getByRole("textbox", { name: "Your name, as the facilitator will see it" });
  }

  /** The vote's table on the room's screen. */
  ranking(): Locator {
    return this.page.getByRole("table", { name: /ranked by dots/ });
  }

  /** The card where a committed goal's first steps are set. */
  action(label: string): Locator {
    return this.page.getByRole("group", { name: label, exact: true });
  }

  /** Clicks an export button and returns the file's name and text. */
  async export(format: "Markdown" | "CSV" | "JSON") {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.page.getByRole("button", { name: `Export ${format}` }).click(),
    ]);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
  }
}

/** Errors a page raises or logs as a panic, collected for a test to assert none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && /panicked|unreachable|already borrowed|disposed/.test(m.text())) {
      errors.push(m.text());
    }
  });
  return errors;
}

/** A fresh browser, as a participant's own device is. */
export async function device(browser: Browser, info: TestInfo) {
  const context = await browser.newContext({ baseURL: info.project.use.baseURL });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

/** A participant opens the facilitator's link on their own device, places
 * their dots there and copies the ballot link they send back. `vote`
 * chooses what the vote runs on first; `check` looks at their ballot
 * before the dots go on. */
export async function castBallot(
  browser: Browser,
  info: TestInfo,
  invitation: string,
  name: string,
  dots: string[],
  options: { vote?: "Initiatives"; check?: (page: Page) => Promise<void> } = {},
) {
  const { context, page, errors } = await device(browser, info);
  await page.goto(invitation);
  const w = new WorkshopPage(page);
  await w.expectStep(5, "Commit");
  if (options.vote) {
    await page.getByRole("combobox", { name: "Vote on" }).selectOption({ label: options.vote });
  }
  await w.nameField().fill(name);
  await expect(page.getByText("You have 3 of 3 dots left.")).toBeVisible();
  if (options.check) await options.check(page);
  for (const title of dots) {
    await page.getByRole("button", { name: `Put one of my dots on “${title}”` }).click();
  }
  await expect(page.getByText("You have 0 of 3 dots left.")).toBeVisible();
  // Their device holds their own ballot, not the room's counts.
  await expect(w.ranking()).not.toContainText(/\d dots?/);
  await page.getByRole("button", { name: "Send my ballot" }).click();
  const link = await page.getByRole("textbox", { name: "Your ballot link" }).inputValue();
  expect(link).toContain("#/workshop?b=b1.");
  expect(errors).toEqual([]);
  await context.close();
  return link;
}

/** Saved work in this browser, as if typed in earlier: `scenario` is the
 * scenario's JSON, its missing fields taking their defaults. */
export async function seed(page: Page, scenario: object) {
  await page.goto("./");
  await page.evaluate(
    (s) => localStorage.setItem("flywheel.working", JSON.stringify({ version: 2, scenario: s })),
    scenario,
  );
  await page.reload();
}

/** A date `days` from today as the model writes it, "2026-12-15". */
export function isoDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** The same date as the app shows it, "15 Dec 2026". */
export function longDay(days: number): string {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}`;
}
