// A kiosk whose service receives requests: the person is asked before anything is sent, sees
// where their own request stands, and after "Finish and clear" the one thing the screen keeps
// is the undelivered submission, out of sight, until the service has it. Then nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, readStores } from './helpers.mjs';
import { arrive, askForSupport } from './journeys.mjs';
import { ASK, SERVICE, configure, jsonService, settle, statusSays } from './sending.mjs';

let suite;
let receiver;
let proxy;
jsonService((s) => ({ suite, receiver, proxy } = s));

test('a request sent from a kiosk while the service is unreachable waits out of sight after the reset, then goes once and leaves nothing', async () => {
  const page = await suite.newPage({ width: 1080, height: 1920, allow: [proxy.origin] });
  await configure(page, { endpoint: `${proxy.origin}/submissions`, format: 'json' }, { mode: 'kiosk' });
  await page.goto(`${suite.origin}/`);
  await arrive(page, 'What would you like to do?');
  await askForSupport(page, {
    reasons: ['Feeling lonely or on my own'], activities: ['Meeting people'], barriers: ['Not knowing anyone there'],
    support: 'Someone to come with me the first time', goal: 'Meet people on Tuesdays', name: 'Rhian',
    contact: 'Phone call', phone: '07700 900456',
  }, { from: 'home' });
  await page.getByRole('button', { name: 'Save my request for support' }).click();
  // Sending is offered, and nothing has gone before the person says so.
  await arrive(page, ASK);
  await assertAccessible(page, 'kiosk: send your request?');
  assert.equal(receiver.received.length, 0);
  proxy.offline(true);
  await page.getByLabel('No, only send my request', { exact: true }).check();
  await page.getByRole('button', { name: `Send to ${SERVICE}` }).click();
  await arrive(page, 'Your request for support is ready');
  await statusSays(page, `waiting to send to ${SERVICE}`);
  await assertAccessible(page, 'kiosk: your request is waiting to send');
  const reference = (await page.locator('.f-reference').first().textContent()).trim();

  await page.getByRole('button', { name: 'Finish and clear' }).click();
  const confirm = page.getByRole('button', { name: 'Yes, clear everything' });
  if (await confirm.count()) await confirm.click();
  await arrive(page, 'What would you like to do?');
  const stores = await readStores(page);
  assert.deepEqual(Object.keys(stores.localStorage), ['flourish-outbox'], 'only the undelivered request is kept');
  const waiting = JSON.parse(stores.localStorage['flourish-outbox']).data.entries;
  assert.equal(waiting.length, 1);
  assert.equal(waiting[0].submission.referral.reference, reference);
  // The next person sees nothing of it: no count, no list, no name.
  const text = await page.locator('body').innerText();
  for (const word of ['waiting to send', 'Rhian', reference, 'could not be sent']) {
    assert.ok(!text.includes(word), `the start screen shows "${word}"`);
  }
  await page.goto(`${suite.origin}/sending`);
  await arrive(page, 'This is not kept on this device');

  // The service comes back: it gets the request once, and the screen keeps nothing at all.
  proxy.offline(false);
  await page.waitForFunction(
    () => (JSON.parse(localStorage.getItem('flourish-outbox') ?? '{"data":{"entries":[]}}').data.entries ?? []).length === 0,
    null, { timeout: 20_000 });
  await settle();
  const stored = [...receiver.stored().values()];
  assert.equal(stored.length, 1, 'delivered once');
  assert.equal(stored[0].referral.reference, reference);
  assert.equal(stored[0].person.preferred_name, 'Rhian');
  const after = JSON.parse((await readStores(page)).localStorage['flourish-outbox'] ?? '{"data":{}}').data;
  assert.deepEqual(after.receipts ?? [], [], 'a kiosk keeps no receipt of what it sent');
  page.assertClean();
});
