// Durations and instants as people read them. ISO-8601 durations from the API are open time (PT2H30M).

export function parseDuration(iso) {
  if (!iso) return null;
  const m = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m) return null;
  const ms = (((+(m[2] || 0) * 24 + +(m[3] || 0)) * 60 + +(m[4] || 0)) * 60 + +(m[5] || 0)) * 1000;
  return m[1] ? -ms : ms;
}

// 2h 05m 07s; with seconds only under a day.
export function formatSpan(ms, withSeconds = true) {
  const sign = ms < 0 ? "-" : "";
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400); s -= d * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  const pad = (n) => String(n).padStart(2, "0");
  if (d > 0) return `${sign}${d}d ${h}h ${pad(m)}m`;
  if (h > 0) return `${sign}${h}h ${pad(m)}m` + (withSeconds ? ` ${pad(s)}s` : "");
  return `${sign}${m}m` + (withSeconds ? ` ${pad(s)}s` : "");
}

// A goal as people say it: "4 hours", "1 hour 30 minutes", "2 business days" (the ISO form stays in the API).
export function formatGoal(goal, businessDays) {
  if (businessDays) return `${businessDays} business day${businessDays === 1 ? "" : "s"}`;
  const ms = parseDuration(goal);
  if (ms === null) return goal ?? "";
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60), m = minutes % 60;
  const part = (n, word) => (n ? `${n} ${word}${n === 1 ? "" : "s"}` : "");
  return [part(h, "hour"), part(m, "minute")].filter(Boolean).join(" ") || "0 minutes";
}

// A target's id as people say it, the same words the emails use: firstResponse → "first response", update →
// "progress update", a custom onsiteVisit or root_cause-report → "onsite visit", "root cause report".
export function targetWords(name) {
  if (name === "firstResponse") return "first response";
  if (name === "update") return "progress update";
  return String(name ?? "").replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_.\-\s]+/g, " ").trim().toLowerCase();
}

// The same, capitalised for the start of a line or a label: "First response".
export function targetTitle(name) {
  const words = targetWords(name);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const when = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });

export function formatInstant(iso) {
  return iso ? when.format(new Date(iso)) : "";
}

// A month picker's "yyyy-mm" as the UTC period [from, to), each an ISO instant without milliseconds.
export function monthPeriod(value) {
  const [year, month] = value.split("-").map(Number);
  const iso = (d) => d.toISOString().replace(".000", "");
  return { from: iso(new Date(Date.UTC(year, month - 1, 1))), to: iso(new Date(Date.UTC(year, month, 1))) };
}

// This month in UTC, as a month picker holds it ("yyyy-mm").
export function currentMonth() {
  const now = new Date();
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
}

// A problem+json answer shown as its title (or `title`) and the list of its errors, each naming its field.
export function problemList(error, title = error.problem?.title ?? error.message) {
  const list = error.problem?.errors ?? [];
  return [el("p", { text: title }),
    el("ul", {}, ...list.map((p) => el("li", { "data-path": p.path }, el("code", { text: p.path || "(document)" }), `: ${p.message}`)))];
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

const SVG = "http://www.w3.org/2000/svg";

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, v);
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}
