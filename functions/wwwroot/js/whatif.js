import { apiKey, postJson, setApiKey } from "./api.js";
import { currentMonth, el, monthPeriod, problemList, targetTitle } from "./format.js";

// The what-if: the stored cases of a month replayed under the policy in the playground's YAML box (the loaded
// policy's file, or a pasted draft with a loaded policy's id), through POST /api/policies/what-if.
const form = document.getElementById("whatif-form");
const yaml = document.querySelector('#playground textarea[name="yaml"]');
const summary = document.getElementById("whatif-summary");
const problems = document.getElementById("whatif-problems");
const compliance = document.getElementById("whatif-compliance");
const changes = document.getElementById("whatif-changes");

const percent = (t) => (t === null ? "—" : t.percentMet === null ? `none decided of ${t.cases}` : `${t.percentMet.toFixed(1)} % (${t.met} of ${t.met + t.breached})`);
const points = (p) => (p === null ? "—" : `${p > 0 ? "+" : ""}${p.toFixed(1)} points`);

function show(report) {
  summary.textContent = `${report.cases} stored cases of ${report.policy} opened from ${report.from.slice(0, 10)} to ${report.to.slice(0, 10)} (exclusive), judged at ${report.asOf}: `
    + `${report.flipped} with a verdict flipped, ${report.changed} changed in any way.`;
  compliance.tBodies[0].replaceChildren(...report.compliance.map((r) => el("tr", { "data-customer": r.customer, "data-target": r.target },
    el("th", { scope: "row", text: r.customer }), el("td", { text: targetTitle(r.target) }),
    el("td", { text: percent(r.before) }), el("td", { text: percent(r.after) }), el("td", { text: points(r.percentMetChange) }))));
  compliance.hidden = report.compliance.length === 0;
  changes.replaceChildren(...report.changes.map((c) => el("li", { "data-id": c.externalId },
    el("strong", { text: `${c.connection}/${c.externalId}` }), ` (${c.customer}, opened ${c.openedAt}): `,
    [...c.verdicts.map((v) => `${targetTitle(v.target)} ${v.before ?? "—"} → ${v.after ?? "—"}`),
      ...c.noticesAdded.map((n) => `new notice ${n.rule} at ${n.at}`),
      ...c.noticesRemoved.map((n) => `no notice ${n.rule} at ${n.at}`)].join("; "))));
}

async function replay(event) {
  event.preventDefault();
  problems.replaceChildren();
  if (form.elements.key.value.trim()) setApiKey(form.elements.key.value.trim());
  summary.textContent = "Replaying the stored cases…";
  try {
    show(await postJson("/api/policies/what-if", { policy: yaml.value, ...monthPeriod(form.elements.month.value) }));
  } catch (error) {
    summary.textContent = "";
    compliance.hidden = true;
    changes.replaceChildren();
    problems.replaceChildren(...(error.status === 401 ? problemList(error, "The what-if reads stored cases: enter the API key.") : problemList(error)));
  } finally {
    form.elements.key.closest("label").hidden = Boolean(apiKey());
  }
}

form.elements.month.value = currentMonth();
form.elements.key.closest("label").hidden = Boolean(apiKey());
form.addEventListener("submit", replay);
