import { expect, type Page } from "@playwright/test";

/**
 * Edits the saved working scenario and reloads, as saved work from another
 * session would arrive: `patch` is merged into the stored scenario (objects
 * field by field, anything else replaced). Settings no screen offers yet
 * (a lens, a cost per minute) are reached this way.
 */
export async function patchSaved(page: Page, patch: object) {
  // The app saves only after the first edit.
  await expect.poll(() => page.evaluate(() => localStorage.getItem("flywheel.working") !== null)).toBe(true);
  await page.evaluate((patch) => {
    const key = "flywheel.working";
    const saved = JSON.parse(localStorage.getItem(key) ?? "{}");
    const merge = (into: Record<string, unknown>, from: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(from)) {
        const there = into[k];
        if (v && typeof v === "object" && !Array.isArray(v) && there && typeof there === "object") {
          merge(there as Record<string, unknown>, v as Record<string, unknown>);
        } else {
          into[k] = v;
        }
      }
    };
    merge(saved.scenario, patch as Record<string, unknown>);
    localStorage.setItem(key, JSON.stringify(saved));
  }, patch);
  await page.reload();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DD", `n` days ago in local time. */
export function daysAgo(n: number): string {
  const d = new Date(Date.now() - n * 86_400_000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "YYYY-MM-DDTHH:MM", `n` days ago at 10:00 local time. */
export function daysAgoAtTen(n: number): string {
  return `${daysAgo(n)}T10:00`;
}
