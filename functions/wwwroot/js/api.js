// The read API with the key entered once and kept in this tab's session storage (never in localStorage or a cookie).
const KEY = "sla.apiKey";

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function send(path, init = {}) {
  const headers = new Headers(init.headers || {});
  const key = apiKey();
  // Standalone the app checks x-api-key; behind the Azure Functions host the host checks x-functions-key. The one
  // key entered is sent as both, so the pages work the same at / (standalone) and at /api/ui/ (Azure).
  if (key) {
    headers.set("x-api-key", key);
    headers.set("x-functions-key", key);
  }
  const response = await fetch(path, { ...init, headers });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON: the status says enough */ }
    if (response.status === 401) setApiKey(null);
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function getJson(path) {
  return (await send(path)).json();
}

export async function getText(path, accept) {
  return (await send(path, { headers: { Accept: accept } })).text();
}

export async function postJson(path, body) {
  return (await send(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })).json();
}

// Shows the key form inside `form` until a key is kept; resolves once one is.
export function ensureKey(form, onKey) {
  const input = form.querySelector("input");
  const show = () => { form.hidden = false; input.focus(); };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!input.value.trim()) return;
    setApiKey(input.value.trim());
    input.value = "";
    form.hidden = true;
    onKey();
  });
  if (apiKey()) { form.hidden = true; onKey(); } else show();
  return show;
}
