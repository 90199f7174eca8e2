// Starts the standalone app (dotnet run, Release) on a free port with fresh Azurite tables, a random API key and one
// cloudevents connection per seed policy; stops it when asked.
import { spawn } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const seedPolicies = ["liveops", "lumedx", "lumenvox", "phonism", "xecuritas"];

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => { const { port } = server.address(); server.close(() => resolve(port)); });
    server.on("error", reject);
  });
}

export function connectionOf(policy) {
  return `${policy}-desk`;
}

export function customerOf(policy) {
  return `${policy[0].toUpperCase()}${policy.slice(1)} Ltd`;
}

export async function startApp() {
  const port = await freePort();
  const suffix = randomBytes(5).toString("hex");
  const key = randomBytes(18).toString("base64url");
  const secret = "whsec_" + randomBytes(24).toString("base64");
  const env = {
    ...process.env,
    Storage__CasesTable: "boardcases" + suffix,
    Storage__DueTable: "boarddue" + suffix,
    // The app sweeps and sends as it would for real; its notices stay in tables, a queue and a folder of its own.
    Storage__OutboxTable: "boardoutbox" + suffix,
    Storage__DeliveriesTable: "boardsent" + suffix,
    Storage__PoisonTable: "boardpoison" + suffix,
    Storage__QueueName: "boardq" + suffix,
    Email__Pickup__Folder: join(tmpdir(), "slafunctions-board-mail-" + suffix),
    Api__Keys__0: key,
    // Someone to tell, so the case view lists notices (the timeline test reads them).
    Notices__SupportManagement__0: "support-managers@example.test",
    Notices__OnCall__0: "on-call@example.test",
    ASPNETCORE_ENVIRONMENT: "Production",
    Logging__LogLevel__Default: "Warning",
  };
  for (const policy of seedPolicies) {
    const name = connectionOf(policy);
    env[`Webhooks__Connections__${name}__Source`] = "cloudevents";
    env[`Webhooks__Connections__${name}__Secrets__0`] = secret;
    env[`Webhooks__Connections__${name}__Policy`] = policy;
    env[`Webhooks__Connections__${name}__Customer`] = customerOf(policy);
  }
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("dotnet", ["run", "--project", "functions", "-c", "Release", "--no-launch-profile", "--", "--urls", url],
    { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout.on("data", (d) => { output += d; });
  child.stderr.on("data", (d) => { output += d; });
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  if (Date.now() >= deadline) throw new Error(`the app did not answer on ${url}:\n${output}`);
  return {
    url, key, secret,
    stop: async () => {
      try { process.kill(-child.pid, "SIGTERM"); } catch { /* already gone */ }
      await deleteTable(env.Storage__CasesTable);
      await deleteTables(env.Storage__DueTable);
    },
  };
}

// Azurite's well-known development account (UseDevelopmentStorage=true), signed with SharedKeyLite.
const account = "devstoreaccount1";
const accountKey = Buffer.from("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==", "base64");

export async function deleteTable(name) {
  const date = new Date().toUTCString();
  // The emulator's path-style address repeats the account in the signed resource.
  const resource = `/${account}/${account}/Tables('${name}')`;
  const signature = createHmac("sha256", accountKey).update(`${date}\n${resource}`).digest("base64");
  await fetch(`http://127.0.0.1:10002/${account}/Tables('${name}')`, {
    method: "DELETE",
    headers: { "x-ms-date": date, "x-ms-version": "2019-02-02", Authorization: `SharedKeyLite ${account}:${signature}`, Accept: "application/json" },
  });
}

// Deletes the tables whose names start with `prefix`: the due index's day tables (`<prefix>20260310`) and the table of
// that name alone.
export async function deleteTables(prefix) {
  const date = new Date().toUTCString();
  const resource = `/${account}/${account}/Tables`;
  const signature = createHmac("sha256", accountKey).update(`${date}\n${resource}`).digest("base64");
  const filter = encodeURIComponent(`TableName ge '${prefix}' and TableName lt '${prefix}:'`);
  const answer = await fetch(`http://127.0.0.1:10002/${account}/Tables?$filter=${filter}`, {
    headers: { "x-ms-date": date, "x-ms-version": "2019-02-02", Authorization: `SharedKeyLite ${account}:${signature}`, Accept: "application/json;odata=nometadata" },
  });
  const { value = [] } = answer.ok ? await answer.json() : {};
  for (const { TableName } of value) await deleteTable(TableName);
}
