// The split build: the first screen downloads no page's code, a part of the app arrives in a
// few files when it is first opened, and a download that fails is said plainly and can be
// tried again without losing anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, assertAccessible, heading, focused } from './helpers.mjs';
import { answerQuestions, byInstrument, skipFollowUps, save } from './journeys.mjs';

const FIRST_QUESTION = 'During the past month, how often did you feel happy?';

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

/** The wasm files `page` asks for, by path, in order. */
function wasmRequests(page) {
  const asked = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.wasm')) asked.push(path);
  });
  return asked;
}

test('the first screen downloads only the first wasm, and a check-in\'s pages arrive in a few files when it starts', async () => {
  const page = await suite.newPage();
  const asked = wasmRequests(page);
  await page.goto(`${suite.origin}/`);
  assert.equal(await heading(page), 'How are you doing?');
  await page.waitForLoadState('load');
  assert.deepEqual(asked.map((p) => p.replace(/-\w+_bg\.wasm$/, '')), ['/flourish'], asked.join(' '));

  await page.getByRole('link', { name: 'Start a check-in' }).click();
  assert.equal(await heading(page), FIRST_QUESTION);
  await headingFocused(page, FIRST_QUESTION);
  const chunks = asked.slice(1);
  assert.ok(chunks.some((p) => /^\/check_in-\w+\.wasm$/.test(p)), chunks.join(' '));
  // One file for the check-in's own code, and a few for code it shares with other parts.
  assert.ok(chunks.length <= 12, `${chunks.length} files for the first question: ${chunks.join(' ')}`);
  assert.equal(new Set(chunks).size, chunks.length, 'no file is fetched twice');

  // The rest of the check-in needs nothing more.
  const before = asked.length;
  await answerQuestions(page, { label: byInstrument('About once a week', 'Hardly ever or never') });
  await skipFollowUps(page);
  await save(page);
  assert.deepEqual(asked.slice(before), []);
  page.assertClean();
});

test('when a page\'s code cannot be downloaded the person is told plainly, and Try again brings the page', async () => {
  const page = await suite.newPage();
  let offline = false;
  await page.route('**/*.wasm', (route) => {
    const first = /\/flourish-\w+_bg\.wasm$/.test(route.request().url());
    return offline && !first ? route.abort('internetdisconnected') : route.continue();
  });
  await page.goto(`${suite.origin}/`);
  assert.equal(await heading(page), 'How are you doing?');
  offline = true;

  await page.getByRole('link', { name: 'Start a check-in' }).click();
  assert.equal(await heading(page), 'This page could not be loaded');
  await headingFocused(page, 'This page could not be loaded');
  assert.match(await page.title(), /^This page could not be loaded/);
  await page.getByText('Everything you have saved is still on this device.').waitFor();
  // The app is still running: its header and the way to urgent help are there.
  await page.getByRole('link', { name: 'Get help now' }).waitFor();
  await assertAccessible(page, 'a page whose code did not download');

  offline = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  assert.equal(await heading(page), FIRST_QUESTION);
  await headingFocused(page, FIRST_QUESTION);

  // What the failed download logged, and nothing else.
  const unexpected = page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p));
  assert.deepEqual(unexpected, [], unexpected.join('\n'));
  assert.ok(page.problems.length > 0, 'the failed download was logged');
});
