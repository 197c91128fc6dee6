// Sending a request for support (and check-ins, if the person agrees) to a real FHIR server
// (Medplum, e2e/fhir/), through a proxy that injects faults. Every Bundle the app sends is
// checked by both FHIR validators and the code check; every search counts what the server
// itself holds. axe runs on every new screen and state.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startSuite, assertAccessible, titleMatching } from './helpers.mjs';
import { arrive, checkIn } from './journeys.mjs';
import { startFhirServer, startProxy, SYSTEM } from './fhir/index.mjs';
import {
  ASK, SAVED, SERVICE, assertOneServiceRequest, configure, found, readyToSend, send,
  settle, statusLines, statusSays,
} from './sending.mjs';

let suite;
let fhir;
let proxy;

before(async () => {
  suite = await startSuite();
  fhir = await startFhirServer({ allowOrigins: [suite.origin] });
  proxy = await startProxy({ target: fhir.origin, allowOrigins: [suite.origin] });
});

after(async () => {
  await Promise.all([proxy?.close(), fhir?.close()]);
  await suite?.close();
  console.log(`axe-core: ${assertAccessible.screens ?? 0} screen states checked, 0 violations`);
});

beforeEach(async () => {
  await fhir.reset();
  proxy.offline(false);
  proxy.log.length = 0;
  assert.deepEqual(proxy.pending(), [], 'the last test used up its faults');
});

/** A person on a device whose service sends FHIR R4 through the proxy. */
async function person() {
  const page = await suite.newPage({ allow: [proxy.origin] });
  await configure(page, { endpoint: `${proxy.origin}/fhir`, format: 'fhir-r4' });
  return page;
}

const posts = () => proxy.log.filter((r) => r.method === 'POST');

test('a request sent with consent reaches the service once, with the person and their check-ins', async () => {
  const page = await person();
  await readyToSend(page, 'r-consent', { baseline: 'c-first' });
  await assertAccessible(page, 'the page that asks before sending');
  const listed = await page.locator('main ul.f-list li').allTextContents();
  assert.deepEqual(listed.slice(0, -1), [
    'The name you gave: Sam',
    'How to contact you: Phone call, 07700900123',
    'When is best to contact you: Mornings',
    'Your age: 65 to 79',
    'The first part of your postcode: CF10',
    'Your answer to the question about hurting yourself or ending your life: No',
    'Your answers about what is going on, what you might like to do, what might make it hard, the support you would like, and who suggested getting in touch',
    'What matters to you: your goal, in your words',
  ]);
  assert.match(listed.at(-1), /^Your reference FL-[0-9A-Z]{4}-[0-9A-Z]{4}, the date and time, and which version of this app you used$/);
  await page.getByText(`It goes straight from this device to ${SERVICE}, at ${new URL(proxy.origin).host}.`).waitFor();
  await page.getByText('This app cannot tell when they will reply. No one watches it in real time.', { exact: false }).waitFor();
  assert.equal(posts().length, 0, 'nothing is sent before the person chooses');

  // Send needs an answer about check-ins first.
  await page.getByRole('button', { name: `Send to ${SERVICE}` }).click();
  await page.locator('.f-error-summary', { hasText: 'Choose whether to share your check-ins' }).waitFor();
  await titleMatching(page, /^Error: /);
  await assertAccessible(page, 'asking, with an error');
  await page.getByLabel('Yes, share my check-ins', { exact: true }).check();
  await page.locator('main ul.f-list li', { hasText: 'Your first check-in: your 17 answers and the scores worked out from them' }).waitFor();
  await page.getByRole('button', { name: `Send to ${SERVICE}` }).click();
  await arrive(page, SAVED);
  await statusSays(page, `Sent to ${SERVICE} on`);
  await page.getByText(`${SERVICE} has your request.`, { exact: false }).waitFor();
  assert.equal(await page.getByText('This app does not send them to anyone').count(), 0, 'the wording no longer says nothing is sent');
  await assertAccessible(page, 'confirmation, sent');

  await assertOneServiceRequest(fhir, 'r-consent');
  for (const instrument of ['mhc-sf', 'ucla3']) {
    assert.equal(await found(fhir, 'QuestionnaireResponse', SYSTEM.questionnaireResponse, `c-first/${instrument}`), 1, instrument);
  }
  await fhir.assertNoFindings();

  // Each check-in saved from now on is shared: one QuestionnaireResponse per questionnaire.
  await page.goto(`${suite.origin}/check-in/questions/1`);
  await checkIn(page, { mhc: 'Almost every day', ucla: 'Some of the time' });
  await statusSays(page, `Sent to ${SERVICE} on`);
  await assertAccessible(page, 'check-in result, shared');
  const id = page.url().split('/').pop();
  for (const instrument of ['mhc-sf', 'ucla3']) {
    assert.equal(await found(fhir, 'QuestionnaireResponse', SYSTEM.questionnaireResponse, `${id}/${instrument}`), 1, instrument);
  }
  assert.equal(await fhir.count('QuestionnaireResponse'), 4, 'two check-ins, two questionnaires each');
  assert.equal(await fhir.count('Patient'), 1, 'the same person both times');
  await fhir.assertNoFindings();
  page.assertClean();
});

test('sent while offline, it waits on the device, says so plainly, and goes when back online', async () => {
  const page = await person();
  await readyToSend(page, 'r-offline');
  await page.context().setOffline(true);
  await send(page);
  await statusSays(page, 'You are offline. It will be sent when you are back online.');
  assert.deepEqual((await statusLines(page)).slice(0, 1), [`Saved on this device, waiting to send to ${SERVICE}.`]);
  await page.getByText(`When it arrives, ${SERVICE} can find it with your reference.`, { exact: false }).waitFor();
  await assertAccessible(page, 'confirmation, offline');

  await page.getByRole('link', { name: 'Go to the start' }).click();
  await page.locator('#sending-summary', { hasText: `1 waiting to send to ${SERVICE}` }).waitFor();
  await assertAccessible(page, 'home, 1 waiting to send');
  await page.getByRole('link', { name: 'See what is waiting to send' }).click();
  await arrive(page, `Sending to ${SERVICE}`);
  await statusSays(page, 'You are offline.');
  await assertAccessible(page, 'what waits to send');
  assert.equal(posts().length, 0);

  await page.context().setOffline(false);
  // Once the service has it, it leaves the device: the list empties by itself.
  await page.getByText('Nothing is waiting to send.').waitFor();
  await assertOneServiceRequest(fhir, 'r-offline');
  await page.getByRole('link', { name: 'Go to the start' }).click();
  await arrive(page, 'How are you doing?');
  assert.equal(await page.locator('#sending-summary').count(), 0, 'nothing waits');
  await page.getByRole('link', { name: /^Your request for support of / }).click();
  await statusSays(page, `Sent to ${SERVICE} on`);
  page.assertClean();
});

test('the service out of reach, then back: the app keeps trying by itself', async () => {
  const page = await person();
  await readyToSend(page, 'r-unreachable');
  proxy.offline(true);
  await send(page);
  await statusSays(page, `This app could not reach ${SERVICE} just now.`);
  await page.getByText('It will try again by itself. You do not need to do anything.').waitFor();
  await assertAccessible(page, 'confirmation, retrying');
  proxy.offline(false);
  await statusSays(page, `Sent to ${SERVICE} on`);
  await assertOneServiceRequest(fhir, 'r-unreachable');
  await fhir.assertNoFindings();
  page.assertClean();
});

test('a reload while waiting out Retry-After, and a reload mid-send, still send exactly once', async () => {
  const page = await person();
  await readyToSend(page, 'r-reload');
  proxy.plan({ status: 503, retryAfter: '2' });
  await send(page);
  await statusSays(page, `${SERVICE} is busy just now.`);
  await page.reload();
  await arrive(page, SAVED);
  await statusSays(page, `Sent to ${SERVICE} on`);
  await assertOneServiceRequest(fhir, 'r-reload');

  // The tab reloads while its request hangs: the next start waits out the lease, then sends.
  await readyToSend(page, 'r-hang');
  proxy.plan('hang');
  await send(page);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('flourish-outbox'))?.data?.entries?.[0]?.state?.is === 'sending');
  await page.reload();
  await arrive(page, SAVED);
  await statusSays(page, `Sent to ${SERVICE} on`);
  await assertOneServiceRequest(fhir, 'r-hang');
  assert.deepEqual(posts().map((p) => p.fault), [{ status: 503, retryAfter: '2' }, 'pass', 'hang', 'pass']);
  await fhir.assertNoFindings();
  page.assertClean();
});

test('a refusal is shown with its reason and kept; try again sends it once; download instead gives the file', async () => {
  const page = await person();
  await readyToSend(page, 'r-refused');
  const outcome = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', diagnostics: 'Missing required property' }] };
  proxy.plan({ status: 422, body: outcome });
  await send(page);
  await statusSays(page, `${SERVICE} could not accept it`);
  assert.deepEqual(await statusLines(page), [
    `${SERVICE} could not accept it`,
    `${SERVICE} said something in it was not right.`,
    `It is still saved on this device. Please tell ${SERVICE} if you can. You can try again later, or download it and give it to them another way.`,
  ]);
  await assertAccessible(page, 'confirmation, refused');
  // Kept: not retried by itself, still there after a reload.
  await settle();
  assert.equal(posts().length, 1);
  await page.reload();
  await statusSays(page, `${SERVICE} could not accept it`);
  // The service is fixed; "Try again" sends it once.
  await page.getByRole('button', { name: 'Try again' }).click();
  await statusSays(page, `Sent to ${SERVICE} on`);
  await assertOneServiceRequest(fhir, 'r-refused');
  assert.equal(posts().length, 2);

  await readyToSend(page, 'r-download');
  proxy.plan({ status: 403, body: { error: 'forbidden' } });
  await send(page);
  await statusSays(page, `${SERVICE} is not letting this app send to it.`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download instead' }).click(),
  ]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.format, 'flourish-submission');
  assert.equal(file.referral.id, 'r-download');
  assert.equal(file.person.phone, '07700900123');
  assert.match(download.suggestedFilename(), /^flourish-submission-FL-[0-9A-Z]{4}-[0-9A-Z]{4}\.json$/);
  await page.getByText('You chose to keep it on this device only. It has not been sent to anyone.').waitFor();
  await assertAccessible(page, 'confirmation, downloaded instead');
  await settle();
  assert.equal(await found(fhir, 'ServiceRequest', SYSTEM.referral, 'r-download'), 0, 'withdrawn, never sent');
  page.assertClean();
});

test('every fault the network can make, then the service holds exactly one of each', async () => {
  const page = await person();
  await readyToSend(page, 'r-faults', { baseline: 'c-faults' });
  proxy.plan({ status: 500 }, { status: 503, retryAfter: '1' }, 'hang', 'drop', 'lose-reply');
  await send(page, { share: true });
  await statusSays(page, `Sent to ${SERVICE} on`, 30_000);
  assert.deepEqual(posts().map((p) => p.fault), [{ status: 500 }, { status: 503, retryAfter: '1' }, 'hang', 'drop', 'lose-reply', 'pass']);
  await assertOneServiceRequest(fhir, 'r-faults');
  for (const instrument of ['mhc-sf', 'ucla3']) {
    assert.equal(await found(fhir, 'QuestionnaireResponse', SYSTEM.questionnaireResponse, `c-faults/${instrument}`), 1, instrument);
  }
  assert.equal(await fhir.count('ServiceRequest'), 1);
  assert.equal(await fhir.count('Goal'), 1);
  // The server received the same Bundle twice (the lost reply and the resend), the same both
  // times (but for the ids the server itself wrote into what it keeps).
  const bundles = (await fhir.received()).map((r) => {
    for (const e of r.body.entry) delete e.resource.id;
    return JSON.stringify(r.body);
  });
  assert.equal(bundles.length, 2);
  assert.equal(bundles[0], bundles[1], 'a resend is the same submission');
  await fhir.assertNoFindings();
  page.assertClean();
});

test('"keep it on this device only" sends nothing, and the request can still be sent later', async () => {
  const page = await person();
  await readyToSend(page, 'r-kept', { baseline: 'c-kept' });
  await page.getByRole('button', { name: 'Keep it on this device only' }).click();
  await arrive(page, SAVED);
  await page.getByText('You chose to keep it on this device only. It has not been sent to anyone.').waitFor();
  await page.getByText(`To get support, contact ${SERVICE} and give them your reference`, { exact: false }).waitFor();
  await assertAccessible(page, 'confirmation, kept on the device');
  // A check-in saved now is not shared: the person never chose to share.
  await page.goto(`${suite.origin}/check-in/questions/1`);
  await checkIn(page, { mhc: 'Every day', ucla: 'Hardly ever or never' });
  await settle();
  assert.equal(proxy.log.length, 0, 'the receiver saw no request at all');
  assert.deepEqual(await fhir.received(), []);

  // Sending it later asks again.
  await page.goto(`${suite.origin}/`);
  await page.getByRole('link', { name: /^Your request for support of / }).click();
  await page.getByRole('link', { name: `Send it to ${SERVICE}` }).click();
  await arrive(page, ASK);
  await send(page);
  await statusSays(page, `Sent to ${SERVICE} on`);
  await assertOneServiceRequest(fhir, 'r-kept');
  assert.equal(await fhir.count('QuestionnaireResponse'), 0, 'no check-in without the choice');
  page.assertClean();
});

test('after yes to the safety question, urgent help says this app alerts no one', async () => {
  const page = await person();
  await page.goto(`${suite.origin}/referral/safety`);
  await arrive(page, 'Are you thinking about hurting yourself or ending your life?');
  await page.getByLabel('Yes', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await arrive(page, 'Please get help now');
  await page.getByText(`This app does not alert anyone. If you send your request to ${SERVICE} at the end, they will read it later, not straight away. Please call or text one of these now.`).waitFor();
  await assertAccessible(page, 'urgent help, with sending set up');
  page.assertClean();
});
