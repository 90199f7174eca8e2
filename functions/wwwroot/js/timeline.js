import { ensureKey, getJson, postJson } from "./api.js";
import { el, formatInstant, svg, targetTitle, targetWords } from "./format.js";
import { closedShading, dayTicks, timeAxis } from "./axis.js";

const params = new URLSearchParams(location.search);
const connection = params.get("connection"), id = params.get("id");
const HOUR = 3_600_000, MAX_WINDOW = 62 * 24 * HOUR;

async function load() {
  const view = await getJson(`/api/cases/${encodeURIComponent(connection)}/${encodeURIComponent(id)}`);
  const policies = await getJson("/api/policies");
  const policy = policies.find((p) => p.id === view.policyId);
  document.getElementById("case-title").textContent = `${view.externalId}: ${view.title ?? ""}`;
  document.getElementById("case-summary").textContent =
    `${view.customer ? `${view.customer}, ` : ""}${view.policyName ?? view.policyId} (${view.policyId}), severity ${view.severity}, status ${view.status ?? "open"}; opened ${formatInstant(view.openedAt)}, judged ${formatInstant(view.asOf)}.`
    + (view.unmapped?.length ? ` Not in the connection's map: ${view.unmapped.join(", ")}.` : "");

  const instants = [view.openedAt, view.asOf, ...view.targets.flatMap((t) => [t.dueAt, t.metAt, t.breachedAt])].filter(Boolean).map(Date.parse);
  let to = Math.max(...instants) + 2 * HOUR;
  let from = Math.min(...instants) - 2 * HOUR;
  if (to - from > MAX_WINDOW) from = to - MAX_WINDOW;
  const hours = await postJson("/api/calendars/open", { policyId: view.policyId, from: iso(from), to: iso(to) });
  draw(view, policy, hours, from, to);
  table(view);
  events(view);
}

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

// Periods in a pausing status, from the history (pauseOn applies to update and resolution, not first response).
function pauses(view, policy) {
  const out = [];
  let since = null;
  for (const e of view.history.filter((h) => h.type === "status")) {
    const pausing = (policy?.pauseOn ?? ["pending"]).includes(e.status);
    if (pausing && since === null) since = Date.parse(e.at);
    if (!pausing && since !== null) { out.push([since, Date.parse(e.at)]); since = null; }
  }
  if (since !== null) out.push([since, Date.parse(view.asOf)]);
  return out;
}

function draw(view, policy, hours, from, to) {
  const lane = 44, top = 24, left = 170, width = 900;
  const notices = view.notices ?? [];
  const lanes = view.targets.length + 1 + (notices.length ? 1 : 0);
  const height = top + lanes * lane + 10;
  const axis = timeAxis(from, to, left, width);
  const calendars = new Map(hours.calendars.map((c) => [c.name, c]));
  const paused = pauses(view, policy);
  const parts = [...dayTicks(axis, height)];
  view.targets.forEach((t, i) => {
    const y = top + i * lane;
    const calendar = calendars.get(t.calendar);
    parts.push(...(calendar ? closedShading(axis, calendar.open, y + 4, lane - 8) : []));
    parts.push(svg("text", { class: "lane-label", x: 4, y: y + 20 }, targetTitle(t.name)), svg("text", { x: 4, y: y + 35 }, `${t.calendar}, ${t.state}`));
    if (t.startedAt) {
      const start = Date.parse(t.startedAt);
      const end = Date.parse(t.metAt ?? view.asOf);
      parts.push(svg("line", { class: `clock ${t.state}`, x1: axis.x(start), x2: axis.x(end), y1: y + 22, y2: y + 22 },
        svg("title", {}, `${targetTitle(t.name)}: ${t.state}, started ${t.startedAt}`)));
      if (t.name !== "firstResponse") {
        for (const [ps, pe] of paused.filter(([ps, pe]) => pe > start && ps < end)) {
          parts.push(svg("line", { class: "clock paused", x1: axis.x(Math.max(ps, start)), x2: axis.x(Math.min(pe, end)), y1: y + 22, y2: y + 22 },
            svg("title", {}, `paused ${iso(ps)} to ${iso(pe)}`)));
        }
      }
    }
    const due = t.breachedAt ?? t.dueAt;
    if (due) {
      parts.push(svg("line", { class: "due", x1: axis.x(Date.parse(due)), x2: axis.x(Date.parse(due)), y1: y + 8, y2: y + 36, "data-due": due },
        svg("title", {}, `${targetTitle(t.name)} due ${due}`)));
    }
  });
  const ey = top + view.targets.length * lane;
  parts.push(svg("text", { class: "lane-label", x: 4, y: ey + 22 }, "events"));
  for (const e of view.history) {
    parts.push(svg("circle", { class: "event", cx: axis.x(Date.parse(e.at)), cy: ey + 18, r: 5, "data-type": e.type },
      svg("title", {}, `${e.at} ${e.type}${e.status ? " " + e.status : ""}${e.severity ? " " + e.severity : ""}`)));
  }
  if (notices.length) {
    const ny = ey + lane;
    parts.push(svg("text", { class: "lane-label", x: 4, y: ny + 22 }, "notices"));
    for (const n of notices) {
      const at = Date.parse(n.sentAt ?? n.at);
      parts.push(svg("rect", { class: "notice", x: axis.x(at) - 5, y: ny + 13, width: 10, height: 10 },
        svg("title", {}, noticeText(n))));
    }
  }
  const now = Date.parse(view.asOf);
  parts.push(svg("line", { class: "now", x1: axis.x(now), x2: axis.x(now), y1: 14, y2: height }, svg("title", {}, `now (${view.asOf})`)));
  document.getElementById("chart").replaceChildren(svg("svg", { viewBox: `0 0 ${left + width + 10} ${height}`, role: "img",
    "aria-label": `Timeline of case ${view.externalId}; the tables below give the same facts` }, parts));
}

function table(view) {
  document.querySelector("#targets tbody").replaceChildren(...view.targets.map((t) => el("tr", { "data-target": t.name },
    el("th", { scope: "row", text: targetTitle(t.name) }),
    ...[t.state + (t.pausedSince ? ` since ${formatInstant(t.pausedSince)}` : ""), t.calendar, formatInstant(t.startedAt),
      formatInstant(t.breachedAt ?? t.dueAt), formatInstant(t.metAt)].map((v) => el("td", { text: v ?? "" })))));
}

function events(view) {
  const items = [
    ...view.history.map((e) => ({ at: e.at, text: `${e.type}${e.status ? ": " + e.status : ""}${e.severity ? ": severity " + e.severity : ""}${e.note ? " (" + e.note + ")" : ""}` })),
    ...(view.notices ?? []).map((n) => ({ at: n.sentAt ?? n.at, text: noticeText(n) })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  document.getElementById("events").replaceChildren(...items.map((i) => el("li", {}, el("time", { datetime: i.at, text: formatInstant(i.at) }), " ", i.text)));
}

// The case view gives each notice its key: target/rule/runStart/occurrence for an escalation point,
// state/target/runStart/phase for a state change told to a webhook endpoint.
export function noticeText(n) {
  const [first, second, , last] = (n.key ?? "").split("/");
  const what = first === "state" ? `state change to ${last}` : `${n.kind ?? "notice"} (rule ${second ?? "?"})`;
  return `${what} for ${n.target ? targetWords(n.target) : "the case"} to ${n.recipient}: ${n.state}`;
}

ensureKey(document.getElementById("key-form"), () => load().catch((e) => {
  document.getElementById("case-summary").textContent = `Could not load the case: ${e.message}`;
}));
