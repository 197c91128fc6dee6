// Shared set-up for the journeys: one Chromium per file, a fresh profile per test, and guards
// that fail a test on any console error or any request to a host other than ours.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function startSuite() {
  const server = await serveDist();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    origin: server.origin,
    async close() {
      await browser.close();
      await server.close();
    },
    /** A fresh person on a fresh device (360 px wide unless told otherwise), whose browser
     * prefers `locale` when given (as navigator.language and Accept-Language). */
    async newPage({ width = 360, height = 740, locale } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, ...(locale ? { locale } : {}) });
      return guard(await context.newPage());
    },
    /** Another tab on the same device as `page`, sharing its storage. */
    async newTab(page) {
      return guard(await page.context().newPage());
    },
  };

  function guard(page) {
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(server.origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
        problems.push(`request to another host: ${url}`);
      }
    });
    page.assertClean = () => assert.deepEqual(problems, [], problems.join('\n'));
    page.origin = server.origin;
    return page;
  }
}

/** Runs axe-core on the page as it is now; fails with every violation listed. */
export async function assertAccessible(page, label) {
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }),
  );
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  assert.equal(result.violations.length, 0, `axe on ${label}:\n${summary.join('\n')}`);
  assertAccessible.screens = (assertAccessible.screens ?? 0) + 1;
}

/** Waits for the app to have rendered a page heading. */
export async function heading(page) {
  const h1 = page.locator('main h1');
  await h1.waitFor();
  return (await h1.textContent()).trim();
}

/** What currently has focus, described briefly. */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase(), text: el?.textContent?.trim() ?? '', id: el?.id ?? '' };
  });
}
