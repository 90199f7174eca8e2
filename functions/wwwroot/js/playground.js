import { getJson, getText, postJson, ApiError } from "./api.js";
import { el, formatGoal, formatInstant, problemList, svg, targetTitle } from "./format.js";
import { closedShading, dayTicks, timeAxis } from "./axis.js";

// Everything here goes through the preview API, so what ops see is what the engine does.
const form = document.getElementById("playground");
const eventsList = document.getElementById("events");
const problems = document.getElementById("problems");
const dues = document.getElementById("dues");
const DAY = 86_400_000;
const TYPES = ["agentReply", "customerReply", "status", "severity", "workaround", "eta", "internalNote"];
const STATUSES = ["open", "pending", "onHold", "solved", "closed"];
let policies = [];
let eventCount = 0;

function addEvent(type = "agentReply", at = "") {
  const n = ++eventCount;
  const typeSelect = el("select", { name: "type", "aria-label": `Event ${n} type` }, ...TYPES.map((t) => el("option", { value: t, text: t })));
  typeSelect.value = type;
  const value = el("input", { name: "value", "aria-label": `Event ${n} status or severity`, placeholder: "status or severity" });
  const item = el("li", { class: "event-row" },
    el("input", { name: "at", value: at, "aria-label": `Event ${n} time (ISO-8601)`, placeholder: "2026-03-09T10:00:00Z" }), " ",
    typeSelect, " ", value, " ",
    el("button", { type: "button", class: "secondary", "aria-label": `Remove event ${n}` }, "Remove"));
  item.querySelector("button").addEventListener("click", () => item.remove());
  eventsList.append(item);
  return item;
}

function events() {
  return [...eventsList.children].map((li, i) => {
    const type = li.querySelector("[name=type]").value;
    const value = li.querySelector("[name=value]").value.trim();
    const e = { at: li.querySelector("[name=at]").value.trim(), type };
    if (type === "status") e.status = value || STATUSES[0];
    if (type === "severity") e.severity = value;
    return e;
  });
}

function request() {
  const f = form.elements;
  const pasted = f.source.value === "pasted";
  const list = events();
  const body = { severity: f.severity.value.trim(), openedAt: f.openedAt.value.trim(), events: list };
  if (pasted) body.policy = f.yaml.value; else body.policyId = f.policyId.value;
  const last = [body.openedAt, ...list.map((e) => e.at)].filter((t) => !Number.isNaN(Date.parse(t))).sort((a, b) => Date.parse(a) - Date.parse(b)).pop();
  body.asOf = f.asOf.value.trim() || last;
  return body;
}

function showProblems(error) {
  problems.replaceChildren(...problemList(error));
}

async function preview(event) {
  event?.preventDefault();
  problems.replaceChildren();
  dues.replaceChildren();
  // A failed run leaves nothing of the previous one on screen.
  document.getElementById("week").replaceChildren();
  const body = request();
  try {
    const result = await postJson("/api/sla/preview", body);
    const start = Date.parse(body.openedAt);
    const from = Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth(), new Date(start).getUTCDate());
    const hoursBody = { from: new Date(from).toISOString().replace(".000", ""), to: new Date(from + 7 * DAY).toISOString().replace(".000", "") };
    if (body.policy !== undefined) hoursBody.policy = body.policy; else hoursBody.policyId = body.policyId;
    const hours = await postJson("/api/calendars/open", hoursBody);
    dues.replaceChildren(...result.targets.map((t) => el("li", { "data-target": t.name },
      el("strong", { text: targetTitle(t.name) }), " (", el("abbr", { title: t.goal, text: formatGoal(t.goal, t.businessDays) }), ` on ${t.calendar}): ${t.state}`,
      t.dueAt ? [" · due ", el("time", { datetime: t.dueAt, text: `${formatInstant(t.dueAt)} (${t.dueAt})` })] : "",
      t.metAt ? ` · met ${t.metAt}` : "")));
    week(result, hours, from);
  } catch (error) {
    if (error instanceof ApiError) showProblems(error); else problems.textContent = error.message;
  }
}

// Due labels of one lane, each in the first row where it clears the labels before it, so two dues close together
// never print over each other. A label that would run past the week's right edge ends at its line instead.
function dueLabels(targets, axis, left, width) {
  const rowEnds = [];
  return targets.map((t) => {
    const x = axis.x(Date.parse(t.dueAt));
    const text = targetTitle(t.name);
    const span = text.length * 9; // about 0.6 em a character at the week view's 15 px
    const anchorEnd = x + 3 + span > left + width;
    const [from, to] = anchorEnd ? [x - 3 - span, x - 3] : [x + 3, x + 3 + span];
    let row = rowEnds.findIndex((end) => end + 6 <= from);
    if (row < 0) row = rowEnds.push(to) - 1; else rowEnds[row] = to;
    return { t, x, text, row, anchorEnd };
  });
}

function week(result, hours, from) {
  const left = 110, width = 840, top = 22, rowHeight = 19;
  const used = [...new Set(result.targets.map((t) => t.calendar))];
  const calendars = hours.calendars.filter((c) => used.includes(c.name));
  const axis = timeAxis(from, from + 7 * DAY, left, width);
  const lanes = calendars.map((c) => {
    const dues = result.targets.filter((t) => t.calendar === c.name && t.dueAt)
      .filter((t) => { const x = axis.x(Date.parse(t.dueAt)); return x >= left && x <= left + width; })
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    const labels = dueLabels(dues, axis, left, width);
    const rows = Math.max(1, ...labels.map((l) => l.row + 1));
    return { c, labels, height: Math.max(40, 26 + rows * rowHeight) };
  });
  const height = top + lanes.reduce((sum, l) => sum + l.height, 0) + 10;
  const parts = [...dayTicks(axis, height)];
  let y = top;
  for (const { c, labels, height: lane } of lanes) {
    parts.push(svg("text", { class: "lane-label", x: 4, y: y + 18 }, c.name), svg("text", { x: 4, y: y + 32 }, c.timeZone));
    parts.push(...closedShading(axis, c.open, y + 2, lane - 4));
    for (const day of c.closedDays) {
      const t = Date.parse(day + "T12:00:00Z");
      parts.push(svg("text", { class: "holiday-label", x: axis.x(t), y: y + 24, "text-anchor": "middle" }, "holiday"));
    }
    for (const { t, x, text, row, anchorEnd } of labels) {
      parts.push(svg("line", { class: "due", x1: x, x2: x, y1: y, y2: y + lane - 2, "data-due": t.dueAt }, svg("title", {}, `${text} due ${t.dueAt}`)),
        svg("text", { class: "due-label", x: anchorEnd ? x - 3 : x + 3, y: y + lane - 6 - row * rowHeight, "text-anchor": anchorEnd ? "end" : null }, text));
    }
    y += lane;
  }
  document.getElementById("week").replaceChildren(svg("svg", { viewBox: `0 0 ${left + width + 10} ${height}`, role: "img",
    "aria-label": "Week view of the calendars with due times; the list above gives the same due times" }, parts));
}

function fillSeverities() {
  const policy = policies.find((p) => p.id === form.elements.policyId.value);
  document.getElementById("severities").replaceChildren(...(policy?.severities ?? []).map((s) => el("option", { value: s.id, text: `${s.id} ${s.name}` })));
}

// The chosen policy's file goes in the YAML box as a starting point for an edit; "A loaded policy" stays chosen
// until the box is edited.
// A file that arrives after the box was typed in, or after another policy was chosen, is not put in.
let yamlWanted = 0;

async function fillYaml() {
  const id = form.elements.policyId.value;
  const mine = ++yamlWanted;
  if (!id) return;
  const text = await getText(`/api/policies/${encodeURIComponent(id)}/source`, "text/plain");
  if (mine === yamlWanted) form.elements.yaml.value = text;
}

function choosePolicy() {
  fillSeverities();
  fillYaml().catch((e) => { problems.textContent = `Could not load the policy's file: ${e.message}`; });
}

async function start() {
  policies = await getJson("/api/policies");
  form.elements.policyId.replaceChildren(...policies.map((p) => el("option", { value: p.id, text: `${p.name} (${p.id})` })));
  choosePolicy();
  form.elements.policyId.addEventListener("change", choosePolicy);
  form.elements.yaml.addEventListener("input", () => { yamlWanted++; form.elements.source.value = "pasted"; });
  if (!form.elements.openedAt.value) form.elements.openedAt.value = new Date().toISOString().replace(/:\d\d\.\d{3}Z$/, ":00Z");
  document.getElementById("add-event").addEventListener("click", () => addEvent().querySelector("input").focus());
  form.addEventListener("submit", preview);
}

start().catch((e) => { problems.textContent = `Could not load the policies: ${e.message}`; });
