// The split build: the first screen needs only the first wasm; the other parts' code follows
// once the app runs, in a few files, after which no page needs the network; a part that
// cannot be downloaded is said plainly and can be tried again without losing anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, assertAccessible, heading, focused, titleMatching } from './helpers.mjs';
import { arrive } from './journeys.mjs';

const FIRST_QUESTION = 'During the past month, how often did you feel happy?';
const FIRST_WASM = /\/flourish-\w+_bg\.wasm$/;
// The three journeys, and the words of each language offered besides English. (The sender
// is a part too, fetched only where the service receives submissions: see send.test.mjs.)
const PARTS = ['check_in', 'referral', 'more', 'welsh', 'arabic'];

let suite;
before(async () => { suite = await startSuite({ csp: true }); });
after(async () => { await suite?.close(); });

/** Waits until the page's heading has focus (it takes it a frame or two after it appears). */
async function headingFocused(page, text) {
  await page.waitForFunction((t) => {
    const el = document.activeElement;
    return el?.tagName === 'H1' && el.textContent.trim() === t;
  }, text, { timeout: 5000 }).catch(async () => {
    assert.fail(`focus is on ${JSON.stringify(await focused(page))}, not the heading "${text}"`);
  });
}

/** The wasm files `page` asks for (paths, in order) and those that have fully arrived. */
function wasmRequests(page) {
  const asked = [];
  const arrived = new Set();
  const path = (r) => new URL(r.url()).pathname;
  page.on('request', (r) => { if (path(r).endsWith('.wasm')) asked.push(path(r)); });
  page.on('requestfinished', (r) => { if (path(r).endsWith('.wasm')) arrived.add(path(r)); });
  return {
    asked,
    /** Waits until every part's own file has been asked for and every file asked for is in. */
    async everyPart() {
      const done = () => PARTS.every((p) => asked.some((a) => a.startsWith(`/${p}-`)))
        && asked.every((a) => arrived.has(a));
      for (let waited = 0; !done(); waited += 100) {
        assert.ok(waited < 20_000, `parts still missing: asked ${asked.join(' ')}, arrived ${[...arrived].join(' ')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

test('the first screen needs only the first wasm; then every part arrives, in a few files, and no page needs the network', async () => {
  const page = await suite.newPage();
  const wasm = wasmRequests(page);
  // Every part's code is held back until the first screen is up.
  const held = [];
  let holding = true;
  await page.route('**/*.wasm', (route) => (
    holding && !FIRST_WASM.test(route.request().url()) ? held.push(route) : route.continue()));
  await page.goto(`${suite.origin}/`);
  assert.equal(await heading(page), 'How are you doing?');
  assert.deepEqual(wasm.asked.filter((p) => FIRST_WASM.test(p)).length, 1);
  holding = false;
  await Promise.all(held.map((route) => route.continue()));

  await wasm.everyPart();
  const parts = wasm.asked.filter((p) => !FIRST_WASM.test(p));
  // One file per part, and a few for the code the journeys share (one per combination of
  // parts that use it).
  assert.ok(parts.length <= PARTS.length + 5, `${parts.length} files: ${parts.join(' ')}`);
  assert.equal(new Set(parts).size, parts.length, 'no file is fetched twice');

  // No connection from now on (and no service worker in this test): every part still opens.
  await page.context().setOffline(true);
  await page.getByRole('link', { name: 'Start a check-in' }).click();
  await arrive(page, FIRST_QUESTION);
  await headingFocused(page, FIRST_QUESTION);
  await page.getByRole('link', { name: 'Your data', exact: true }).click();
  await arrive(page, 'Your data');
  await page.goBack();
  await arrive(page, FIRST_QUESTION);
  assert.equal(wasm.asked.length, parts.length + 1, wasm.asked.join(' '));
  page.assertClean();
});

test('with the service worker, each file of every part is downloaded once', async () => {
  const page = await suite.newPage({ serviceWorkers: 'allow' });
  const wasm = wasmRequests(page);
  const from = suite.requests.length;
  await page.goto(`${suite.origin}/`);
  assert.equal(await heading(page), 'How are you doing?');
  await wasm.everyPart();
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready) && navigator.serviceWorker.controller);
  const got = suite.requests.slice(from).filter((r) => r.endsWith('.wasm'));
  assert.ok(got.length > PARTS.length, got.join('\n'));
  // The worker's copy came from the browser's cache (the names carry a hash of the content).
  assert.equal(new Set(got).size, got.length, got.join('\n'));
  page.assertClean();
});

test('when a part cannot be downloaded the person is told plainly, and Try again brings the page', async () => {
  const page = await suite.newPage();
  let offline = true;
  await page.route('**/*.wasm', (route) => (
    offline && !FIRST_WASM.test(route.request().url()) ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(`${suite.origin}/`);
  assert.equal(await heading(page), 'How are you doing?');

  await page.getByRole('link', { name: 'Start a check-in' }).click();
  assert.equal(await heading(page), 'This page could not be loaded');
  await headingFocused(page, 'This page could not be loaded');
  await titleMatching(page, /^This page could not be loaded/);
  await page.getByText('Everything you have saved is still on this device.').waitFor();
  // The app is still running: its header and the way to urgent help are there.
  await page.getByRole('link', { name: 'Get help now' }).waitFor();
  await assertAccessible(page, 'a page whose code did not download');

  offline = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  assert.equal(await heading(page), FIRST_QUESTION);
  await headingFocused(page, FIRST_QUESTION);

  // What the failed downloads logged, and nothing else.
  const unexpected = page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p));
  assert.deepEqual(unexpected, [], unexpected.join('\n'));
  assert.ok(page.problems.length > 0, 'the failed download was logged');
});

test('when a language cannot be downloaded the person is told, the page stays as it was, and choosing it again works', async () => {
  const page = await suite.newPage();
  let offline = true;
  await page.route('**/welsh-*.wasm', (route) => (
    offline ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(`${suite.origin}/`);
  assert.equal(await heading(page), 'How are you doing?');

  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await page.getByRole('alert').getByText(
    'Cymraeg could not be downloaded. Check your connection, then choose it again.').waitFor();
  assert.equal(await heading(page), 'How are you doing?');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-GB');
  await assertAccessible(page, 'a language whose words did not download');

  offline = false;
  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'cy');
  assert.notEqual(await heading(page), 'How are you doing?');
  await headingFocused(page, await heading(page));
  assert.equal(await page.getByText('Doedd dim modd lawrlwytho Cymraeg', { exact: false }).count(), 0,
    'the notice went once the words came');

  const unexpected = page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p));
  assert.deepEqual(unexpected, [], unexpected.join('\n'));
});

test('a person who chose Welsh, whose Welsh words cannot be downloaded, gets the app in English and is told', async () => {
  const page = await suite.newPage();
  await page.goto(`${suite.origin}/get-help`);
  await page.evaluate(() => localStorage.setItem('flourish.language', JSON.stringify({ schema: 1, data: 'cy' })));
  await page.route('**/welsh-*.wasm', (route) => route.abort('internetdisconnected'));
  await page.goto(`${suite.origin}/`);
  assert.equal(await heading(page), 'How are you doing?');
  await page.getByRole('alert').getByText(
    'Cymraeg could not be downloaded. Check your connection, then choose it again.').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-GB');
  // The Welsh the person chose is still remembered, for when the words can come.
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('flourish.language')).data), 'cy');
  const unexpected = page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p));
  assert.deepEqual(unexpected, [], unexpected.join('\n'));
});
