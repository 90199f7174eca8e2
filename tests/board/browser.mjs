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

// True when the page does not scroll sideways: nothing wider than the viewport outside a box that scrolls itself.
// Compared with the viewport asked for: a mobile page's window.innerWidth grows to fit what overflows.
export async function fitsWidth(page) {
  const width = page.viewportSize().width;
  return page.evaluate((w) => document.documentElement.scrollWidth <= w && window.innerWidth <= w, width);
}

export const DESKTOP = { width: 1400, height: 900 };
export const PHONE = { width: 390, height: 844 };

// Opens `url` with the API key already in the tab's session storage, as if entered once.
export async function pageWithKey(browser, app, path, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, ...(viewport === PHONE ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  await context.addInitScript((key) => sessionStorage.setItem("sla.apiKey", key), app.key);
  const page = await context.newPage();
  await page.goto(app.url + path);
  return page;
}
