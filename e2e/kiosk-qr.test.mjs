// Taking a referral away from a kiosk: the QR code on the screen is read by a decoder that
// is not the app's encoder (jsQR, from a screenshot), and the address it holds, opened on
// the person's own phone, offers exactly that referral and keeps it only once they say yes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { suiteForFile, assertAccessible, readStores } from './helpers.mjs';
import { arrive, askForSupport, summaryRows } from './journeys.mjs';

let suite;
suiteForFile((s) => { suite = s; });

/** A person's answers, as they give them at the kiosk. */
const ANSWERS = {
  reasons: ['Feeling lonely or on my own', 'Bereavement or loss'],
  activities: ['Meeting people', 'Making things'],
  barriers: ['Not knowing anyone there'],
  support: 'Someone to come with me the first time',
  goal: 'Go to the Tuesday lunch club and talk to one new person',
  name: 'Morgan',
  contact: 'Phone call',
  phone: '07700 900789',
};

/** What the person's own phone reads as the code's address: a screenshot of the code, as a
 * phone's camera would see the screen, decoded by jsQR. */
async function scan(page) {
  const code = page.locator('svg.f-qr');
  await code.waitFor();
  const png = PNG.sync.read(await code.screenshot());
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(read, 'jsQR found a code in the screenshot');
  const side = Number((await code.getAttribute('viewBox')).split(' ')[2]);
  const version = (side - 8 - 17) / 4;
  return { address: read.data, version, side, pixels: png.width };
}

test('the code on the kiosk brings exactly that referral into the person\'s phone, once they say yes', async () => {
  const kiosk = await suite.newPage({ width: 1080, height: 1920 });
  await kiosk.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"mode": "kiosk"}' }));
  await kiosk.goto(suite.origin + '/');
  await arrive(kiosk, 'What would you like to do?');
  await askForSupport(kiosk, ANSWERS, { from: 'home' });
  const asked = await summaryRows(kiosk);
  await kiosk.getByRole('button', { name: 'Save my request for support' }).click();
  await arrive(kiosk, 'Your request for support is ready');
  const reference = (await kiosk.locator('.f-reference').first().textContent()).trim();
  // On a shared screen: no file download, a code, a print-out, and the way to finish.
  assert.equal(await kiosk.getByRole('button', { name: /Download/ }).count(), 0);
  await kiosk.getByRole('button', { name: 'Print your answers' }).waitFor();
  await kiosk.getByRole('button', { name: 'Finish and clear' }).waitFor();
  await assertAccessible(kiosk, 'take your copy');
  const { address, version, side, pixels } = await scan(kiosk);
  const fragment = address.split('#')[1];
  console.log(`QR code: version ${version} (${side} modules with the quiet zone, ${pixels} px in the screenshot); ` +
    `address ${address.length} characters, of which the payload ${fragment.length}`);
  assert.ok(address.startsWith(`${suite.origin}/take#1Z`), address);
  assert.ok(version <= 15, `version ${version}`);
  // The print-out carries the same code, and the answers.
  await kiosk.emulateMedia({ media: 'print' });
  assert.equal(await kiosk.locator('svg.f-qr').isVisible(), true);
  assert.equal(await kiosk.getByRole('button', { name: 'Finish and clear' }).isVisible(), false);
  await assertAccessible(kiosk, 'take your copy, printed');
  await kiosk.emulateMedia({ media: 'screen' });

  // The person's phone: the same address, its own configuration (a personal device).
  const phone = await suite.newPage();
  await phone.goto(address);
  await arrive(phone, 'Keep these answers on this phone?');
  assert.equal((await phone.locator('.f-reference').textContent()).trim(), reference);
  const offered = await summaryRows(phone);
  assert.deepEqual(offered, asked, 'exactly the answers given at the kiosk');
  assert.equal(offered.Name, 'Morgan');
  assert.equal(offered['Contact details'], '07700 900789');
  assert.equal((await readStores(phone)).localStorage['flourish.referrals'], undefined, 'nothing kept before yes');
  await assertAccessible(phone, 'keep these answers?');

  await phone.getByRole('button', { name: 'Yes, keep them on this phone' }).click();
  await arrive(phone, 'Your answers are now kept on this phone');
  await phone.waitForURL((u) => u.pathname === '/take' && u.hash === '');
  const kept = JSON.parse((await readStores(phone)).localStorage['flourish.referrals']).data;
  assert.equal(kept.length, 1);
  assert.equal(kept[0].name, 'Morgan');
  assert.equal(kept[0].phone, '07700 900789');
  assert.deepEqual(kept[0].reasons, ['lonely', 'bereavement']);
  assert.equal(kept[0].goals[0], ANSWERS.goal);
  await assertAccessible(phone, 'answers kept');
  await phone.getByRole('link', { name: 'See all your answers, print or download them' }).click();
  await arrive(phone, 'Your request for support');
  assert.equal((await phone.locator('.f-reference').textContent()).trim(), reference);

  // Scanning again adds nothing twice.
  await phone.goto(address);
  await arrive(phone, 'Keep these answers on this phone?');
  await phone.getByRole('button', { name: 'Yes, keep them on this phone' }).click();
  await arrive(phone, 'These answers are already on this phone');
  assert.equal(JSON.parse((await readStores(phone)).localStorage['flourish.referrals']).data.length, 1);

  // "No" keeps nothing.
  const other = await suite.newPage();
  await other.goto(address);
  await arrive(other, 'Keep these answers on this phone?');
  await other.getByRole('button', { name: 'No, do not keep them' }).click();
  await arrive(other, 'How are you doing?');
  assert.deepEqual(Object.keys((await readStores(other)).localStorage), []);

  // A damaged or foreign code is refused kindly.
  for (const bad of ['#1Z' + fragment.slice(2, 40), '#hello', '#2Z' + fragment.slice(2)]) {
    await other.goto(`${suite.origin}/take${bad}`);
    await arrive(other, 'We could not read this code');
  }
  await assertAccessible(other, 'a code that cannot be read');
  assert.deepEqual(Object.keys((await readStores(other)).localStorage), []);
  for (const p of [kiosk, phone, other]) p.assertClean();
});

test('a check-in done on its own at the kiosk leaves with the person the same way', async () => {
  const kiosk = await suite.newPage({ width: 1080, height: 1920 });
  await kiosk.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"mode": "kiosk"}' }));
  await kiosk.goto(suite.origin + '/');
  await kiosk.getByRole('link', { name: 'Start a check-in' }).click();
  for (let n = 1; n <= 17; n++) {
    await kiosk.waitForURL((u) => u.pathname === `/check-in/questions/${n}`);
    await kiosk.getByLabel(n <= 14 ? 'About once a week' : 'Some of the time', { exact: true }).check();
    await kiosk.getByRole('button', { name: 'Continue' }).click();
  }
  for (const path of ['/check-in/activities', '/check-in/goals', '/check-in/step']) {
    await kiosk.waitForURL((u) => u.pathname === path);
    await kiosk.getByRole('button', { name: 'Continue' }).click();
  }
  await kiosk.getByRole('button', { name: 'Save my check-in' }).click();
  await arrive(kiosk, 'Your check-in');
  // No links to a history or progress the kiosk does not keep.
  assert.equal(await kiosk.getByRole('link', { name: 'See your progress' }).count(), 0);
  const { address, version } = await scan(kiosk);
  console.log(`QR code for a check-in alone: version ${version}, address ${address.length} characters`);
  const phone = await suite.newPage();
  await phone.goto(address);
  await arrive(phone, 'Keep these answers on this phone?');
  await phone.getByText('(score 28, from 0 to 70)', { exact: false }).waitFor();
  await phone.getByRole('button', { name: 'Yes, keep them on this phone' }).click();
  await arrive(phone, 'Your answers are now kept on this phone');
  const kept = JSON.parse((await readStores(phone)).localStorage['flourish.checkins']).data;
  assert.deepEqual(kept[0].responses.map((r) => r.answers), [Array(14).fill(2), [2, 2, 2]]);
  for (const p of [kiosk, phone]) p.assertClean();
});
