import { expect, test } from "@playwright/test";
import { WorkshopPage, castBallot, isoDay, longDay, seed, watchErrors } from "./pages/workshop";

const daily = "Deploy every working day";
const recover = "Recover from failed deployments within an hour";
const flaky = "Halve flaky test retries";

/** The facilitator's scenario: three candidate goals of their own. */
const room = {
  team: "Payments API",
  goals: [daily, recover, flaky].map((title, i) => ({ id: i + 1, level: "Operational", title })),
};

test("five devices send ballots, the room sees only who has voted until the reveal, and the outcome is kept", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await seed(page, room);
  const w = new WorkshopPage(page);
  await w.open();
  await w.goTo("Commit");

  // The facilitator starts the workshop and makes the participants' link.
  await page.getByRole("textbox", { name: "Workshop name" }).fill("Payments API, Q3");
  await page.getByRole("textbox", { name: "Facilitator (optional)" }).fill("Fay");
  await page.getByRole("button", { name: "Start the workshop" }).click();
  await expect(page.getByText(/^This workshop is “Payments API, Q3”, started on .+, code [0-9A-F]{4}\.$/)).toBeVisible();
  await page.getByRole("button", { name: "Make the link for participants' devices" }).click();
  const invitation = await page.getByRole("textbox", { name: "Link for participants' devices" }).inputValue();
  expect(invitation).toContain("#/workshop?s=3.");

  const votes: [string, string[]][] = [
    ["Ana", [flaky, flaky, flaky]],
    ["Bo", [daily, recover, flaky]],
    ["Cy", [recover, recover, daily]],
    ["Dee", [daily, flaky, flaky]],
    ["Eve", [recover, daily, flaky]],
    // Ana changes her mind and sends a second ballot.
    ["Ana", [daily, daily, recover]],
  ];
  const links: string[] = [];
  for (const [name, dots] of votes) links.push(await castBallot(browser, info, invitation, name, dots));
  // One arrives cut short.
  const damaged = links[1].slice(0, -8);
  const pasted = [...links.slice(0, 5), damaged, links[5]];

  await page.getByRole("textbox", { name: "Ballot links, one per line" }).fill(pasted.join("\n"));
  await page.getByRole("button", { name: "Merge the ballots" }).click();
  const outcomes = page.getByRole("list", { name: "Each ballot" }).getByRole("listitem");
  await expect(outcomes).toHaveText([
    "Line 1: Ana's ballot is in; Ana joins the voters.",
    "Line 2: Bo's ballot is in; Bo joins the voters.",
    "Line 3: Cy's ballot is in; Cy joins the voters.",
    "Line 4: Dee's ballot is in; Dee joins the voters.",
    "Line 5: Eve's ballot is in; Eve joins the voters.",
    /^Line 6: This ballot is damaged \(.+\)\. Ask the voter to copy it again, in full\.$/,
    "Line 7: Ana's ballot replaces the one on line 1.",
  ]);
  await expect(page.getByText("5 ballots added, 1 ballot replaced an earlier ballot, 1 ballot refused.")).toBeVisible();

  // The room's screen: who has voted, and no counts.
  await expect(page.getByText("5 of 5 ballots in.", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Who has voted" }).getByRole("listitem")).toHaveText([
    "Ana: voted",
    "Bo: voted",
    "Cy: voted",
    "Dee: voted",
    "Eve: voted",
  ]);
  await expect(w.ranking()).not.toContainText(/\d dots?/);
  await expect(w.row(`Operational: ${daily}`)).toContainText("Hidden until the reveal");

  // The reveal: a plain table, ranked. Ana's second ballot counts, not her first.
  // Daily: Ana 2 + Bo, Cy, Dee, Eve 1 each = 6; recover: Ana 1, Bo 1, Cy 2, Eve 1 = 5;
  // flaky: Bo 1, Dee 2, Eve 1 = 4.
  await page.getByRole("button", { name: "Reveal the votes" }).click();
  await expect(page.getByText("Revealed: 5 of 5 ballots in.", { exact: true })).toBeVisible();
  const rows = w.ranking().getByRole("row");
  await expect(rows.nth(1)).toContainText(`1Operational: ${daily}6 dots`);
  await expect(rows.nth(2)).toContainText(`2Operational: ${recover}5 dots`);
  await expect(rows.nth(3)).toContainText(`3Operational: ${flaky}4 dots`);

  // The room commits to the top two and says who does what first.
  await page.getByLabel("Commit the top").fill("2");
  await page.getByRole("button", { name: "Commit the top-ranked goals" }).click();
  await expect(page.getByRole("list", { name: "Committed goals" }).getByRole("listitem")).toHaveText([
    `Operational: ${daily}`,
    `Operational: ${recover}`,
  ]);
  for (const [title, owner, days] of [
    [daily, "Bo", 14],
    [recover, "Cy", 21],
  ] as const) {
    const card = w.action(`Operational: ${title}`);
    await card.getByRole("textbox", { name: "Owner" }).fill(owner);
    await card.getByLabel("First check-in").fill(isoDay(days));
    await expect(card).toContainText("Still needs a first initiative.");
  }
  const rollbacks = w.action(`Operational: ${recover}`);
  await rollbacks.getByRole("textbox", { name: "Or add an initiative under it" }).fill("Automate rollbacks");
  await rollbacks.getByRole("button", { name: "Add as its first initiative" }).click();
  await expect(rollbacks).toContainText("Ready.");
  await expect(rollbacks.getByRole("combobox", { name: "First initiative" })).toHaveValue("1");

  // The record, on screen and as files.
  const record = page.getByRole("region", { name: "A record to keep" });
  await expect(record.getByRole("row").nth(1)).toContainText(
    `Operational: ${daily}Facilitator6Bo${longDay(14)}—`,
  );
  const md = await w.export("Markdown");
  expect(md.name).toBe("flywheel-payments-api-q3-workshop.md");
  expect(md.text).toContain("# Workshop: Payments API, Q3\n");
  expect(md.text).toContain("- Facilitator: Fay\n");
  expect(md.text).toContain("- Vote on goals: 5 of 5 ballots in, revealed\n");
  expect(md.text).toContain(`| Operational: ${daily} | Facilitator | 6 | Bo | ${longDay(14)} | — |\n`);
  expect(md.text).toContain(
    `| Operational: ${recover} | Facilitator | 5 | Cy | ${longDay(21)} | Automate rollbacks |\n`,
  );
  const csv = await w.export("CSV");
  expect(csv.name).toBe("flywheel-payments-api-q3-workshop.csv");
  expect(csv.text.split(/\r?\n/).filter((l) => l)).toEqual([
    "Goal,Level,Proposed by,Dots,Owner,First check-in,First initiative",
    `${daily},Operational,Facilitator,6,Bo,${isoDay(14)},`,
    `${recover},Operational,Facilitator,5,Cy,${isoDay(21)},Automate rollbacks`,
  ]);
  const json = JSON.parse((await w.export("JSON")).text);
  expect(json.goals.map((g: { dots: number }) => g.dots)).toEqual([6, 5]);
  expect(errors).toEqual([]);
});
