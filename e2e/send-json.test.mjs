// Sending in the plain-JSON format to a small receiver that checks the Idempotency-Key and
// the envelope; a service with no `send` block, where no screen says anything about sending;
// and the person's controls on Your data. axe runs on every new screen and state.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './helpers.mjs';
import { arrive, checkIn } from './journeys.mjs';
import { SAVED, SERVICE, configure, jsonService, readyToSave, readyToSend, send, settle, statusSays } from './sending.mjs';

let suite;
let receiver;
let proxy;
jsonService((s) => ({ suite, receiver, proxy } = s));

beforeEach(() => {
  receiver.reset();
  proxy.offline(false);
  proxy.log.length = 0;
});

/** A person on a device whose service takes the plain JSON envelope through the proxy. */
async function person() {
  const page = await suite.newPage({ allow: [proxy.origin] });
  await configure(page, { endpoint: `${proxy.origin}/submissions`, format: 'json' });
  return page;
}

test('the JSON envelope reaches its receiver once, keyed by its id, through a lost reply', async () => {
  const page = await person();
  await readyToSend(page, 'r-json', { baseline: 'c-json' });
  proxy.plan('lose-reply');
  await send(page, { share: true });
  await statusSays(page, `Sent to ${SERVICE} on`);
  assert.deepEqual(receiver.findings, []);
  const stored = [...receiver.stored().values()];
  assert.equal(stored.length, 1, 'stored once');
  const envelope = stored[0];
  assert.equal(envelope.format, 'flourish-submission');
  assert.equal(envelope.kind, 'referral');
  assert.equal(envelope.referral.id, 'r-json');
  assert.equal(envelope.person.phone, '07700900123');
  assert.deepEqual(envelope.checkins.map((c) => c.id), ['c-json']);
  // The lost reply made the app send again: the same key, the same bytes, stored nothing new.
  assert.deepEqual(receiver.received.map((r) => [r.key, r.status]), [[envelope.id, 201], [envelope.id, 200]]);
  assert.equal(receiver.received[0].body, receiver.received[1].body);

  // A later check-in goes as its own envelope, about the same person.
  await page.goto(`${suite.origin}/check-in/questions/1`);
  await checkIn(page, { mhc: 'About once a week', ucla: 'Often' });
  await statusSays(page, `Sent to ${SERVICE} on`);
  const later = [...receiver.stored().values()].find((e) => e.kind === 'check-ins');
  assert.equal(later.person.key, 'r-json');
  assert.equal(later.person.preferred_name, 'Sam');
  assert.equal(later.checkins.length, 1);
  assert.deepEqual(receiver.findings, []);
  page.assertClean();
});

test('Your data: the choice to share check-ins can be changed, and delete everything asks about what waits', async () => {
  const page = await person();
  await readyToSend(page, 'r-data');
  await page.context().setOffline(true);
  await send(page, { share: true });
  await statusSays(page, 'You are offline.');

  await page.getByRole('link', { name: 'Your data', exact: true }).click();
  await arrive(page, 'Your data');
  await page.getByText(`Nothing is sent unless you choose to send it to ${SERVICE}.`, { exact: false }).waitFor();
  await page.getByRole('heading', { name: `Sending to ${SERVICE}` }).waitFor();
  await page.getByText(`1 waiting to send to ${SERVICE}`).waitFor();
  await page.getByText(`You share your check-ins with ${SERVICE}.`, { exact: false }).waitFor();
  await assertAccessible(page, 'your data, sharing on');
  await page.getByRole('button', { name: 'Stop sharing my check-ins' }).click();
  await page.getByText(`You do not share your check-ins with ${SERVICE}.`).waitFor();
  await assertAccessible(page, 'your data, sharing off');
  // A check-in saved now is not sent. (The device is offline: every page is reached by its
  // links, as the app needs no network to move between them.)
  await page.locator('.f-header__name').click();
  await page.getByRole('link', { name: 'Start a check-in' }).click();
  await checkIn(page, { mhc: 'Never', ucla: 'Often' });
  await page.getByText(`This check-in has not been shared with ${SERVICE}.`).waitFor();
  await assertAccessible(page, 'check-in result, not shared');

  // Delete everything: the person is asked about the request that has not been sent.
  await page.getByRole('link', { name: 'Your data', exact: true }).click();
  await arrive(page, 'Your data');
  await page.getByRole('link', { name: 'Delete everything' }).click();
  await arrive(page, 'Are you sure you want to delete everything?');
  await page.getByText(`1 thing you chose to send has not reached ${SERVICE} yet. What should happen to it?`).waitFor();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.locator('.f-error-summary', { hasText: 'Choose whether to send what has not been sent yet' }).waitFor();
  await assertAccessible(page, 'delete, asked about what waits');
  await page.getByLabel('Delete it too, without sending it', { exact: true }).check();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await arrive(page, 'Your information has been deleted');
  assert.equal(await page.getByText(`stays on this device only until ${SERVICE} has it`, { exact: false }).count(), 0);
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('flourish')).map((k) => [k, localStorage.getItem(k)]));
  assert.deepEqual(left.map(([k]) => k), ['flourish-outbox']);
  assert.deepEqual(JSON.parse(left[0][1]).data, { entries: [], receipts: [] });
  await page.context().setOffline(false);
  await settle();
  assert.equal(receiver.received.length, 0, 'what the person deleted was never sent');
  page.assertClean();
});

test('with no send block, no screen says anything about sending and nothing is sent', async () => {
  const page = await suite.newPage();
  await configure(page, undefined);
  await readyToSave(page, 'r-none');
  await page.getByRole('button', { name: 'Save my request for support' }).click();
  await page.waitForURL(/\/referral\/done\//);
  await arrive(page, SAVED);
  await page.getByText('This app does not send them to anyone', { exact: false }).waitFor();
  const words = () => page.locator('body').innerText();
  const aboutSending = /waiting to send|Sent to Valley|Send to Valley|Send it to|share your check-ins|sharing your check-ins|could not be sent|Sending to/;
  assert.doesNotMatch(await words(), aboutSending);
  await page.goto(`${suite.origin}/referral/send/r-none`);
  await arrive(page, 'Page not found');
  await page.goto(`${suite.origin}/sending`);
  await arrive(page, 'Page not found');
  for (const path of ['/', '/your-data', '/your-data/delete', `/referrals/r-none`, '/referral/start']) {
    await page.goto(suite.origin + path);
    await page.locator('main h1').waitFor();
    assert.doesNotMatch(await words(), aboutSending, path);
  }
  await page.getByText('Nothing is sent to anyone.', { exact: false }).waitFor();
  await page.goto(`${suite.origin}/check-in/questions/1`);
  await checkIn(page, { mhc: 'Every day', ucla: 'Hardly ever or never' });
  assert.doesNotMatch(await words(), aboutSending, 'check-in result');
  await page.goto(`${suite.origin}/referral/safety`);
  await page.getByLabel('Yes', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await arrive(page, 'Please get help now');
  await page.getByText('This app does not tell anyone about your answer, and no one is watching it. Please call or text one of these now.').waitFor();
  assert.doesNotMatch(await words(), aboutSending, 'urgent help');
  await assertAccessible(page, 'urgent help, no sending');
  assert.equal(await page.evaluate(() => localStorage.getItem('flourish-outbox')), null, 'no outbox is even made');
  assert.equal(proxy.log.length, 0);
  page.assertClean();
});
