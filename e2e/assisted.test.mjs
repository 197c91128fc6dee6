// "I'm helping someone": a peer volunteer at a social café helps one person after another on
// their own tablet, and someone else on that person's own phone. Each record says a
// volunteer helped; the next person sees nothing of the last; the volunteer's own data is
// never shown to anyone and never touched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { suiteForFile, assertAccessible, heading, readStores } from './helpers.mjs';
import { arrive, askForSupport, byInstrument, answerQuestions, skipFollowUps, save, summaryRows } from './journeys.mjs';
import { seed, checkin, daysAgo } from './seed.mjs';

let suite;
suiteForFile((s) => { suite = s; });

const HELPED = 'Completed with help from a volunteer';

/** The first person's answers, with "yes" to the safety question. */
const PERSON_A = {
  safety: 'Yes', reasons: ['Low mood or depression'], activities: ['Feeling calmer'], barriers: ['Panic or anxiety when I go out'],
  support: 'Someone to come with me the first time', goal: 'Walk to the park with someone', name: 'Person A',
  contact: 'Phone call', phone: '07700 900111',
};

/** The answers of the file a download offers, as JSON. */
async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

test('two people in a row on a volunteer\'s tablet: the second sees nothing of the first, whose record says a volunteer helped', async () => {
  const tablet = await suite.newPage({ width: 800, height: 1200 });
  // The volunteer uses Flourish for themselves too: one check-in of their own.
  await seed(tablet, [checkin('volunteer-own', daysAgo(3), { mhc: Array(14).fill(4), ucla: [1, 1, 1] })]);
  await tablet.goto(suite.origin + '/');
  await arrive(tablet, 'How are you doing?');
  const own = await readStores(tablet);

  await tablet.getByRole('link', { name: 'I\'m helping someone' }).click();
  await arrive(tablet, 'Whose phone or tablet is this?');
  await tablet.getByRole('button', { name: 'Continue' }).click();
  await tablet.locator('.f-error-summary', { hasText: 'Choose whose phone or tablet this is' }).waitFor();
  await assertAccessible(tablet, 'whose device, with an error');
  await tablet.getByLabel('It is mine, or other people use it too').check();
  await tablet.getByRole('button', { name: 'Continue' }).click();
  await arrive(tablet, 'What would you like to do?');
  await tablet.getByText('You are helping someone. Nothing they enter is kept on this device.').waitFor();
  assert.equal(await tablet.getByText('Your last check-in').count(), 0, 'the volunteer\'s own check-in is not shown');
  await assertAccessible(tablet, 'start screen while helping');

  // The first person: "yes" to the safety question, and the volunteer is told what to do.
  await askForSupport(tablet, PERSON_A, { from: 'home', stopAt: 'urgent-help' });
  await tablet.getByRole('heading', { name: 'If you are the volunteer' }).waitFor();
  await tablet.getByText('Stay with the person. Do not leave them on their own.').waitFor();
  await tablet.getByText('If their life is in danger now, call 999.').waitFor();
  await assertAccessible(tablet, 'urgent help while helping');
  await tablet.getByRole('button', { name: 'Carry on asking for support' }).click();
  await askForSupport(tablet, PERSON_A, { from: 'whats-going-on' });
  // Check your answers says so.
  const rows = await summaryRows(tablet);
  assert.equal(rows.Help, HELPED);
  assert.equal(rows['Thoughts of hurting yourself'], 'Yes');
  await tablet.getByRole('button', { name: 'Save my request for support' }).click();
  await arrive(tablet, 'Your request for support is ready');
  const idA = new URL(tablet.url()).pathname.split('/').pop();
  // The copy says so too, and the hand-back follows.
  assert.equal((await summaryRows(tablet)).Help, HELPED);
  await tablet.getByRole('heading', { name: 'Give the device back' }).waitFor();
  const code = tablet.locator('svg.f-qr');
  await code.waitFor();
  const png = PNG.sync.read(await code.screenshot());
  const address = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  assert.ok(address?.includes('/take#'), 'the code is readable');
  await assertAccessible(tablet, 'hand-back');
  await tablet.getByRole('button', { name: 'Start fresh for the next person' }).click();
  await arrive(tablet, 'What would you like to do?');

  // The second person: nothing of the first, anywhere they can reach.
  await tablet.goBack();
  assert.equal(await heading(tablet), 'What would you like to do?');
  assert.ok(!(await tablet.locator('body').innerText()).includes('Person A'));
  await tablet.goto(`${suite.origin}/referrals/${idA}`);
  await arrive(tablet, 'This is not kept on this device');
  await tablet.goto(`${suite.origin}/referral/done/${idA}`);
  await arrive(tablet, 'Page not found');
  await tablet.goto(`${suite.origin}/referral/check`);
  await arrive(tablet, 'Check your answers');
  assert.equal(await tablet.locator('.f-summary-list__row').count(), 0);
  await tablet.goto(suite.origin + '/');
  await askForSupport(tablet, { reasons: [], activities: [], barriers: [] }, { from: 'home', stopAt: 'safety' });
  assert.equal(await tablet.getByLabel('Yes', { exact: true }).isChecked(), false);
  // The device kept nothing of either person, and the volunteer's own data as it was.
  const stores = await readStores(tablet);
  assert.deepEqual(stores.localStorage, own.localStorage);
  assert.deepEqual(stores.sessionStorage, { 'flourish.setup': 'assisted-shared' });
  assert.ok(!JSON.stringify(stores).includes('Person A'));

  // The volunteer stops helping: a full reset, then their own home screen as it was.
  await tablet.getByRole('link', { name: 'Stop helping' }).click();
  await arrive(tablet, 'Stop helping?');
  await tablet.getByRole('button', { name: 'Yes, clear everything and stop helping' }).click();
  await arrive(tablet, 'How are you doing?');
  await tablet.getByText('Your last check-in', { exact: true }).waitFor();
  assert.deepEqual((await readStores(tablet)).sessionStorage, {});

  // The first person's copy, kept on their phone, says a volunteer helped: on screen, in the
  // referral's file and in the export of everything.
  const phone = await suite.newPage();
  await phone.goto(address);
  await arrive(phone, 'Keep these answers on this phone?');
  assert.equal((await summaryRows(phone)).Help, HELPED);
  await phone.getByRole('button', { name: 'Yes, keep them on this phone' }).click();
  await arrive(phone, 'Your answers are now kept on this phone');
  await phone.getByRole('link', { name: 'See all your answers, print or download them' }).click();
  await arrive(phone, 'Your request for support');
  assert.equal((await summaryRows(phone)).Help, HELPED);
  assert.equal((await downloaded(phone, 'Download a copy to keep')).referral.with_volunteer, true);
  await phone.goto(suite.origin + '/your-data');
  await arrive(phone, 'Your data');
  const everything = await downloaded(phone, 'Download everything as one file');
  assert.equal(everything.data.referrals[0].name, 'Person A');
  assert.equal(everything.data.referrals[0].with_volunteer, true);
  for (const p of [tablet, phone]) p.assertClean();
});

test('helping someone on their own phone: their check-in stays on it and says a volunteer helped', async () => {
  const page = await suite.newPage();
  await page.goto(suite.origin + '/');
  await page.getByRole('link', { name: 'I\'m helping someone' }).click();
  await page.getByLabel('It belongs to the person I am helping').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await arrive(page, 'How are you doing?');
  await page.getByText('You are helping someone on their own device.', { exact: false }).waitFor();
  await assertAccessible(page, 'home while helping on the person\'s own device');
  await page.getByRole('link', { name: 'Start a check-in' }).click();
  await answerQuestions(page, { label: byInstrument('About 2 or 3 times a week', 'Hardly ever or never') });
  await skipFollowUps(page);
  await page.getByText(HELPED).waitFor();
  await save(page);
  await page.getByText(HELPED).waitFor();
  // A reload keeps the volunteer's choice for this tab.
  await page.reload();
  await page.getByText('You are helping someone on their own device.', { exact: false }).waitFor();
  // Leaving helping mode is one clear action; the check-in stays, theirs.
  await page.getByRole('button', { name: 'Stop helping' }).click();
  await arrive(page, 'How are you doing?');
  assert.equal(await page.getByText('You are helping someone', { exact: false }).count(), 0);
  await page.getByRole('link', { name: 'I\'m helping someone' }).waitFor();
  await page.getByText('Your last check-in', { exact: true }).waitFor();
  await page.goto(suite.origin + '/your-data');
  const everything = await downloaded(page, 'Download everything as one file');
  assert.equal(everything.data.checkins.length, 1);
  assert.equal(everything.data.checkins[0].with_volunteer, true);
  page.assertClean();
});
