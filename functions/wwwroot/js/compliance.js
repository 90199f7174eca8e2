import { getJson, getText } from "./api.js";
import { currentMonth, el, formatSpan, monthPeriod, parseDuration, svg, targetTitle } from "./format.js";

// One chart per policy: a bar per target (and group) whose length is the share met, labelled in words and numbers so
// nothing depends on colour; the same figures follow in a table for screen readers and copying.
const form = document.getElementById("compliance-form");
const charts = document.getElementById("charts");
const status = document.getElementById("compliance-summary");

function range() {
  return new URLSearchParams({ ...monthPeriod(form.elements.month.value), groupBy: form.elements.groupBy.value });
}

async function load() {
  status.textContent = "Loading the report…";
  try {
    const report = await getJson("/api/reports/compliance?" + range());
    status.textContent = `${report.cases} cases opened from ${report.from.slice(0, 10)} to ${report.to.slice(0, 10)} (exclusive), judged at ${report.asOf}.`;
    draw(report);
  } catch (error) {
    status.textContent = `Could not load the report: ${error.message}`;
  }
}

function draw(report) {
  const byPolicy = Map.groupBy(report.rows, (r) => r.policyId);
  charts.replaceChildren(legend(), ...[...byPolicy].map(([policy, rows]) => chart(policy, rows)));
}

// What the bars' colours mean, said once above the charts (each bar also says its % in words).
function legend() {
  const key = (cls, text) => el("li", {}, svg("svg", { width: 14, height: 14, "aria-hidden": "true" }, svg("rect", { width: 14, height: 14, class: cls })), ` ${text}`);
  return el("ul", { class: "legend", "aria-label": "Bar colours" },
    key("good", "90 % met or more"), key("fair", "75 % to 90 %"), key("poor", "under 75 %"), key("track", "the whole: decided cases (met + breached)"));
}

function label(r) {
  return r.group ? `${r.group} · ${targetTitle(r.target)}` : targetTitle(r.target);
}

function chart(policy, rows) {
  const barHeight = 22, gap = 10, left = 230, width = 640, top = 8;
  const height = top + rows.length * (barHeight + gap) + 24;
  const scale = (p) => ((width - left - 150) * p) / 100;
  const title = `Targets met, ${policy}`;
  const bars = rows.map((r, i) => {
    const y = top + i * (barHeight + gap);
    const p = r.percentMet;
    const words = p === null ? "none decided yet" : `${p.toFixed(1)} % met (${r.met} of ${r.met + r.breached})`;
    return svg("g", { class: "bar", "data-target": r.target, "data-group": r.group },
      svg("text", { x: left - 8, y: y + 16, "text-anchor": "end" }, label(r)),
      svg("rect", { x: left, y, width: scale(100), height: barHeight, class: "track" }),
      p === null ? null : svg("rect", { x: left, y, width: Math.max(1, scale(p)), height: barHeight, class: p >= 90 ? "good" : p >= 75 ? "fair" : "poor" }),
      svg("text", { x: left + scale(100) + 8, y: y + 16 }, words));
  });
  const axis = [0, 50, 100].map((p) => svg("text", { x: left + scale(p), y: height - 6, "text-anchor": "middle", class: "axis" }, `${p} %`));
  const figure = el("figure", { class: "chart", "data-policy": policy },
    el("figcaption", { text: title }),
    svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `${title}: ${rows.map((r) => `${label(r)} ${r.percentMet ?? "n/a"} %`).join(", ")}` }, bars, axis));
  const table = el("table", { class: "report" },
    el("caption", { text: `${policy}: counts and times (open time, nearest-rank percentiles)` }),
    el("thead", {}, el("tr", {}, ...["Target", "Cases", "Met", "Breached", "Pending", "% met", "Median time", "90th percentile"].map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, ...rows.map((r) => el("tr", {},
      el("th", { scope: "row", text: label(r) }),
      ...[r.cases, r.met, r.breached, r.pending, r.percentMet === null ? "–" : r.percentMet.toFixed(1),
        span(r.medianOpenTime), span(r.p90OpenTime)].map((v) => el("td", { text: String(v) }))))));
  return el("div", { class: "policy-report" }, figure, table);
}

function span(iso) {
  return iso ? formatSpan(parseDuration(iso), false) : "–";
}

async function downloadCsv() {
  const text = await getText("/api/reports/compliance?" + range(), "text/csv");
  const link = el("a", { href: URL.createObjectURL(new Blob([text], { type: "text/csv" })), download: `compliance-${form.elements.month.value}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
}

let started = false;

export function startCompliance() {
  if (started) return load();
  started = true;
  if (!form.elements.month.value) form.elements.month.value = currentMonth();
  form.addEventListener("submit", (event) => { event.preventDefault(); load(); });
  document.getElementById("csv").addEventListener("click", () => downloadCsv().catch((e) => { status.textContent = `Could not download: ${e.message}`; }));
  load();
}
