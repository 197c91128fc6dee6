// The static shell: what a person sees before the app has loaded, when it cannot load, when it
// fails, and when the service's configuration never arrives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, assertAccessible, heading, focused } from './helpers.mjs';

const CRISIS = ['tel:999', 'tel:111', 'tel:116123', 'sms:85258?&body=SHOUT'];

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

/** Holds every request for the wasm until `release()` is called. */
async function holdWasm(page) {
  const held = [];
  let released = false;
  await page.route('**/*.wasm', (route) => (released ? route.continue() : held.push(route)));
  return {
    async release() {
      released = true;
      // A request from a page that has since navigated away can no longer go on.
      await Promise.all(held.map((route) => route.continue().catch(() => {})));
    },
  };
}

const crisisLinks = (page) => page.locator('#f-shell a[href^="tel:"], #f-shell a[href^="sms:"]')
  .evaluateAll((as) => as.map((a) => a.getAttribute('href')));

test('before the app arrives the page already shows Get help now, the crisis routes and a quiet loading line', async () => {
  const page = await suite.newPage();
  const wasm = await holdWasm(page);
  await page.goto(`${suite.origin}/`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('link', { name: 'Get help now' }).waitFor();
  const status = page.getByRole('status');
  assert.equal((await status.textContent()).trim(), 'Loading…');
  assert.deepEqual(await crisisLinks(page), CRISIS);
  await page.getByRole('link', { name: 'Call 116 123' }).waitFor();
  assert.equal(await page.locator('#f-shell-name').textContent(), 'Flourish');
  // No heading of its own yet: the page's heading comes with the app.
  await assertAccessible(page, 'the loading shell', { disable: ['page-has-heading-one'] });

  // Get help now works before the app: it opens the help page, which the app then fills.
  await page.getByRole('link', { name: 'Get help now' }).click();
  await page.waitForURL(`${suite.origin}/get-help`);
  await page.getByRole('status').waitFor();
  await wasm.release();
  assert.equal(await heading(page), 'Get help now');
  assert.equal(await page.locator('#f-shell').count(), 0, 'the shell is gone once the app is in');
  page.assertClean();
});

test('the app takes over from the shell without moving the header', async () => {
  const page = await suite.newPage();
  const wasm = await holdWasm(page);
  await page.goto(`${suite.origin}/`, { waitUntil: 'domcontentloaded' });
  const box = () => page.locator('header.f-header').boundingBox();
  const before = await box();
  // Layout shifts, as the browser counts them for Cumulative Layout Shift.
  await page.evaluate(() => {
    window.shifts = [];
    new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value)))
      .observe({ type: 'layout-shift', buffered: true });
  });
  await wasm.release();
  assert.equal(await heading(page), 'How are you doing?');
  assert.deepEqual(await box(), before);
  const shifts = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(window.shifts))));
  assert.deepEqual(shifts, [], 'no layout shift');
  page.assertClean();
});

test('when the app cannot be downloaded the person sees a plain message and the crisis routes', async () => {
  const page = await suite.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(`${suite.origin}/check-in/questions/3`);
  const title = page.getByRole('heading', { level: 1, name: 'Sorry, something went wrong' });
  await title.waitFor();
  assert.equal((await focused(page)).text, 'Sorry, something went wrong');
  assert.equal(await page.title(), 'Sorry, something went wrong');
  await page.getByText('Your answers are kept on this device.').waitFor();
  await page.getByText('If you need help now, you do not have to wait.').waitFor();
  assert.deepEqual(await crisisLinks(page), CRISIS);
  assert.equal(await page.getByRole('link', { name: 'Try again' }).getAttribute('href'),
    `${suite.origin}/check-in/questions/3`);
  assert.equal(await page.getByRole('status').count(), 0, 'no longer says it is loading');
  await assertAccessible(page, 'the app could not load');
  // The failure is reported in the console (for whoever supports the person), and nothing else.
  assert.ok(page.problems.length > 0);
  for (const problem of page.problems) {
    assert.match(problem, /console error: (Failed to load resource|Flourish could not start)/);
  }
});

test('when the app fails after it has started the person sees the same message, not a blank page', async () => {
  const page = await suite.newPage();
  await page.goto(`${suite.origin}/`);
  assert.equal(await heading(page), 'How are you doing?');
  // From now on the document refuses to create elements, which the app's renderer does not
  // expect: its next page panics.
  await page.evaluate(() => {
    const refuse = () => { throw new Error('refused by the test'); };
    Document.prototype.createElement = refuse;
    Document.prototype.createElementNS = refuse;
  });
  await page.getByRole('link', { name: 'Start a check-in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sorry, something went wrong' }).waitFor();
  assert.equal(await page.locator('#app').count(), 0, 'what was left of the app is gone');
  assert.deepEqual(await crisisLinks(page), CRISIS);
  assert.ok(page.problems.some((p) => /panicked at/.test(p)), page.problems.join('\n'));
});

test('a configuration that never arrives holds nothing up: after a few seconds the app runs on its built-in settings and says so', async () => {
  const page = await suite.newPage();
  const asked = [];
  await page.route('**/config.json', (route) => { asked.push(route.request().url()); });
  const started = Date.now();
  await page.goto(`${suite.origin}/`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('status').waitFor();
  assert.equal(await heading(page), 'How are you doing?');
  const waited = Date.now() - started;
  assert.ok(waited >= 3500 && waited < 15000, `the app started after ${waited} ms`);
  await page.getByRole('heading', { name: 'Some of this service\'s settings could not be read' }).waitFor();
  await page.getByText('Details for the service').click();
  await page.getByText('no answer within 4 seconds', { exact: false }).waitFor();
  assert.equal(asked.length, 1, 'the app uses the preloaded request, not a second one');
  // And it works: a check-in starts.
  await page.getByRole('link', { name: 'Start a check-in' }).click();
  assert.equal(await heading(page), 'During the past month, how often did you feel happy?');
  page.assertClean();
});

test('config.json, the JS and the wasm are each fetched once, by their preloads, and each preload is used', async () => {
  const page = await suite.newPage();
  const requests = [];
  const warnings = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${suite.origin}/`);
  assert.equal(await heading(page), 'How are you doing?');
  await page.waitForLoadState('load');
  // Chromium warns a few seconds after load about a preload nobody used.
  await page.waitForTimeout(3500);
  const count = (re) => requests.filter((p) => re.test(p)).length;
  assert.deepEqual([count(/^\/config\.json$/), count(/^\/flourish-\w+\.js$/), count(/_bg\.wasm$/)], [1, 1, 1], requests.join(' '));
  assert.deepEqual(warnings.filter((w) => /preload|integrity/i.test(w)), []);
  page.assertClean();
});
