// Posts one CloudEvent to /api/webhooks/<connection>, signed the Standard Webhooks way (HMAC-SHA256 over
// "id.timestamp.body" with the whsec_ secret's decoded bytes), as a ticket tool would.
import { createHmac, randomUUID } from "node:crypto";

export async function sendEvent(app, connection, subject, type, time, data = {}) {
  const event = {
    specversion: "1.0", type: `com.slafunctions.case.${type}`, source: "https://desk.example/cases",
    id: randomUUID(), time: new Date(time).toISOString(), subject, datacontenttype: "application/json", data,
  };
  const body = JSON.stringify(event);
  const id = randomUUID();
  const timestamp = Math.floor(Date.now() / 1000).toString();
  const key = Buffer.from(app.secret.slice("whsec_".length), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  const response = await fetch(`${app.url}/api/webhooks/${connection}`, {
    method: "POST", body,
    headers: { "Content-Type": "application/cloudevents+json", "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` },
  });
  if (!response.ok) throw new Error(`${connection}/${subject} ${type}: ${response.status} ${await response.text()}`);
  return response.json();
}
