// The demo's sample cases (`bash eng/run.sh --demo`): signed CloudEvents posted to one connection per seed policy,
// opened in the past so their states are real on arrival: some breached, one at risk, one waiting on the customer,
// the rest running. `node eng/demo.mjs <app url>` posts them with the secret in DEMO_SECRET to demo-<policy>.
import { sendEvent } from "./cloudevents.mjs";

const MIN = 60_000, HOUR = 60 * MIN;
export const demoPolicies = ["liveops", "lumedx", "lumenvox", "phonism", "xecuritas"];
export const demoConnection = (policy) => `demo-${policy}`;

// Each: policy, id, priority, assignee, opened (ms before now), later events [ms before now, type, data], and the
// state the board should show: the 24x7 targets make these true at any hour of any day.
export const demoCases = [
  { policy: "liveops", id: "DEMO-101", title: "Checkout fails with a 502", priority: "p1", assignee: "ana@vendor.example", opened: 3 * HOUR, expect: "breached" }, // 1h first response
  { policy: "liveops", id: "DEMO-102", title: "Agents logged out every hour", priority: "p2", assignee: "bo@vendor.example", opened: HOUR, expect: "running" },
  { policy: "liveops", id: "DEMO-103", title: "Report export is slow", priority: "p3", assignee: "bo@vendor.example", opened: 2 * HOUR, events: [[HOUR, "agentReplied"]], expect: "running" },
  { policy: "xecuritas", id: "DEMO-201", title: "Badge readers offline at HQ", priority: "p1", assignee: "bo@vendor.example", opened: 50 * MIN, expect: "atRisk" }, // due in 10 min, past 75 %
  { policy: "xecuritas", id: "DEMO-202", title: "Alarm panel beeps at night", priority: "p1", assignee: null, opened: 5 * HOUR, expect: "breached" },
  { policy: "lumenvox", id: "DEMO-301", title: "Transcripts come back empty", priority: "p2", assignee: "ana@vendor.example", opened: 50 * MIN,
    events: [[45 * MIN, "agentReplied"], [40 * MIN, "statusChanged", { status: "pending" }]], expect: "paused" }, // waiting on the customer
  { policy: "phonism", id: "DEMO-401", title: "Provisioning profile rejected", priority: "p5", assignee: "ana@vendor.example", opened: 30 * MIN, expect: "running" },
  { policy: "lumedx", id: "DEMO-501", title: "Claims batch stuck in review", priority: "p2", assignee: "bo@vendor.example", opened: 15 * MIN, expect: null }, // business days: depends on the hour
];

// Posts every demo case to `app` ({ url, secret }); connection names come from `connectionOf(policy)`.
export async function seedDemo(app, connectionOf = demoConnection, now = Date.now()) {
  for (const c of demoCases) {
    await sendEvent(app, connectionOf(c.policy), c.id, "opened", now - c.opened, {
      title: c.title, url: `https://desk.example/cases/${c.id}`, priority: c.priority, status: "open",
      requester: "kim@customer.example", ...(c.assignee ? { assignee: c.assignee } : {}),
    });
    for (const [ago, type, data] of c.events ?? []) await sendEvent(app, connectionOf(c.policy), c.id, type, now - ago, data);
  }
  return demoCases.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = await seedDemo({ url: process.argv[2], secret: process.env.DEMO_SECRET });
  console.log(`demo: posted ${count} signed sample cases to ${demoPolicies.map(demoConnection).join(", ")}`);
}
