// Debian's Chromium, headless, driven by playwright-core (no browser download). The flags keep Chromium off the
// network this machine does not have.
import { chromium } from "playwright-core";

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

// Opens `url` with the API key already in the tab's session storage, as if entered once.
export async function pageWithKey(browser, app, path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((key) => sessionStorage.setItem("sla.apiKey", key), app.key);
  const page = await context.newPage();
  await page.goto(app.url + path);
  return page;
}
