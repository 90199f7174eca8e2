// The board, the compliance chart, the case timeline and the playground in headless Chromium, against the standalone
// app on Azurite with cases from every seed policy posted through the real webhook endpoint, at 1400 px and 390 px.
// Screenshots go to a temporary folder, or to docs/ (the README's) with UPDATE_SCREENSHOTS=1.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectionOf, root, startApp } from "./app.mjs";
import { sendEvent } from "../../eng/cloudevents.mjs";
import { DESKTOP, PHONE, fitsWidth, launch, pageWithKey } from "./browser.mjs";

const MIN = 60_000, HOUR = 60 * MIN;
const now = Math.floor(Date.now() / MIN) * MIN;
let app, browser, shots;
const shot = (name) => join(shots, name);

// Each case: policy, id, priority, assignee, opened (ms before now), later events [ms before now, type, data].
// The next due of the 24x7 ones is known without the engine: opening + goal (or reply + cadence).
const cases = [
  { policy: "liveops", id: "LO-1", priority: "p1", assignee: "ana", opened: 3 * HOUR }, // first response (1h) breached 2h ago
  { policy: "liveops", id: "LO-3", priority: "p3", assignee: "bo", opened: 2 * HOUR, events: [[HOUR, "agentReplied"]] }, // met; update due in 119h
  { policy: "liveops", id: "LO-2", priority: "p2", assignee: "ana", opened: HOUR }, // first response due in 3h
  { policy: "xecuritas", id: "XE-R", priority: "p1", assignee: "bo", opened: 50 * MIN }, // due in 10m; at risk since 75 %, 5m ago
  { policy: "xecuritas", id: "XE-1", priority: "p1", assignee: "ana", opened: 20 * MIN }, // first response due in 40m
  { policy: "phonism", id: "PH-5", priority: "p5", assignee: "bo", opened: 30 * MIN }, // first response (24h) due in 23h30m
  { policy: "lumedx", id: "LX-2", priority: "p2", assignee: "bo", opened: 15 * MIN }, // business days on Los Angeles hours
  { policy: "lumenvox", id: "LV-1", priority: "p1", assignee: "bo", opened: 5 * MIN },
  { policy: "lumenvox", id: "LV-P", priority: "p2", assignee: null, opened: 50 * MIN, // replied, then waiting on the customer
    events: [[45 * MIN, "agentReplied"], [40 * MIN, "statusChanged", { status: "pending" }]] },
  // Pending too, but xecuritas counts the 10 days the customer has to answer: a clock runs while the case waits.
  { policy: "xecuritas", id: "XE-P", priority: "p1", assignee: "ana", opened: 30 * MIN,
    events: [[25 * MIN, "agentReplied"], [20 * MIN, "statusChanged", { status: "pending" }]] },
];
const knownOrder = ["LO-1", "XE-R", "XE-1", "LO-2", "PH-5", "LO-3"];

before(async () => {
  app = await startApp();
  for (const c of cases) {
    const connection = connectionOf(c.policy);
    await sendEvent(app, connection, c.id, "opened", now - c.opened, {
      title: `${c.policy} case ${c.id}`, url: `https://desk.example/cases/${c.id}`, priority: c.priority, status: "open",
      ...(c.assignee ? { assignee: c.assignee } : {}),
    });
    for (const [ago, type, data] of c.events ?? []) await sendEvent(app, connection, c.id, type, now - ago, data);
  }
  browser = await launch();
  shots = process.env.UPDATE_SCREENSHOTS === "1" ? join(root, "docs") : await mkdtemp(join(tmpdir(), "slafunctions-board-shots-"));
  await mkdir(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

const rowIds = (page) => page.$$eval("#cases tbody tr", (rows) => rows.map((r) => r.dataset.id));

test("the board lists open cases breached first, then by due, paused last", async () => {
  const page = await pageWithKey(browser, app, "/");
  await page.waitForSelector("#cases tbody tr");
  const ids = await rowIds(page);
  assert.equal(ids.length, cases.length);
  assert.deepEqual(ids.filter((id) => knownOrder.includes(id)), knownOrder);
  assert.equal(ids[0], "LO-1");
  assert.equal(ids.at(-1), "LV-P");
  assert.match(await page.textContent('tr[data-id="LO-1"]'), /Breached.*late by 2h 0\dm/s);
  assert.match(await page.textContent('tr[data-id="LV-P"]'), /Paused.*waiting on the customer \(pending\)/s);
  assert.match(await page.textContent("#summary"), /10 of 10 open cases: 1 breached, \d+ at risk/);
  await page.screenshot({ path: shot("board.png"), fullPage: true });
  await page.context().close();
});

const seconds = (text) => {
  const [, h = 0, m = 0, s = 0] = /(?:(\d+)h )?(?:(\d+)m)(?: (\d+)s)?/.exec(text).map((v) => (v === undefined ? undefined : Number(v)));
  return h * 3600 + m * 60 + s;
};

test("a case past its first warning point is an amber at-risk row, counted and filtered", async () => {
  const board = await (await fetch(`${app.url}/api/board`, { headers: { "x-api-key": app.key } })).json();
  const page = await pageWithKey(browser, app, "/");
  await page.waitForSelector("#cases tbody tr");
  const risky = page.locator('tr[data-id="XE-R"]');
  assert.equal(await risky.getAttribute("data-state"), "atRisk");
  assert.match(await risky.textContent(), /At risk.*open time left · due .* · warned /s);
  assert.equal(await page.getAttribute('tr[data-id="XE-1"]', "data-state"), "running");
  // Amber, not the running rows' white.
  assert.equal(await risky.evaluate((r) => getComputedStyle(r).backgroundColor), "rgb(255, 244, 214)");
  assert.equal(await page.locator('#cases tbody tr[data-state="atRisk"]').count(), board.counts.atRisk);
  assert.match(await page.textContent("#summary"), new RegExp(`${board.counts.atRisk} at risk`));
  await page.selectOption('select[name="state"]', "atRisk");
  await page.waitForFunction(() => [...document.querySelectorAll("#cases tbody tr")].every((r) => r.dataset.state === "atRisk"));
  assert.ok((await rowIds(page)).includes("XE-R"));
  assert.match(page.url(), /state=atRisk/);
  assert.match(await page.textContent("#summary"), new RegExp(`^${board.counts.atRisk} at risk of 10 open cases: 1 breached`));
  await page.context().close();
});

test("severity shows once, and a pending case says it waits on the customer", async () => {
  const page = await pageWithKey(browser, app, "/");
  await page.waitForSelector("#cases tbody tr");
  const severity = (id) => page.textContent(`tr[data-id="${id}"] td[data-label="Severity"]`).then((t) => t.trim());
  assert.equal(await severity("XE-1"), "Severity-1"); // the name says the id: once
  assert.equal(await severity("LO-1"), "1 Critical");
  assert.match(await page.textContent('tr[data-id="LV-P"] td:first-child'), /Paused/);
  assert.match(await page.textContent('tr[data-id="LV-P"]'), /waiting on the customer/);
  // A clock that runs while the case is pending (xecuritas' waitingOnCustomer) does not hide that it is pending.
  const xp = page.locator('tr[data-id="XE-P"]');
  assert.equal(await xp.getAttribute("data-state"), "running");
  assert.match(await xp.locator('td[data-label="State"]').textContent(), /^Running\s*Waiting on customer$/);
  assert.match(await xp.locator('td[data-label="Target"]').textContent(), /^\s*Waiting on customer\s*$/); // the target, in words
  await page.context().close();
});

test("the customer cell names the case's policy beneath the customer", async () => {
  const page = await pageWithKey(browser, app, "/");
  await page.waitForSelector("#cases tbody tr");
  const cell = page.locator('tr[data-id="LX-2"] td[data-label="Customer"]');
  assert.equal(await cell.locator(".customer").textContent(), "Lumedx Ltd");
  assert.equal(await cell.locator(".policy").textContent(), "lumedx");
  await page.context().close();
});

test("a running countdown ticks down in open time", async () => {
  const page = await pageWithKey(browser, app, "/");
  const countdown = page.locator('tr[data-id="XE-1"] .countdown');
  await countdown.waitFor();
  const first = seconds(await countdown.textContent());
  // Opened 20 minutes before `now`, taken before the app started: what is left is 40 minutes less the time since.
  const since = (Date.now() - now) / 1000;
  assert.ok(first > 40 * 60 - since - 60 && first <= 40 * 60, `XE-1 has about ${Math.round(40 - since / 60)} minutes left, got ${first}s`);
  // The page redraws once a second, so 3.2 s later it shows between 2 and 4 s less.
  await page.waitForTimeout(3200);
  const second = seconds(await countdown.textContent());
  assert.ok(first - second >= 2 && first - second <= 4, `ticked ${first - second}s in 3.2s`);
  await page.context().close();
});

test("the filters narrow the board and keep its order", async () => {
  const page = await pageWithKey(browser, app, "/");
  await page.waitForSelector("#cases tbody tr");
  await page.selectOption('select[name="policy"]', "liveops");
  await page.waitForFunction(() => document.querySelectorAll("#cases tbody tr").length === 3);
  assert.deepEqual(await rowIds(page), ["LO-1", "LO-2", "LO-3"]);
  assert.match(page.url(), /policy=liveops/);
  await page.selectOption('select[name="policy"]', "");
  await page.selectOption('select[name="severity"]', "1");
  await page.waitForFunction(() => [...document.querySelectorAll("#cases tbody tr")].every((r) => r.dataset.severity === "1"));
  assert.deepEqual((await rowIds(page)).sort(), ["LO-1", "LV-1", "XE-1", "XE-P", "XE-R"]);
  await page.selectOption('select[name="severity"]', "");
  await page.selectOption('select[name="assignee"]', "-");
  await page.waitForFunction(() => document.querySelectorAll("#cases tbody tr").length === 1);
  assert.deepEqual(await rowIds(page), ["LV-P"]);
  await page.context().close();
});

test("the compliance chart draws each policy's targets", async () => {
  const page = await pageWithKey(browser, app, "/");
  const bar = page.locator('figure[data-policy="liveops"] g.bar[data-target="firstResponse"]');
  await bar.waitFor();
  // LO-1 breached, LO-3 met, LO-2 not decided yet.
  assert.match(await bar.textContent(), /50\.0 % met \(1 of 2\)/);
  // Targets in words: the chart, the board's Target column and the case view never show firstResponse.
  assert.match(await bar.textContent(), /^First response/);
  assert.equal((await page.textContent('#cases tr[data-id="LO-1"] td[data-label="Target"]')).trim(), "First response");
  assert.equal(await page.locator("figure.chart").count(), 5);
  assert.deepEqual(await page.$$eval("#charts .legend li", (lis) => lis.map((li) => li.textContent.trim())),
    ["90 % met or more", "75 % to 90 %", "under 75 %", "the whole: decided cases (met + breached)"]);
  await page.locator("#compliance-title").scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot("compliance.png"), fullPage: false });
  await page.context().close();
});

test("the case timeline shows events, clocks, dues and closed hours", async () => {
  const response = await fetch(`${app.url}/api/cases/lumedx-desk/LX-2`, { headers: { "x-api-key": app.key } });
  const view = await response.json();
  const page = await pageWithKey(browser, app, "/case.html?connection=lumedx-desk&id=LX-2");
  await page.waitForSelector("#chart svg");
  assert.equal(await page.locator("#chart circle.event").count(), view.history.length);
  assert.ok(await page.locator("#chart rect.closed").count() > 0, "closed hours are shaded");
  const fr = view.targets.find((t) => t.name === "firstResponse");
  assert.equal(await page.locator(`#chart line.due[data-due="${fr.dueAt}"]`).count(), 1);
  assert.equal(await page.locator("#targets tbody tr").count(), view.targets.length);
  assert.equal(await page.textContent('#targets tr[data-target="firstResponse"] th'), "First response");
  assert.equal(await page.textContent('#chart text.lane-label'), "First response");
  await page.context().close();

  // LV-P: a reply, then pending; its update and resolution clocks are paused.
  const paused = await (await fetch(`${app.url}/api/cases/lumenvox-desk/LV-P`, { headers: { "x-api-key": app.key } })).json();
  assert.ok(paused.history.length >= 2);
  const second = await pageWithKey(browser, app, "/case.html?connection=lumenvox-desk&id=LV-P");
  await second.waitForSelector("#chart svg");
  assert.equal(await second.locator("#chart circle.event").count(), paused.history.length);
  assert.equal(await second.locator("#events li").count(), paused.history.length);
  assert.match(await second.textContent('#targets tr[data-target="resolution"]'), /paused since/);
  await second.screenshot({ path: shot("case-timeline.png"), fullPage: true });
  await second.context().close();
});

test("the playground shows a pasted seed policy's due times, then a broken one's problems", async () => {
  const yaml = await readFile(join(root, "policies/lumenvox.yaml"), "utf8");
  const page = await pageWithKey(browser, app, "/playground.html");
  await page.waitForSelector('select[name="policyId"] option', { state: "attached" });
  await page.check('input[name="source"][value="pasted"]');
  await page.fill('textarea[name="yaml"]', yaml);
  await page.fill('input[name="severity"]', "2");
  await page.fill('input[name="openedAt"]', "2026-03-06T23:30:00Z");
  await page.click('button[type="submit"]');
  // Friday 23:30 GMT on 08:00-01:00 weekdays: 1h30 before Saturday 01:00, then Monday from 08:00.
  // First response 4h: Mon 10:30. Resolution 48h: 1h30 + 17h Mon + 17h Tue + 12h30 Wed = Wed 20:30.
  await page.waitForSelector('li[data-target="firstResponse"] time');
  assert.equal(await page.getAttribute('li[data-target="firstResponse"] time', "datetime"), "2026-03-09T10:30:00Z");
  assert.equal(await page.getAttribute('li[data-target="resolution"] time', "datetime"), "2026-03-11T20:30:00Z");
  // Goals in words, the ISO form kept as the abbreviation's title.
  // Target and goal in words, not firstResponse and PT4H.
  assert.match(await page.textContent('li[data-target="firstResponse"]'), /^First response \(4 hours on support\)/);
  assert.match(await page.textContent('li[data-target="resolution"]'), /\(48 hours on support\)/);
  assert.equal(await page.getAttribute('li[data-target="firstResponse"] abbr', "title"), "PT4H");
  assert.ok(await page.locator("#week rect.closed").count() > 0);
  // A reply Monday 09:00 starts the 17h update cadence: 16h to Tuesday 01:00, 1h from 08:00: Tuesday 09:00.
  await page.click("#add-event");
  await page.fill('#events li:last-child input[name="at"]', "2026-03-09T09:00:00Z");
  await page.click('button[type="submit"]');
  await page.waitForSelector('li[data-target="update"] time');
  assert.equal(await page.getAttribute('li[data-target="update"] time', "datetime"), "2026-03-10T09:00:00Z");
  assert.equal(await page.locator("#week line.due").count() >= 2, true);
  await page.screenshot({ path: shot("playground.png"), fullPage: true });

  const broken = yaml.replace("firstResponse: { within: 4h, calendar: support }", "firstResponse: { within: 3x, calendar: support }");
  assert.notEqual(broken, yaml);
  await page.fill('textarea[name="yaml"]', broken);
  await page.click('button[type="submit"]');
  const problem = page.locator('#problems li[data-path="policy.severities[1].targets.firstResponse.within"]');
  await problem.waitFor();
  assert.match(await problem.textContent(), /3x/);
  assert.equal(await page.locator("#dues li").count(), 0);
  assert.equal(await page.locator("#week svg").count(), 0, "the failed run cleared the previous week view");
  await page.context().close();
});

// Three targets due within two hours of each other on one calendar: their labels would share a spot.
const TIGHT_POLICY = `id: tight
name: Tight
calendars:
  office: { timeZone: UTC, hours: { mon: ["08:00-18:00"], tue: ["08:00-18:00"] } }
severities:
  - id: "1"
    name: Urgent
    targets:
      firstResponse: { within: 1h, calendar: office }
      callBack: { within: 90m, calendar: office }
      resolution: { within: 2h, calendar: office }
`;

test("choosing a policy puts its file in the YAML box, and the loaded policy stays the one run", async () => {
  const page = await pageWithKey(browser, app, "/playground.html");
  await page.waitForSelector('select[name="policyId"] option', { state: "attached" });
  await page.waitForFunction(() => document.querySelector('textarea[name="yaml"]').value.includes("id: liveops"));
  await page.selectOption('select[name="policyId"]', "lumenvox");
  await page.waitForFunction(() => document.querySelector('textarea[name="yaml"]').value.includes("id: lumenvox"));
  assert.equal(await page.inputValue('textarea[name="yaml"]'), await readFile(join(root, "policies/lumenvox.yaml"), "utf8"));
  assert.ok(await page.isChecked('input[name="source"][value="loaded"]'));
  await page.context().close();
});

test("the what-if replays the month's stored cases under the edited policy and shows what flips", async () => {
  const page = await pageWithKey(browser, app, "/playground.html");
  await page.waitForFunction(() => document.querySelector('textarea[name="yaml"]').value.includes("id: liveops"));
  const yaml = await page.inputValue('textarea[name="yaml"]');
  // LO-3 (Low) was answered an hour after it opened: met under 8 hours, breached under one minute.
  const draft = yaml.replace("firstResponse: { within: 8h", "firstResponse: { within: 1m");
  assert.notEqual(draft, yaml);
  await page.fill('textarea[name="yaml"]', draft);
  const opened = new Date(now - 2 * HOUR);
  await page.fill('#whatif-form input[name="month"]', `${opened.getUTCFullYear()}-${String(opened.getUTCMonth() + 1).padStart(2, "0")}`);
  await page.click('#whatif-form button[type="submit"]');
  const changed = page.locator('#whatif-changes li[data-id="LO-3"]');
  await changed.waitFor();
  assert.match(await changed.textContent(), /First response met → breached/);
  assert.match(await page.textContent("#whatif-summary"), /^3 stored cases of liveops .*: 1 with a verdict flipped/);
  assert.ok(await page.locator('#whatif-compliance tr[data-target="firstResponse"]').count() > 0);

  await page.fill('textarea[name="yaml"]', draft.replace("within: 1m", "within: 1x"));
  await page.click('#whatif-form button[type="submit"]');
  await page.locator('#whatif-problems li[data-path^="policy.severities"]').waitFor();
  assert.equal(await page.locator("#whatif-changes li").count(), 0, "the failed replay cleared the previous one");
  await page.context().close();
});

// Fills the playground with a seed policy's opening and runs it.
async function runPlayground(page) {
  await page.waitForSelector('select[name="policyId"] option', { state: "attached" });
  await page.selectOption('select[name="policyId"]', "lumenvox");
  await page.fill('input[name="severity"]', "2");
  await page.fill('input[name="openedAt"]', "2026-03-06T23:30:00Z");
  await page.click('button[type="submit"]');
  await page.waitForSelector('li[data-target="firstResponse"] time');
}

for (const [name, viewport] of [["1400 px", DESKTOP], ["390 px", PHONE]]) {
  const suffix = viewport === PHONE ? "-phone" : "";

  test(`at ${name} the board fits the width and shows every case`, async () => {
    const page = await pageWithKey(browser, app, "/", viewport);
    await page.waitForSelector("#cases tbody tr");
    assert.ok(await fitsWidth(page), `the board scrolls sideways: ${await page.evaluate(() => document.documentElement.scrollWidth)} px`);
    assert.equal(await page.locator("#cases tbody tr").count(), cases.length);
    for (const selector of ["#summary", 'select[name="state"]', 'tr[data-id="LO-1"] .late', 'tr[data-id="XE-R"] .countdown']) {
      assert.ok(await page.locator(selector).isVisible(), `${selector} is visible`);
    }
    // Each case's row (a card on a phone) is within the viewport's width.
    const widest = await page.$$eval("#cases tbody tr", (rows) => Math.max(...rows.map((r) => r.getBoundingClientRect().right)));
    assert.ok(widest <= viewport.width, `a row ends at ${widest} px`);
    if (suffix) await page.screenshot({ path: shot(`board${suffix}.png`), fullPage: false });
    await page.context().close();
  });

  test(`at ${name} the playground draws its results beside or below the form, never over it`, async () => {
    const page = await pageWithKey(browser, app, "/playground.html", viewport);
    await runPlayground(page);
    assert.ok(await fitsWidth(page), "the playground scrolls sideways");
    const form = await page.locator("#playground").boundingBox();
    const result = await page.locator("#result-title").boundingBox();
    const overlaps = result.x < form.x + form.width && form.x < result.x + result.width && result.y < form.y + form.height && form.y < result.y + result.height;
    assert.ok(!overlaps, `results ${JSON.stringify(result)} over the form ${JSON.stringify(form)}`);
    assert.ok(await page.locator("#week svg").isVisible());
    if (suffix) await page.screenshot({ path: shot(`playground${suffix}.png`), fullPage: true });
    await page.context().close();
  });

  test(`at ${name} the playground's due labels never print over each other`, async () => {
    const page = await pageWithKey(browser, app, "/playground.html", viewport);
    await page.waitForSelector('select[name="policyId"] option', { state: "attached" });
    await page.check('input[name="source"][value="pasted"]');
    await page.fill('textarea[name="yaml"]', TIGHT_POLICY);
    await page.fill('input[name="severity"]', "1");
    await page.fill('input[name="openedAt"]', "2026-03-09T09:00:00Z");
    await page.click('button[type="submit"]');
    await page.waitForSelector("#week text.due-label");
    const boxes = await page.$$eval("#week text.due-label", (labels) => labels.map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }));
    assert.deepEqual(boxes.map((b) => b.text).sort(), ["Call back", "First response", "Resolution"]);
    for (const a of boxes) {
      for (const b of boxes.filter((x) => x !== a)) {
        const overlaps = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        assert.ok(!overlaps, `"${a.text}" ${JSON.stringify(a)} prints over "${b.text}" ${JSON.stringify(b)}`);
      }
    }
    await page.context().close();
  });

  test(`at ${name} the case timeline is drawn readable, scrolling in its own box`, async () => {
    const page = await pageWithKey(browser, app, "/case.html?connection=lumenvox-desk&id=LV-P", viewport);
    await page.waitForSelector("#chart svg");
    assert.ok(await fitsWidth(page), "the timeline page scrolls sideways");
    const drawn = await page.locator("#chart svg").boundingBox();
    assert.ok(drawn.width >= 700, `the timeline is ${drawn.width} px wide, a thumbnail`);
    assert.ok(await page.locator("#targets").isVisible());
    if (suffix) await page.screenshot({ path: shot(`case-timeline${suffix}.png`), fullPage: true });
    await page.context().close();
  });
}

test("the case timeline lists each notice by its rule, with nothing undefined", async () => {
  const url = `${app.url}/api/cases/liveops-desk/LO-1`;
  let view;
  // The sweep runs every few seconds: wait for the breached LO-1's notices to be recorded.
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 2000))) {
    view = await (await fetch(url, { headers: { "x-api-key": app.key } })).json();
    if (view.notices?.length) break;
  }
  assert.ok(view.notices?.length, "LO-1 has notices");
  const page = await pageWithKey(browser, app, "/case.html?connection=liveops-desk&id=LO-1");
  await page.waitForSelector("#events li");
  const items = await page.$$eval("#events li", (lis) => lis.map((li) => li.textContent));
  // The sweep may have recorded more since the view above.
  assert.ok(items.length >= view.history.length + view.notices.length, `${items.length} items`);
  assert.ok(items.every((text) => !/undefined|null/.test(text)), items.join("\n"));
  const rule = view.notices.find((n) => !n.key.startsWith("state/")).key.split("/")[1];
  assert.ok(items.some((text) => text.includes(`(rule ${rule})`)), `a notice names rule ${rule}`);
  await page.context().close();
});
