// Shared set-up for the journeys: one Chromium per file, a fresh profile per test, and guards
// that fail a test on any console error, any Content-Security-Policy violation, or any request
// to a host other than ours.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * One server and one Chromium for a test file. `csp: true` also sends the policy as a header.
 */
export async function startSuite({ csp = false } = {}) {
  const requests = [];
  const server = await serveDist(undefined, { csp, requests });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    origin: server.origin,
    browser,
    /** Every request that reached the server, as "GET /path", from pages and workers. */
    requests,
    async close() {
      await browser.close();
      await server.close();
    },
    /** Stops the server: the device is now offline as far as this site goes. */
    stopServer: () => server.close(),
    /**
     * A fresh person on a fresh device (360 px wide unless told otherwise; `scale` is the
     * screen's pixels per CSS pixel), whose browser prefers `locale` when given (as
     * navigator.language and Accept-Language). The service worker is blocked unless asked
     * for, because requests it answers bypass `page.route`. `allow` lists other origins the
     * page may talk to (a sending test's receiver); a failed request to one of them (a fault
     * the test planned) is not a console error either.
     */
    async newPage({ width = 360, height = 740, scale = 1, locale, serviceWorkers = 'block', allow = [] } = {}) {
      const context = await browser.newContext({
        viewport: { width, height }, deviceScaleFactor: scale, serviceWorkers, ...(locale ? { locale } : {}),
      });
      return guard(await context.newPage(), allow);
    },
    /** Another tab on the same device as `page`, sharing its storage. */
    async newTab(page) {
      return guard(await page.context().newPage(), page.allowed);
    },
  };

  async function guard(page, allow = []) {
    const problems = [];
    const allowed = (url) => allow.some((origin) => url.startsWith(origin));
    // Reported from the page itself, so a violation fails the test even when the browser
    // would not log it.
    await page.exposeBinding('__flourishCspViolation', (_, v) => {
      problems.push(`CSP violation: ${v.directive} blocked ${v.blocked || '(inline)'} at ${v.source}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        // eslint-disable-next-line no-underscore-dangle
        window.__flourishCspViolation({
          directive: e.effectiveDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}`,
        });
      });
    });
    page.on('console', (msg) => {
      // Chromium logs every failed or non-2xx request; for an allowed receiver those are
      // the faults the test planned, and the app's own handling of them is what is tested.
      const text = msg.text();
      const planned = (allowed(msg.location()?.url ?? '') && /^Failed to load resource/.test(text))
        || allow.some((origin) => text.startsWith(`Access to fetch at '${origin}/`))
        // A test that takes the device offline expects the browser's own loads to fail.
        || text === 'Failed to load resource: net::ERR_INTERNET_DISCONNECTED';
      if (msg.type() === 'error' && !planned) problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    const ours = new Set([server.origin]);
    page.on('request', (req) => {
      const url = req.url();
      if (![...ours].some((o) => url.startsWith(o)) && !url.startsWith('data:') && !url.startsWith('blob:') && !allowed(url)) {
        problems.push(`request to another host: ${url}`);
      }
    });
    page.assertClean = () => assert.deepEqual(problems, [], problems.join('\n'));
    /** What the guards have caught so far (for tests that provoke a failure on purpose). */
    page.problems = problems;
    /** Counts requests to `origin` (another server of the test's own) as ours. */
    page.allowOrigin = (origin) => ours.add(origin);
    page.origin = server.origin;
    page.allowed = allow;
    return page;
  }
}

/**
 * For a test file: one suite, started before its tests and closed after them, then the count
 * of screen states axe checked. `use` receives the suite once it is up.
 */
export function suiteForFile(use, options) {
  let suite;
  before(async () => {
    suite = await startSuite(options);
    use(suite);
  });
  after(async () => {
    await suite?.close();
    console.log(`axe-core: ${assertAccessible.screens ?? 0} screen states checked, 0 violations`);
  });
}

/**
 * Runs axe-core on the page as it is now; fails with every violation listed. `disable` names
 * rules that do not apply to this state, each one a decision the caller explains.
 */
export async function assertAccessible(page, label, { disable = [] } = {}) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern; a script
  // tag would be an inline script, which the policy (rightly) refuses.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async (off) =>
    // eslint-disable-next-line no-undef
    axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      rules: Object.fromEntries(off.map((id) => [id, { enabled: false }])),
    }), disable);
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

/** Waits for the tab's title to match `pattern` (the app names the page once its address is
 * in the history, after the page is painted), and returns it; fails with the title there is. */
export async function titleMatching(page, pattern) {
  try {
    await page.waitForFunction(([source, flags]) => new RegExp(source, flags).test(document.title),
      [pattern.source, pattern.flags], { timeout: 5000 });
  } catch {
    assert.fail(`the title "${await page.title()}" does not match ${pattern}`);
  }
  return page.title();
}

/** What currently has focus, described briefly. */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase(), text: el?.textContent?.trim() ?? '', id: el?.id ?? '' };
  });
}

/** Presses Tab until what has focus reads `text` (failing with `why` after `most` presses),
 * then Enter on it. */
export async function tabToAndEnter(page, text, most, why) {
  let steps = 0;
  while ((await focused(page)).text !== text) {
    await page.keyboard.press('Tab');
    assert.ok(++steps < most, why);
  }
  await page.keyboard.press('Enter');
}

/** Opens the home screen and waits for its heading; returns the heading's text. */
export async function openHome(page) {
  await page.goto(page.origin + '/');
  return heading(page);
}

/** Everything this site holds in each of the browser's stores, read in the page: local and
 * session storage (key: value), IndexedDB database names, Cache Storage cache names, and
 * the cookies the page can see. */
export function readStores(page) {
  return page.evaluate(async () => {
    const all = (s) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)).map((k) => [k, s.getItem(k)]));
    return {
      localStorage: all(localStorage),
      sessionStorage: all(sessionStorage),
      indexedDB: (await indexedDB.databases()).map((d) => d.name),
      cacheStorage: await caches.keys(),
      cookies: document.cookie,
    };
  });
}
