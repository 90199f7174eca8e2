// `bash eng/run.sh --demo`'s sample cases (eng/demo.mjs), posted signed to the standalone app on fresh Azurite
// tables: the board shows them breached, at risk, waiting on the customer and running, as the demo promises.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { connectionOf, startApp } from "./app.mjs";
import { demoCases, seedDemo } from "../../eng/demo.mjs";

let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.stop();
});

test("the demo's sample cases arrive breached, at risk, pending and running", async () => {
  assert.equal(await seedDemo(app, connectionOf), demoCases.length);

  const board = await (await fetch(`${app.url}/api/board`, { headers: { "x-api-key": app.key } })).json();
  const shown = new Map(board.cases.map((c) => [c.externalId, c]));
  for (const c of demoCases.filter((c) => c.expect)) {
    assert.equal(shown.get(c.id)?.state, c.expect, `${c.id} (${c.policy})`);
  }
  assert.equal(shown.get("DEMO-301").status, "pending");
  for (const state of ["breached", "atRisk", "paused", "running"]) assert.ok(board.counts[state] >= 1, `some ${state}`);
});
