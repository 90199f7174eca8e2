import { ensureKey, getJson, ApiError } from "./api.js";
import { el, formatInstant, formatSpan, parseDuration, targetTitle } from "./format.js";
import { startCompliance } from "./compliance.js";

// How the countdown is honest: the API gives each running case's open time left at `asOf` and whether its calendar
// is open then (`ticking`) until `changesAt`. Between refreshes the page counts wall time down only while ticking and
// only up to `changesAt`; reaching it (or zero) triggers a refresh, and the board refreshes every 30 s anyway.
const REFRESH_MS = 30_000;
const tbody = document.querySelector("#cases tbody");
const summary = document.getElementById("summary");
const filters = document.getElementById("filters");
let board = null;
let fetchedAt = 0;
let refreshTimer = 0;
let refreshing = false;
// A refresh asked for while one is in flight (a filter changed mid-request) runs as soon as it ends, so the board
// never shows the answer to an older filter until the next timer.
let refreshAgain = false;

const STATE_TEXT = { breached: "Breached", atRisk: "At risk", running: "Running", paused: "Paused", waiting: "Nothing due" };
// A pausing status said in words beside the state, since some targets keep running through it.
const STATUS_TEXT = { pending: "Waiting on customer", onHold: "On hold" };
const COLUMNS = ["State", "Time", "Target", "Severity", "Customer", "Assignee", "Case"];

function query() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(filters)) if (v) params.set(k, v);
  return params;
}

async function refresh() {
  if (refreshing) {
    refreshAgain = true;
    return;
  }
  refreshing = true;
  refreshAgain = false;
  clearTimeout(refreshTimer);
  try {
    const params = query();
    const url = "/api/board" + (params.size ? "?" + params : "");
    board = await getJson(url);
    fetchedAt = Date.now();
    history.replaceState(null, "", params.size ? "?" + params : location.pathname);
    render();
  } catch (error) {
    summary.textContent = error instanceof ApiError && error.status === 401
      ? "The API key was refused; enter it again."
      : `Could not load the board: ${error.message}. Retrying.`;
    if (error instanceof ApiError && error.status === 401) showKey();
  } finally {
    refreshing = false;
    refreshTimer = setTimeout(refresh, refreshAgain ? 0 : REFRESH_MS);
  }
}

function fillSelect(name, values, labels = {}) {
  const select = filters.elements[name];
  const current = select.value || new URLSearchParams(location.search).get(name) || "";
  select.replaceChildren(el("option", { value: "", text: "All" }),
    ...values.map((v) => el("option", { value: v, text: labels[v] ?? v })));
  if ([...select.options].some((o) => o.value === current)) select.value = current;
}

function render() {
  const f = board.facets;
  fillSelect("policy", f.policies);
  fillSelect("customer", f.customers);
  fillSelect("severity", f.severities);
  fillSelect("assignee", f.assignees, { "-": "Unassigned" });
  const c = board.counts;
  const shown = filters.elements.state.value ? `${board.matching} ${STATE_TEXT[filters.elements.state.value].toLowerCase()} of ${board.open} open cases` : `${board.matching} of ${board.open} open cases`;
  summary.textContent = `${shown}: ${c.breached} breached, ${c.atRisk ?? 0} at risk, ${c.running} running, ${c.paused} paused, ${c.waiting} with nothing due. `
    + `Updated ${new Date(fetchedAt).toLocaleTimeString()}.` + (board.cases.length < board.matching ? ` Showing the first ${board.cases.length}.` : "");
  tbody.replaceChildren(...board.cases.map(row));
  tick();
}

function row(c) {
  const ticket = c.url ? el("a", { href: c.url, rel: "noopener" }, c.title || c.externalId) : el("span", { text: c.title || c.externalId });
  const timeline = el("a", { href: `case.html?connection=${encodeURIComponent(c.connection)}&id=${encodeURIComponent(c.externalId)}`,
    "aria-label": `Timeline of ${c.externalId}` }, "timeline");
  const status = STATUS_TEXT[c.status];
  const cells = [
    [el("span", { class: "badge", text: STATE_TEXT[c.state] ?? c.state }), status && c.state !== "paused" ? [el("br"), el("span", { class: "status", text: status })] : null,
      c.unmapped?.length ? [el("br"), el("span", { class: "unmapped", title: `Not in the connection's map: ${c.unmapped.join(", ")}`, text: "⚠ unmapped" })] : null],
    timeCell(c),
    c.target ? targetTitle(c.target) : "",
    severityText(c),
    [el("span", { class: "customer", text: c.customer }), el("br"), el("small", { class: "policy", title: "Policy", text: c.policyId })],
    c.assignee ?? "Unassigned",
    [el("span", { class: "case-id", text: `${c.externalId} ` }), ticket, " · ", timeline],
  ];
  return el("tr", { class: `state-${c.state}`, "data-id": c.externalId, "data-state": c.state, "data-severity": c.severity },
    ...cells.map((content, i) => el("td", { "data-label": COLUMNS[i], class: i === 1 ? "time" : null }, el("div", {}, content))));
}

// The severity once: its name alone when it already says the id ("Severity-1", "P1 - Urgent"), else "1 Critical".
export function severityText(c) {
  if (!c.severityName) return c.severity ?? "";
  const id = String(c.severity);
  const says = c.severityName.split(/[^0-9A-Za-z]+/).some((word) => word === id || (word.endsWith(id) && /^[A-Za-z]+$/.test(word.slice(0, -id.length))));
  return says ? c.severityName : `${id} ${c.severityName}`;
}

function timeCell(c) {
  if (c.state === "breached") {
    return [el("span", { class: "late", "data-late-from": c.breachedAt }), el("br"), el("small", { text: `due ${formatInstant(c.breachedAt)}` })];
  }
  if (c.state === "running" || c.state === "atRisk") {
    const clock = c.remaining ? el("span", { class: "countdown", "data-remaining": c.remaining }) : el("span", { text: "due" });
    const note = c.ticking === false
      ? `clock stopped outside hours${c.changesAt ? ` until ${formatInstant(c.changesAt)}` : ""}`
      : `open time left · due ${formatInstant(c.dueAt)}`;
    if (c.state === "atRisk") return [clock, el("br"), el("small", { text: `${note} · warned ${formatInstant(c.atRiskAt)}` })];
    return [clock, el("br"), el("small", { text: note })];
  }
  if (c.state === "paused") {
    return [el("span", { text: c.pausedBecause ?? "paused" }), el("br"), el("small", { text: `since ${formatInstant(c.pausedSince)}` })];
  }
  return el("span", { text: "no clock running" });
}

// Redraws every countdown; asks for a refresh when a clock reaches zero or its calendar opens or closes.
function tick() {
  if (!board) return;
  const elapsed = Date.now() - fetchedAt;
  const asOf = Date.parse(board.asOf);
  let stale = false;
  for (const tr of tbody.rows) {
    const c = board.cases[tr.sectionRowIndex];
    if (!c) continue;
    const late = tr.querySelector(".late");
    if (late) late.textContent = `late by ${formatSpan(asOf + elapsed - Date.parse(c.breachedAt))}`;
    const countdown = tr.querySelector(".countdown");
    if (countdown) {
      const limit = c.changesAt ? Date.parse(c.changesAt) - asOf : Infinity;
      const used = c.ticking ? Math.min(elapsed, limit) : 0;
      const left = parseDuration(c.remaining) - used;
      countdown.textContent = formatSpan(Math.max(0, left));
      if (left <= 0 || elapsed >= limit) stale = true;
    }
  }
  if (stale && !refreshing && elapsed > 2000) refresh();
}

filters.addEventListener("change", () => refresh());
for (const [k, v] of new URLSearchParams(location.search)) {
  const select = filters.elements[k];
  if (!select) continue;
  if (![...select.options].some((o) => o.value === v)) select.append(el("option", { value: v, text: v }));
  select.value = v;
}
setInterval(tick, 1000);
// The report reads every case of the month, so it waits for the board's first answer rather than compete with it.
const showKey = ensureKey(document.getElementById("key-form"), () => refresh().then(startCompliance));
