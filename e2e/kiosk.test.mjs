// A kiosk in a community centre: a shared screen that keeps nothing of anyone. A person
// walks away half-way; the screen warns, can be kept going, and left alone clears itself and
// every store the browser has; Back never brings the person's pages back. The page's clock
// is Playwright's, so two minutes pass in a moment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suiteForFile, assertAccessible, heading, focused, readStores } from './helpers.mjs';
import { arrive, askForSupport } from './journeys.mjs';

let suite;
suiteForFile((s) => { suite = s; });

/** The kiosk's own configuration: the defaults, 120 seconds then a 30-second warning. */
const KIOSK = { mode: 'kiosk', service_name: 'Valley Link' };

/** A kiosk screen: portrait, 1080 wide, with the kiosk's configuration and a clock the test
 * moves on. */
async function kiosk(config = KIOSK) {
  const page = await suite.newPage({ width: 1080, height: 1920 });
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
  await page.clock.install();
  await page.goto(suite.origin + '/');
  await arrive(page, 'What would you like to do?');
  return page;
}

const WARNING = 'Are you still there?';
const warning = (page) => page.getByRole('alertdialog', { name: WARNING });

/** Puts something in every store the browser has, as an older version, another app on the
 * same address or a browser extension might have left: a reset must clear it all, except
 * the device's outbox and the service worker's precache of the app's own files. */
async function leaveTraces(page) {
  await page.evaluate(async () => {
    localStorage.setItem('flourish.referral.draft', JSON.stringify({ schema: 1, data: { id: 'old', name: 'Left behind' } }));
    localStorage.setItem('flourish-outbox', JSON.stringify({ schema: 1, data: [] }));
    sessionStorage.setItem('flourish.something', 'Left behind');
    document.cookie = 'left=behind; path=/';
    await new Promise((ok, fail) => {
      const open = indexedDB.open('left-behind');
      open.onupgradeneeded = () => open.result.createObjectStore('answers');
      open.onsuccess = () => { open.result.close(); ok(); };
      open.onerror = fail;
    });
    await (await caches.open('left-behind')).put('/left', new Response('Left behind'));
    await (await caches.open('flourish-precache-test')).put('/index.html', new Response('<!doctype html>'));
  });
}

test('a person who walks away half-way is warned, can keep going, and left alone the screen clears everything', async () => {
  const page = await kiosk();
  // The start screen invites anyone in and shows nothing of anyone.
  assert.equal(await page.getByRole('link', { name: 'Ask for support' }).count(), 1);
  assert.equal(await page.getByRole('link', { name: 'Start a check-in' }).count(), 1);
  for (const text of ['Your last check-in', 'See all your check-ins', 'Your request for support of', 'Your data']) {
    assert.equal(await page.getByText(text).count(), 0, `the start screen shows "${text}"`);
  }
  assert.equal(await page.getByRole('button', { name: 'Finish and clear' }).count() +
    await page.getByRole('link', { name: 'Finish and clear' }).count(), 0, 'not on the start screen');
  await assertAccessible(page, 'kiosk start screen');

  await askForSupport(page, {
    reasons: ['Feeling lonely or on my own'], activities: ['Meeting people'], barriers: ['Getting there'],
    support: 'Someone to welcome me when I first go', goal: 'Meet people at the café', name: 'Alex Kiosk',
    contact: 'Phone call', phone: '07700 900456',
  }, { from: 'home', stopAt: 'contact-details' });
  // "Finish and clear" on every page after the start.
  await page.getByRole('link', { name: 'Finish and clear' }).waitFor();
  // No autofill on a shared screen: the browser neither offers nor learns the answers.
  assert.equal(await page.getByLabel('Phone number', { exact: true }).getAttribute('autocomplete'), 'off');
  // Back within one person's visit goes back through their own pages, answers intact.
  await page.goBack();
  await page.waitForURL((u) => u.pathname === '/referral/contact');
  await page.goBack();
  await page.waitForURL((u) => u.pathname === '/referral/name');
  assert.equal(await page.getByLabel('What would you like us to call you?').inputValue(), 'Alex Kiosk');
  assert.equal(await page.getByLabel('What would you like us to call you?').getAttribute('autocomplete'), 'off');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((u) => u.pathname === '/referral/contact');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((u) => u.pathname === '/referral/contact-details');
  await page.getByLabel('Phone number', { exact: true }).fill('07700 900456');
  // Half-way, the app itself has written nothing of the person anywhere: it is in memory.
  const written = await readStores(page);
  assert.deepEqual(written, { localStorage: {}, sessionStorage: {}, indexedDB: [], cacheStorage: [], cookies: '' });
  await leaveTraces(page);
  const during = await readStores(page);

  // The person walks away. Nothing happens for nearly two minutes...
  await page.clock.fastForward(110_000);
  assert.equal(await warning(page).isVisible(), false);
  // ...then the warning: a modal alert dialog, labelled and described, with focus on its
  // one button.
  await page.clock.fastForward(11_000);
  await warning(page).waitFor();
  const dialog = warning(page);
  assert.equal(await dialog.getAttribute('aria-modal'), 'true');
  const description = await page.locator(`#${await dialog.getAttribute('aria-describedby')}`).textContent();
  assert.match(description, /clear in 30 seconds/);
  assert.deepEqual(await focused(page), { tag: 'button', text: 'Keep going', id: 'keep-going' });
  // What a screen reader is given: an alert dialog named by its heading, with one button.
  const tree = await dialog.ariaSnapshot();
  assert.match(tree, /alertdialog "Are you still there\?"/);
  assert.match(tree, /button "Keep going"/);
  await assertAccessible(page, 'the warning before the screen clears');

  // One action keeps going: the answers are still there, and focus is back where it was.
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal((await focused(page)).id, 'phone');
  assert.equal(await page.getByLabel('Phone number', { exact: true }).inputValue(), '07700 900456');
  // Typing counts as being there: the wait starts again from the last key.
  await page.clock.fastForward(100_000);
  await page.keyboard.type(' ');
  await page.clock.fastForward(100_000);
  assert.equal(await warning(page).isVisible(), false, 'a key pressed 100 s ago');

  // Left alone: the warning again, and 30 seconds later (never fewer than 20) the reset.
  await page.clock.fastForward(21_000);
  await warning(page).waitFor();
  await page.clock.fastForward(29_000);
  assert.equal(await warning(page).isVisible(), true, 'still warning after 29 seconds');
  await page.clock.fastForward(1_500);
  await page.waitForURL((u) => u.pathname === '/');
  await arrive(page, 'What would you like to do?');
  assert.equal(await warning(page).isVisible(), false);
  await page.waitForFunction(async () => (await indexedDB.databases()).length === 0);

  const afterReset = await readStores(page);
  console.log('stores half-way, as the app left them:', JSON.stringify(written));
  console.log('stores before the reset, with traces left by others:', JSON.stringify(during, null, 1));
  console.log('stores after the reset: ', JSON.stringify(afterReset, null, 1));
  assert.deepEqual(Object.keys(afterReset.localStorage), ['flourish-outbox'], 'only the device\'s outbox is kept');
  assert.deepEqual(afterReset.sessionStorage, {});
  assert.deepEqual(afterReset.indexedDB, []);
  assert.deepEqual(afterReset.cacheStorage, ['flourish-precache-test'], 'only the app\'s own precache');
  assert.equal(afterReset.cookies, '');
  assert.ok(!JSON.stringify(afterReset).includes('Alex'), 'nothing of the person in any store');
  assert.ok(!(await page.locator('body').innerText()).includes('Alex'));
  await assertAccessible(page, 'kiosk start screen after a reset');

  // Back never shows the person's pages or answers: the start screen, however far back.
  for (let i = 0; i < 3; i++) {
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/');
    assert.equal(await heading(page), 'What would you like to do?');
  }
  await page.goForward().catch(() => {});
  assert.equal(await heading(page), 'What would you like to do?');
  // The next person is watched over the same way.
  await page.clock.fastForward(121_000);
  await warning(page).waitFor();
  await page.keyboard.press('Enter');
  await warning(page).waitFor({ state: 'hidden' });
  // And the pages themselves hold nothing of them now.
  await askForSupport(page, {
    reasons: ['Housing'], activities: ['Advice and help'], barriers: ['None of these'],
    support: 'Just information, so I can go myself', goal: 'Sort my flat', name: '', contact: 'Phone call',
  }, { from: 'home', stopAt: 'name' });
  assert.equal(await page.getByLabel('What would you like us to call you?').inputValue(), '');
  page.assertClean();
});

test('finish and clear asks first, then clears; nothing typed or clicked turns the kiosk into anything else', async () => {
  const page = await kiosk();
  await page.getByRole('link', { name: 'Start a check-in' }).click();
  await page.getByLabel('Never', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((u) => u.pathname === '/check-in/questions/2');
  await page.getByRole('link', { name: 'Finish and clear' }).click();
  await arrive(page, 'Finish and clear the screen?');
  await assertAccessible(page, 'finish and clear');
  // "No" goes back to the question, the answer still there.
  await page.getByRole('button', { name: 'No, go back' }).click();
  await page.waitForURL((u) => u.pathname === '/check-in/questions/2');
  await page.getByRole('link', { name: 'Finish and clear' }).click();
  await page.getByRole('button', { name: 'Yes, clear everything' }).click();
  await arrive(page, 'What would you like to do?');
  await page.goBack();
  assert.equal(await heading(page), 'What would you like to do?');
  await page.goto(suite.origin + '/check-in/check');
  await arrive(page, 'Check your answers');
  await page.getByText('You do not have a check-in in progress.').waitFor();

  // Nothing kept is ever shown, and there is no way out of kiosk mode.
  for (const path of ['/check-ins', '/progress', '/your-data', '/referrals/x']) {
    await page.goto(suite.origin + path);
    await arrive(page, 'This is not kept on this device');
  }
  await assertAccessible(page, 'not kept on this device');
  await page.goto(suite.origin + '/helping');
  await arrive(page, 'Page not found');
  await page.evaluate(() => sessionStorage.setItem('flourish.setup', 'assisted-their-own'));
  await page.goto(suite.origin + '/?mode=personal');
  await arrive(page, 'What would you like to do?');
  assert.equal(await page.getByText('Nothing you enter is kept on this device').count(), 1, 'the footer says so');
  // No downloads of personal data, and no way to bring a file or a code in.
  await page.goto(suite.origin + '/take#1ZAAA');
  await arrive(page, 'Open this on your own phone');
  page.assertClean();
});

test('a warning set shorter than 20 seconds is lengthened to 20, and the service is told', async () => {
  const page = await kiosk({ mode: 'kiosk', kiosk: { idle_seconds: 3, warning_seconds: 5 } });
  await page.getByText('Some of this service\'s settings could not be read').waitFor();
  await page.getByRole('link', { name: 'Ask for support' }).click();
  await page.waitForURL((u) => u.pathname === '/referral/start');
  await page.clock.fastForward(3_500);
  await warning(page).waitFor();
  assert.match(await page.locator('#idle-body').textContent(), /clear in 20 seconds/);
  await page.clock.fastForward(19_000);
  assert.equal(await warning(page).isVisible(), true);
  await page.clock.fastForward(1_500);
  await arrive(page, 'What would you like to do?');
  page.assertClean();
});
