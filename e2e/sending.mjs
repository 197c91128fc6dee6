// What the sending journeys share: the app configured to send to a real receiver, a request
// for support ready to save, and the steps a person takes on the page that asks before
// anything is sent.
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { startSuite, assertAccessible } from './helpers.mjs';
import { arrive } from './journeys.mjs';
import { checkin, daysAgo, seed } from './seed.mjs';
import { SYSTEM, startJsonReceiver, startProxy } from './fhir/index.mjs';

export const SERVICE = 'Valley Link';
export const ASK = `Send your request to ${SERVICE}?`;
export const SAVED = 'Your request for support is saved';
/** Waits short enough that every fault clears in seconds (`send.retry`, documented as for
 * tests): the lease after a reload mid-send is then 3 seconds. */
export const FAST = { base_ms: 200, cap_ms: 800, timeout_ms: 1500 };

/** Serves the app with a config.json for Valley Link (with `more` settings), sending to
 * `send` (or not at all when `send` is undefined). A build whose index.html carries a Content-Security-Policy gets the
 * receiver's origin in its connect-src, as the post-build step writes it for a configured
 * endpoint. */
export async function configure(page, send, more = {}) {
  const config = { service_name: SERVICE, ...more };
  if (send) config.send = { retry: FAST, ...send };
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
  if (!send) return;
  const origin = new URL(send.endpoint).origin;
  // A document served through page.route has no address, so Chromium counts it as public
  // and would refuse its requests to this machine (Local Network Access): allow them.
  await page.context().grantPermissions(['local-network-access'], { origin: page.origin });
  await page.route((url) => url.origin === page.origin && !/\.[a-z0-9]+$/i.test(url.pathname), async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const body = (await response.text()).replace(/(connect-src [^;"]*)/, `$1 ${origin}`);
    return route.fulfill({ response, body });
  });
}

/** A finished-looking referral being filled in (every question answered, contact by phone),
 * in the stored format; `baseline` names a first check-in done with it. */
export function draft(id, { baseline, safety = false } = {}) {
  return {
    id,
    started_at: new Date(Date.now() - 10 * 60 * 1000).toISOString(),
    safety,
    reasons: ['lonely'],
    reason_other: '',
    activities: ['social'],
    barriers: ['confidence'],
    support: 'welcome',
    goals: ['Go to the lunch club'],
    referred_by: 'gp',
    name: 'Sam',
    contact_method: 'phone',
    phone: '07700 900123',
    email: '',
    best_times: 'Mornings',
    age_band: '65-79',
    postcode_district: 'CF10',
    language: '',
    access_needs: '',
    baseline: baseline ? { choice: 'done', checkin_id: baseline } : { choice: 'skipped' },
  };
}

/** The first check-in done with a referral: the default questionnaires, no follow-up. */
export const firstCheckIn = (id) => checkin(id, daysAgo(1), { mhc: Array(14).fill(3), ucla: [1, 2, 1] });

/** Puts a referral ready to save (and its first check-in, if `baseline`) on the device, and
 * opens check your answers. */
export async function readyToSave(page, id, { baseline } = {}) {
  await seed(page, baseline ? [firstCheckIn(baseline)] : [], { 'flourish.referral.draft': draft(id, { baseline }) });
  await page.goto(`${page.origin}/referral/check`);
  await arrive(page, 'Check your answers');
}

/** Presses "Save my request for support" and arrives at the page that asks. */
export async function save(page) {
  await page.getByRole('button', { name: 'Save my request for support' }).click();
  await page.waitForURL(/\/referral\/send\/[^/]+$/);
  await arrive(page, ASK);
}

/** Puts a referral ready to save on the device (as `readyToSave` does), saves it, and arrives
 * at the question whether to send it. */
export async function readyToSend(page, id, options) {
  await readyToSave(page, id, options);
  await save(page);
}

/** Answers whether to share check-ins and presses "Send to Valley Link". */
export async function send(page, { share = false } = {}) {
  await page.getByLabel(share ? 'Yes, share my check-ins' : 'No, only send my request', { exact: true }).check();
  await page.getByRole('button', { name: `Send to ${SERVICE}` }).click();
  await page.waitForURL(/\/referral\/done\/[^/]+$/);
  await arrive(page, SAVED);
}

/** Waits until the status on the page says `text` (sending can take a few seconds of faults). */
export async function statusSays(page, text, timeout = 20_000) {
  await page.locator('.f-send-status', { hasText: text }).first().waitFor({ timeout });
}

/** The words of the status on the page, one line each. */
export async function statusLines(page) {
  return page.locator('.f-send-status [role=status] p').allTextContents();
}

/** How many of `type` the FHIR server holds with identifier `system|value`. */
export async function found(fhir, type, system, value) {
  return (await fhir.search(type, { identifier: `${system}|${value}` })).total;
}

/** Fails unless the server holds exactly one request with this referral id, about a person
 * with these contact details. */
export async function assertOneServiceRequest(fhir, id) {
  assert.equal(await found(fhir, 'ServiceRequest', SYSTEM.referral, id), 1, `one ServiceRequest for ${id}`);
  const patients = await fhir.search('Patient', { identifier: `${SYSTEM.person}|${id}` });
  assert.equal(patients.total, 1, `one Patient for ${id}`);
  const patient = patients.entry[0].resource;
  assert.equal(patient.name[0].text, 'Sam');
  assert.deepEqual(patient.telecom.map((t) => [t.system, t.value]), [['phone', '07700900123']]);
}

/** How long to let a sender that should stay quiet have its chance to be wrong. */
export const settle = (ms = 1500) => new Promise((ok) => setTimeout(ok, ms));

/** For a test file: the app's server and a browser, and a service taking the plain JSON
 * envelope through a fault-injecting proxy, started before the file's tests and stopped after
 * them. `use` receives `{ suite, receiver, proxy }` once they are up. */
export function jsonService(use) {
  const s = {};
  before(async () => {
    s.suite = await startSuite();
    s.receiver = await startJsonReceiver({ allowOrigins: [s.suite.origin] });
    s.proxy = await startProxy({ target: s.receiver.origin, allowOrigins: [s.suite.origin] });
    use(s);
  });
  after(async () => {
    await Promise.all([s.proxy?.close(), s.receiver?.close()]);
    await s.suite?.close();
    console.log(`axe-core: ${assertAccessible.screens ?? 0} screen states checked, 0 violations`);
  });
}
