import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { WorkshopPage, castBallot, device, seed, watchErrors } from "./pages/workshop";

const daily = "Deploy every working day";
const recover = "Recover from failed deployments within an hour";
const rollbacks = "Automate rollbacks";
const canary = "Canary releases";
const trunk = "Trunk-based development";

/** The facilitator's scenario: two goals and the chain's initiatives under them. */
const room = {
  team: "Payments API",
  goals: [
    { id: 1, level: "Operational", title: daily },
    { id: 2, level: "Operational", title: recover },
    { id: 3, level: "Initiative", title: rollbacks, parent: 2 },
    { id: 4, level: "Initiative", title: canary, parent: 1 },
    { id: 5, level: "Initiative", title: trunk, parent: 1 },
  ],
};

/** The facilitator starts the workshop and returns the participants' link. */
async function start(page: Page, name: string) {
  await page.getByRole("textbox", { name: "Workshop name" }).fill(name);
  await page.getByRole("button", { name: "Start the workshop" }).click();
  await expect(page.getByText(new RegExp(`^This workshop is “${name}”, started on .+, code [0-9A-F]{4}\\.$`))).toBeVisible();
  await page.getByRole("button", { name: "Make the link for participants' devices" }).click();
  return page.getByRole("textbox", { name: "Link for participants' devices" }).inputValue();
}

/** The workshop's code, as its screen names it: "3F9A". */
async function code(page: Page) {
  const line = await page.getByText(/^This workshop is /).textContent();
  return line?.match(/code ([0-9A-F]{4})\.$/)?.[1] ?? "";
}

/** A participant opens the facilitator's link on their own device, chooses
 * the vote on initiatives, places their dots and copies their ballot link;
 * their ballot lists the three initiatives. */
function castOnInitiatives(browser: Browser, info: TestInfo, invitation: string, name: string, dots: string[]) {
  return castBallot(browser, info, invitation, name, dots, {
    vote: "Initiatives",
    check: async (page) => {
      const mine = page.getByRole("table", { name: "Your dots on the initiatives" });
      await expect(mine.getByRole("rowheader")).toHaveText([
        `Initiative: ${rollbacks}`,
        `Initiative: ${canary}`,
        `Initiative: ${trunk}`,
      ]);
    },
  });
}

/** Pastes ballot links and merges them; returns each line's outcome. */
async function merge(page: Page, links: string[]) {
  await page.getByRole("textbox", { name: "Ballot links, one per line" }).fill(links.join("\n"));
  await page.getByRole("button", { name: "Merge the ballots" }).click();
  return page.getByRole("list", { name: "Each ballot" }).getByRole("listitem");
}

test("the room votes on initiatives from devices; a late ballot waits for the vote to re-open, and the record keeps the ranking", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await seed(page, room);
  const w = new WorkshopPage(page);
  await w.open();
  await w.goTo("Commit");
  const invitation = await start(page, "Payments API, Q3");
  await page.getByRole("combobox", { name: "Vote on" }).selectOption({ label: "Initiatives" });
  await expect(page.getByRole("table", { name: /^Initiatives ranked by dots/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /^Goals ranked by dots/ })).toHaveCount(0);

  // Ana's and Bo's ballots, from their own devices.
  const ana = await castOnInitiatives(browser, info, invitation, "Ana", [canary, canary, rollbacks]);
  const bo = await castOnInitiatives(browser, info, invitation, "Bo", [rollbacks, trunk, canary]);

  await expect(await merge(page, [ana, bo])).toHaveText([
    "Line 1: Ana's ballot is in; Ana joins the voters.",
    "Line 2: Bo's ballot is in; Bo joins the voters.",
  ]);
  await expect(page.getByText("2 of 2 ballots in.", { exact: true })).toBeVisible();
  await expect(w.ranking()).not.toContainText(/\d dots?/);
  await expect(w.row(`Initiative: ${canary}`)).toContainText("Hidden until the reveal");

  // The reveal. Canary: Ana 2 + Bo 1 = 3; rollbacks: Ana 1 + Bo 1 = 2; trunk: Bo 1.
  await page.getByRole("button", { name: "Reveal the votes" }).click();
  await expect(page.getByText("Revealed: 2 of 2 ballots in.", { exact: true })).toBeVisible();
  const rows = w.ranking().getByRole("row");
  await expect(rows.nth(1)).toContainText(`1Initiative: ${canary}3 dots`);
  await expect(rows.nth(2)).toContainText(`2Initiative: ${rollbacks}2 dots`);
  await expect(rows.nth(3)).toContainText(`3Initiative: ${trunk}1 dot`);

  // Cy joins late, from a link made after the reveal: the device shows no
  // counts and takes Cy's dots, and the facilitator's screen refuses the
  // ballot in words, changing nothing.
  await page.getByRole("button", { name: "Make the link for participants' devices" }).click();
  const late = await page.getByRole("textbox", { name: "Link for participants' devices" }).inputValue();
  const cy = await castOnInitiatives(browser, info, late, "Cy", [rollbacks, rollbacks, trunk]);
  await expect(await merge(page, [cy])).toHaveText([
    "Line 1: Cy's ballot came after the reveal of the vote on initiatives, so it was not counted. Re-open the vote to take it.",
  ]);
  await expect(page.getByText("1 ballot refused.", { exact: true })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Ballot links, one per line" })).toHaveValue(cy);
  await expect(page.getByText("Revealed: 2 of 2 ballots in.", { exact: true })).toBeVisible();
  await expect(rows.nth(1)).toContainText(`1Initiative: ${canary}3 dots`);

  // Re-opened, the vote takes Cy's ballot and hides the counts again.
  await page.getByRole("button", { name: "Re-open voting" }).click();
  await expect(page.getByRole("button", { name: "Reveal the votes" })).toBeVisible();
  await expect(w.ranking()).not.toContainText(/\d dots?/);
  await page.getByRole("button", { name: "Merge the ballots" }).click();
  await expect(page.getByRole("list", { name: "Each ballot" }).getByRole("listitem")).toHaveText([
    "Line 1: Cy's ballot is in; Cy joins the voters.",
  ]);
  await expect(page.getByText("3 of 3 ballots in.", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Who has voted" }).getByRole("listitem")).toHaveText([
    "Ana: voted",
    "Bo: voted",
    "Cy: voted",
  ]);
  await expect(w.ranking()).not.toContainText(/\d dots?/);
  for (const title of [rollbacks, canary, trunk]) {
    await expect(w.row(`Initiative: ${title}`)).toContainText("Hidden until the reveal");
  }

  // Revealed again, with Cy's dots: rollbacks 2 + 2 = 4, canary 3, trunk 1 + 1 = 2.
  await page.getByRole("button", { name: "Reveal the votes" }).click();
  await expect(page.getByText("Revealed: 3 of 3 ballots in.", { exact: true })).toBeVisible();
  await expect(rows.nth(1)).toContainText(`1Initiative: ${rollbacks}4 dots`);
  await expect(rows.nth(2)).toContainText(`2Initiative: ${canary}3 dots`);
  await expect(rows.nth(3)).toContainText(`3Initiative: ${trunk}2 dots`);

  // The room commits to both goals; each goal's initiatives come by dots.
  await page.getByRole("combobox", { name: "Vote on" }).selectOption({ label: "Goals" });
  for (const title of [daily, recover]) await page.getByRole("button", { name: `Commit to “${title}”` }).click();
  const first = w.action(`Operational: ${daily}`).getByRole("combobox", { name: "First initiative" });
  await expect(first.getByRole("option")).toHaveText(["None chosen yet", canary, trunk]);
  await first.selectOption({ label: canary });
  await w.action(`Operational: ${recover}`).getByRole("combobox", { name: "First initiative" }).selectOption({ label: rollbacks });

  // The record says what the vote on initiatives decided, on screen and in its files.
  const record = page.getByRole("table", { name: "The vote on initiatives: 3 of 3 ballots in" });
  await expect(record.getByRole("row")).toHaveText([
    "RankInitiativeUnderProposed byDots",
    `1${rollbacks}Operational: ${recover}Facilitator4`,
    `2${canary}Operational: ${daily}Facilitator3`,
    `3${trunk}Operational: ${daily}Facilitator2`,
  ]);
  const md = await w.export("Markdown");
  expect(md.text).toContain("- Vote on goals: 0 of 3 ballots in, not revealed, so the dots are left out\n");
  expect(md.text).toContain("- Vote on initiatives: 3 of 3 ballots in, revealed\n");
  expect(md.text).toContain(
    [
      "## Vote on initiatives\n",
      "| Rank | Initiative | Under | Proposed by | Dots |",
      "| ---: | --- | --- | --- | ---: |",
      `| 1 | ${rollbacks} | Operational: ${recover} | Facilitator | 4 |`,
      `| 2 | ${canary} | Operational: ${daily} | Facilitator | 3 |`,
      `| 3 | ${trunk} | Operational: ${daily} | Facilitator | 2 |`,
    ].join("\n"),
  );
  expect(md.text).toContain(`| Operational: ${daily} | Facilitator | hidden | — | — | ${canary} |\n`);
  const csv = await w.export("CSV");
  expect(csv.text.split(/\r?\n/).filter((l) => l)).toEqual([
    "Goal,Level,Proposed by,Dots,Owner,First check-in,First initiative",
    `${daily},Operational,Facilitator,hidden,,,${canary}`,
    `${recover},Operational,Facilitator,hidden,,,${rollbacks}`,
    `${rollbacks},Initiative,Facilitator,4,,,`,
    `${canary},Initiative,Facilitator,3,,,`,
    `${trunk},Initiative,Facilitator,2,,,`,
  ]);
  const json = JSON.parse((await w.export("JSON")).text);
  expect(json.initiative_vote.ballots).toBe("3 of 3 ballots in");
  expect(json.initiative_vote.initiatives.map((i: { title: string; rank: number; dots: number }) => [i.title, i.rank, i.dots])).toEqual([
    [rollbacks, 1, 4],
    [canary, 2, 3],
    [trunk, 3, 2],
  ]);
  expect(errors).toEqual([]);
});

test("a ballot from another workshop names the workshop it was for", async ({ page, browser }, info) => {
  const errors = watchErrors(page);
  // Another facilitator's workshop, on their own device, with one ballot cast there.
  const other = await device(browser, info);
  await seed(other.page, room);
  const elsewhere = new WorkshopPage(other.page);
  await elsewhere.open();
  await elsewhere.goTo("Commit");
  const otherInvitation = await start(other.page, "Checkout");
  const otherCode = await code(other.page);
  expect(other.errors).toEqual([]);
  await other.context.close();
  const dee = await castOnInitiatives(browser, info, otherInvitation, "Dee", [canary, trunk, rollbacks]);

  await seed(page, room);
  const w = new WorkshopPage(page);
  await w.open();
  await w.goTo("Commit");
  await start(page, "Payments API, Q3");
  const ours = await code(page);
  await expect(await merge(page, [dee])).toHaveText([
    new RegExp(
      `^Line 1: Dee's ballot is for another workshop, “Checkout”, started on .+, code ${otherCode}; this one is “Payments API, Q3”, started on .+, code ${ours}\\.$`,
    ),
  ]);
  await expect(page.getByText("1 ballot refused.", { exact: true })).toBeVisible();
  await page.getByRole("combobox", { name: "Vote on" }).selectOption({ label: "Initiatives" });
  await expect(page.getByText("No voters yet: add them by name, or paste their ballots.")).toBeVisible();
  expect(errors).toEqual([]);
});
