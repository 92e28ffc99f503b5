// The guide under the strict Content-Security-Policy it recommends (assets/_headers, which the
// e2e server sends with every file of the build): no inline script or style anywhere, so the
// app starts, is styled, and its screens (a walk, a deep guidance step, a live check, the
// paste, the report, the map, a themed embed) run without a single violation.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { openApp, reaches, recordViolations, RECOMMENDED_HEADERS, servedBuild, violations } from "./support.mjs";

const POLICY = RECOMMENDED_HEADERS["Content-Security-Policy"];
const served = servedBuild();

/** Opens `query` with every violation of the page's policy recorded, and checks that the
 * policy really came with the page. */
async function strictPage(query) {
  const context = await served.browser.newContext();
  await recordViolations(context);
  const page = await openApp(context, `${served.server.url}${query}`);
  const response = await page.reload();
  await page.waitForSelector("html[data-app=started][data-tree=whole]", { state: "attached" });
  assert.equal(response.headers()["content-security-policy"], POLICY);
  return { context, page };
}

describe("under the recommended Content-Security-Policy", () => {
  test("the policy allows no inline script or style, and no style attribute", () => {
    assert.doesNotMatch(POLICY, /'unsafe-inline'|'unsafe-eval'|\s\*/);
    assert.match(POLICY, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.match(POLICY, /style-src 'self';/);
  });

  test("the app starts styled, and a walk, a live check and the paste run without a violation", async () => {
    const { context, page } = await strictPage("");
    // The stylesheet applied: the answers are laid out as the guide's, not as a bare list.
    assert.equal(await page.locator(".answers").evaluate((list) => getComputedStyle(list).listStyleType), "none");
    await page.locator("details.paste summary").click();
    await page.locator("#paste-text").fill("HTTP/1.1 502 Bad Gateway\nServer: nginx\n\nconnect() failed (111: Connection refused) while connecting to upstream");
    await page.locator("details.paste button", { hasText: "Read it" }).click();
    await page.locator(".paste-findings").waitFor();
    // The online check runs in the panels' module and answers the next question.
    await page.locator("a.answer", { hasText: "I was visiting a website" }).click();
    await reaches(page, "Reload the page");
    assert.equal(await page.locator(".answered .finding").getAttribute("data-outcome"), "online");
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test("a deep guidance step, the report and the map run without a violation", async () => {
    const { context, page } = await strictPage("?from=owner-nginx-backlog");
    await reaches(page, "");
    await page.locator("details.report summary").click();
    await page.locator(".report-preview").waitFor();
    await page.goto(`${served.server.url}?map`);
    await page.locator(".map").first().waitFor();
    assert.deepEqual(await violations(page), []);
    await context.close();
  });

  test("an embed's theme is applied through the CSSOM, which the policy allows", async () => {
    const { context, page } = await strictPage("?embed=https%3A%2F%2Fhelp.example.com&accent=%232ec4a0&radius=4&theme=dark");
    const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--fix502-accent").trim());
    assert.equal(accent, "#2ec4a0");
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute("style") && document.documentElement.getAttribute("style").includes("--fix502-accent")), true);
    assert.deepEqual(await violations(page), []);
    await context.close();
  });
});
