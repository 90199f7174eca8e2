// Load figures for the board (run by eng/board-load.sh against an app whose tables hold the seeded cases):
// the read API's latency over sequential requests, and the board's first render in headless Chromium.
// Usage: node tests/board/measure.mjs <url> <api key>
import { launch, pageWithKey } from "./browser.mjs";

const [url, key] = process.argv.slice(2);
const app = { url, key };
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function timed(path) {
  const start = performance.now();
  const response = await fetch(url + path, { headers: { "x-api-key": key } });
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return { ms: performance.now() - start, body };
}

const cold = await timed("/api/board");
console.log(`cold /api/board (reads every open case row): ${cold.ms.toFixed(0)} ms, ${cold.body.open} open cases`);
const paths = ["/api/board", "/api/board?severity=1", "/api/board?policy=lumenvox&assignee=agent3@vendor.example", "/api/board?customer=customer-3"];
const latencies = [];
for (let i = 0; i < 600; i++) latencies.push((await timed(paths[i % paths.length])).ms);
latencies.sort((a, b) => a - b);
console.log(`/api/board over ${latencies.length} sequential requests (4 filter mixes): p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms, max ${latencies.at(-1).toFixed(1)} ms`);

const browser = await launch();
const renders = [];
for (let i = 0; i < 7; i++) {
  const page = await pageWithKey(browser, app, "/");
  // From navigation start to the first case row in the DOM (the page's own clock).
  await page.waitForSelector("#cases tbody tr");
  renders.push(await page.evaluate(() => performance.now()));
  await page.context().close();
}
await browser.close();
renders.sort((a, b) => a - b);
console.log(`first render of / (navigation to the first case row, ${renders.length} fresh tabs): median ${pct(renders, 50).toFixed(0)} ms, max ${renders.at(-1).toFixed(0)} ms`);
