import { svg } from "./format.js";

// A horizontal time axis from `from` to `to` (ms) over `width` pixels after a `left` margin for labels.
export function timeAxis(from, to, left, width) {
  const x = (t) => left + ((t - from) / (to - from)) * width;
  return { x, from, to, left, width };
}

// Grey rectangles over the closed time of one calendar (the gaps between its open spans) in a lane.
export function closedShading(axis, open, y, height) {
  const rects = [];
  let cursor = axis.from;
  for (const span of open) {
    const start = Date.parse(span.from), end = Date.parse(span.to);
    if (start > cursor) rects.push(svg("rect", { class: "closed", x: axis.x(cursor), y, width: axis.x(start) - axis.x(cursor), height }));
    cursor = Math.max(cursor, end);
  }
  if (cursor < axis.to) rects.push(svg("rect", { class: "closed", x: axis.x(cursor), y, width: axis.x(axis.to) - axis.x(cursor), height }));
  return rects;
}

// Day lines and labels along the top, in UTC so the page and the API agree.
export function dayTicks(axis, height) {
  const ticks = [];
  const day = 86_400_000;
  for (let t = Math.ceil(axis.from / day) * day; t <= axis.to; t += day) {
    const label = new Date(t).toLocaleDateString(undefined, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
    ticks.push(svg("line", { x1: axis.x(t), x2: axis.x(t), y1: 14, y2: height, stroke: "#9aa1ab" }),
      svg("text", { x: axis.x(t) + 3, y: 11 }, label));
  }
  return ticks;
}
