// "Things to try near you": the service's activity directory (the shipped sample,
// public/directory.json), ordered for the person, filtered, and "I went" carried into the
// next check-in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, assertAccessible, heading, focused } from './helpers.mjs';
import { at, answerQuestions, byInstrument, next, save } from './journeys.mjs';
import { seed, referral, daysAgo, longDate } from './seed.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

const TITLE = 'Things to try near you';

/** The person of the issue: said "Meeting people" and that getting there is hard, in WX1. */
const MEETING_PEOPLE = referral('r-1', daysAgo(2), {
  activities: ['social'],
  barriers: ['getting-there'],
  postcode_district: 'WX1',
});

/** Opens the page from the home page's link and waits for the list. */
async function openFromHome(page) {
  await page.goto(page.origin + '/');
  await heading(page);
  await page.getByRole('link', { name: TITLE }).click();
  await at(page, '/things-to-try', TITLE);
  await page.locator('#activity-count').filter({ hasText: /activit|Nothing/ }).waitFor();
}

/** The names of the activities shown, in order. */
const names = (page) => page.locator('.f-activity__name').allTextContents();

/** The badges of the activity named `name`. */
const badges = (page, name) =>
  page.locator('.f-activity').filter({ has: page.getByRole('heading', { name, exact: true }) }).locator('.f-tag').allTextContents();

async function applyFilters(page, { tick = [], untick = [], day, kind } = {}) {
  for (const label of tick) await page.getByLabel(label, { exact: true }).check();
  for (const label of untick) await page.getByLabel(label, { exact: true }).uncheck();
  if (day) await page.getByLabel('Day', { exact: true }).selectOption({ label: day });
  if (kind) await page.getByLabel('Kind of activity', { exact: true }).selectOption({ label: kind });
  await page.getByRole('button', { name: 'Show activities' }).click();
}

test('meeting people and getting there: social activities first, then near, free and step-free, and the page says why', async () => {
  const page = await suite.newPage();
  await seed(page, [], { 'flourish.referrals': [MEETING_PEOPLE] });
  await openFromHome(page);
  assert.equal(await page.locator('#activity-count').textContent(), '18 activities');
  assert.deepEqual(await page.locator('#shown-first li').allTextContents(), [
    'Things you said you might like',
    'Near you, because you said: Getting there',
    'Free, because you said: Getting there',
    'Step-free, because you said: Getting there',
  ]);
  // The sample's five social activities come first ("Meeting people" is the category
  // `social`), nearest first: the café is in WX1 itself; the next three are in the same
  // area (WX2, WX3), the free one first, then the step-free one that costs, then the one
  // that costs and has steps; the phone befriending has no place to go to. After them,
  // the rest by nearness, then free, then step-free: the three free, step-free ones in WX1
  // in A to Z order, then Chair Yoga (WX1, costs), then the area's.
  assert.deepEqual((await names(page)).slice(0, 9), [
    'Example: Tuesday Social Café',
    'Example: Peer Support Evening',
    'Example: Lunch Club',
    'Example: Community Shed',
    'Example: Telephone Befriending',
    'Example: Community Choir',
    'Example: Housing Help Drop-in',
    'Example: Repair Café Volunteers',
    'Example: Chair Yoga',
  ]);
  assert.deepEqual(await badges(page, 'Example: Tuesday Social Café'), [
    'Things you said you might like', 'Near you', 'Free', 'Step-free', 'Someone can meet you',
  ]);
  assert.deepEqual(await badges(page, 'Example: Lunch Club'), [
    'Things you said you might like', 'In your area', 'Step-free', 'Someone can meet you',
  ]);
  // Each activity says when, where, what it costs, and how to get in touch, as links that
  // work on a phone; no map links unless the service allows them.
  const cafe = page.locator('#activities > li').first();
  const facts = await cafe.locator('.f-activity__key').allTextContents();
  for (const fact of ['When', 'Where', 'Cost', 'Getting there', 'Contact']) assert.ok(facts.includes(fact), `${fact} in ${facts}`);
  assert.match(await cafe.locator('dd').first().textContent(), /^Every Tuesday, 10am to midday/);
  assert.match(await cafe.locator('a[href^="tel:+44"]').first().textContent(), /^Call /);
  assert.equal(await cafe.locator('bdi[dir="ltr"]').first().isVisible(), true, 'numbers and addresses keep left to right');
  assert.equal(await page.locator('a[href*="openstreetmap"]').count(), 0);
  assert.ok(await page.locator('a[href^="mailto:"]').count() > 0);
  // A large list is drawn 20 at a time: all 18 fit, so no "Show more".
  assert.equal(await page.locator('#show-more').count(), 0);
  await assertAccessible(page, 'things to try');
  page.assertClean();
});

test('filters leave out what they say, keep the page where it is, and say how many are left', async () => {
  const page = await suite.newPage({ width: 360, height: 640 });
  await seed(page, [], { 'flourish.referrals': [MEETING_PEOPLE] });
  await openFromHome(page);
  // "Near WX1" is offered because the person gave their district; nothing else is asked.
  await page.getByLabel('Near WX1', { exact: true }).waitFor();
  assert.equal(await page.locator('input[type="text"], input:not([type])').count(), 0);

  const button = page.getByRole('button', { name: 'Show activities' });
  await button.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  await applyFilters(page, { tick: ['Free only'] });
  await page.locator('#activity-count').filter({ hasText: '12 activities' }).waitFor();
  assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the page does not jump');
  assert.equal((await focused(page)).text, 'Show activities', 'focus stays on the button');
  // Every one left is free: the free badge on each.
  const shown = await page.locator('#activities > li').count();
  assert.equal(shown, 12);
  assert.equal(await page.locator('#activities > li').filter({ has: page.locator('.f-tag', { hasText: /^Free$/ }) }).count(), 12);
  await assertAccessible(page, 'things to try, free only');

  // Tuesdays: the café, cooking (every other Tuesday) and the drivers.
  await applyFilters(page, { untick: ['Free only'], day: 'Tuesday' });
  await page.locator('#activity-count').filter({ hasText: '3 activities' }).waitFor();
  assert.deepEqual(await names(page), [
    'Example: Tuesday Social Café', 'Example: Cooking on a Budget', 'Example: Volunteer Drivers',
  ]);
  assert.match(await page.locator('#activities > li').nth(1).locator('dd').first().textContent(), /^Every other Tuesday/);

  // Nothing on a Sunday: said plainly.
  await applyFilters(page, { day: 'Sunday' });
  await page.locator('#activity-count').filter({ hasText: 'Nothing matches these choices. Try turning off a filter.' }).waitFor();
  assert.equal(await page.locator('#activities > li').count(), 0);
  await assertAccessible(page, 'things to try, nothing matches');

  // The filters are kept while the person looks elsewhere in the app.
  await page.getByRole('link', { name: 'Go to the start' }).click();
  await heading(page);
  await page.getByRole('link', { name: TITLE }).click();
  await page.locator('#activity-count').filter({ hasText: 'Nothing matches' }).waitFor();
  assert.equal(await page.getByLabel('Day', { exact: true }).inputValue(), 'sunday');
  page.assertClean();
});

test('"I went" is kept, can be undone, is ticked in the next check-in and saved with it, and counts in progress', async () => {
  const page = await suite.newPage();
  await seed(page, [], { 'flourish.referrals': [MEETING_PEOPLE] });
  await openFromHome(page);
  const cafe = page.locator('#activities > li').first();
  await cafe.getByRole('button', { name: 'I went to Example: Tuesday Social Café' }).click();
  const today = longDate(new Date());
  await cafe.getByText(`You said you went on ${today}.`).waitFor();
  assert.match((await focused(page)).text, /^Undo/, 'focus stays on the button, which now says Undo');
  // Undo takes it back; press it again.
  await cafe.getByRole('button', { name: 'Undo "I went" for Example: Tuesday Social Café' }).click();
  await cafe.getByRole('button', { name: 'I went to Example: Tuesday Social Café' }).waitFor();
  assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('flourish.went')).data), []);
  await cafe.getByRole('button', { name: 'I went to Example: Tuesday Social Café' }).click();
  await cafe.getByText(`You said you went on ${today}.`).waitFor();
  await assertAccessible(page, 'things to try after "I went"');

  // Kept on the device: still there after a reload.
  await page.reload();
  await page.locator('#activities > li').first().getByText(`You said you went on ${today}.`).waitFor();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('flourish.went')).data);
  assert.equal(stored.length, 1);
  const cafeId = stored[0].directory_id;

  // The next check-in asks about it, ticked.
  await page.goto(page.origin + '/');
  await page.getByRole('link', { name: 'Start a check-in' }).click();
  await answerQuestions(page, { label: byInstrument('About once a week', 'Some of the time') });
  await at(page, '/check-in/activities', 'Which activities have you been to since your last check-in?');
  const went = page.getByRole('group', { name: 'You said you went to:' });
  const box = went.getByLabel('Example: Tuesday Social Café');
  assert.equal(await box.isChecked(), true);
  await went.getByText(`You said you went on ${today}`).waitFor();
  await page.getByRole('link', { name: TITLE }).waitFor();
  await assertAccessible(page, 'check-in activities with "I went"');
  await next(page);
  for (const path of ['/check-in/goals', '/check-in/step']) {
    await at(page, path);
    await next(page);
  }
  await at(page, '/check-in/check', 'Check your answers');
  await page.locator('.f-summary-list__row', { hasText: 'Example: Tuesday Social Café' }).waitFor();
  await save(page);

  // Saved in the check-in by its directory id; no longer waiting for the next one.
  const checkin = await page.evaluate(() => JSON.parse(localStorage.getItem('flourish.checkins')).data[0]);
  assert.deepEqual(checkin.activities, { kind: 'went', activity_ids: [] });
  assert.equal(checkin.went_to.length, 1);
  assert.equal(checkin.went_to[0].directory_id, cafeId);
  assert.equal(checkin.went_to[0].name, 'Example: Tuesday Social Café');
  assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('flourish.went')).data), []);

  // Progress counts it by its directory id.
  await page.goto(page.origin + '/progress');
  const visits = page.locator('#visits');
  await visits.waitFor();
  assert.deepEqual(await visits.locator('tbody td').allTextContents(), ['Example: Tuesday Social Café', 'Once', today]);
  page.assertClean();
});

test('at 320 px wide nothing scrolls sideways and the buttons are big enough to tap', async () => {
  const page = await suite.newPage({ width: 320, height: 640 });
  await seed(page, [], { 'flourish.referrals': [MEETING_PEOPLE] });
  await openFromHome(page);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scroll');
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('main button, main select, .f-activity__link')]
      .map((el) => ({ text: el.textContent.trim().slice(0, 40), h: el.getBoundingClientRect().height }))
      .filter((b) => b.h < 44));
  assert.deepEqual(small, [], 'every control is at least 44 px tall');
  await applyFilters(page, { tick: ['Step-free access', 'Someone can meet you there'] });
  await page.locator('#activity-count').filter({ hasText: '3 activities' }).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal scroll with filters');
  page.assertClean();
});

test('a broken list of activities is said plainly on its page and the rest of the app works', async () => {
  const page = await suite.newPage();
  await page.route('**/directory.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '[{"id": "a", "name": "Cut off' }));
  await page.goto(page.origin + '/');
  await heading(page);
  await page.getByRole('link', { name: TITLE }).click();
  await at(page, '/things-to-try', TITLE);
  const problem = page.locator('#directory-problem');
  await problem.getByText('The list of activities could not be read. Everything else still works.').waitFor();
  await problem.getByText('Details for the service').click();
  await problem.getByText(/The file is not JSON \(line 1, column \d+\)\./).waitFor();
  assert.equal(await page.locator('.f-notice').count(), 0, 'not an app-wide error');
  await assertAccessible(page, 'things to try, broken file');
  // Everything else works: a check-in starts.
  await page.getByRole('link', { name: 'Go to the start' }).click();
  await page.getByRole('link', { name: 'Start a check-in' }).click();
  await at(page, '/check-in/questions/1');
  page.assertClean();
});

test('a missing list and a list with bad records are both reported; with no list configured there are no links to it', async () => {
  const missing = await suite.newPage();
  await missing.route('**/directory.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await missing.goto(missing.origin + '/things-to-try');
  await missing.getByText('The list of activities could not be read. Everything else still works.').waitFor();
  // The 404 itself shows in the console as a failed load; that is the point of this test.

  const partly = await suite.newPage();
  await partly.route('**/directory.json', (route) => route.fulfill({
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({ total_items: 10, contents: [
      { id: '7b6c8f0e-1111-4a2b-9c3d-000000000001', name: 'Example: Bowls' },
      { id: '7b6c8f0e-1111-4a2b-9c3d-000000000002' },
    ] }),
  }));
  await partly.goto(partly.origin + '/things-to-try');
  await partly.getByText('1 activity could not be shown.').waitFor();
  await partly.getByText('This list may not be complete.').waitFor();
  await partly.getByText('Details for the service').click();
  await partly.getByText('Record 2 (7b6c8f0e-1111-4a2b-9c3d-000000000002): it has no name').waitFor();
  assert.deepEqual(await names(partly), ['Example: Bowls']);
  await assertAccessible(partly, 'things to try, records skipped');
  partly.assertClean();

  const none = await suite.newPage();
  await none.route('**/config.json', async (route) => {
    const config = await (await route.fetch()).json();
    await route.fulfill({ json: { ...config, directory: null } });
  });
  let fetched = false;
  none.on('request', (r) => { if (r.url().endsWith('/directory.json')) fetched = true; });
  await none.goto(none.origin + '/');
  await heading(none);
  assert.equal(await none.getByRole('link', { name: TITLE }).count(), 0);
  await none.goto(none.origin + '/things-to-try');
  await none.getByText('This service has not shared a list of activities.').waitFor();
  assert.equal(fetched, false);
  none.assertClean();
});

test('the list is reached from the end of a referral and from the check-in, and map links show only when allowed', async () => {
  const page = await suite.newPage();
  await page.route('**/config.json', async (route) => {
    const config = await (await route.fetch()).json();
    await route.fulfill({ json: { ...config, directory_map_links: true } });
  });
  let fetched = 0;
  page.on('request', (r) => { if (r.url().endsWith('/directory.json')) fetched += 1; });
  await seed(page, [], { 'flourish.referrals': [MEETING_PEOPLE] });
  await page.goto(page.origin + '/referral/done/r-1');
  await heading(page);
  assert.equal(fetched, 0, 'the list is not fetched until its page opens');
  await page.getByRole('link', { name: TITLE }).click();
  await at(page, '/things-to-try', TITLE);
  await page.locator('#activity-count').filter({ hasText: '18 activities' }).waitFor();
  const map = page.locator('#activities > li').first().getByRole('link', { name: 'Show on a map (opens OpenStreetMap)' });
  assert.match(await map.getAttribute('href'), /^https:\/\/www\.openstreetmap\.org\//);
  // The online activity has no map link.
  const online = page.locator('#activities > li').filter({ hasText: 'Mindfulness for Beginners' });
  await online.getByText('Online', { exact: true }).waitFor();
  assert.equal(await online.getByRole('link', { name: /Show on a map/ }).count(), 0);
  // Back to the start and on again: the list is kept for the session, not fetched again.
  await page.getByRole('link', { name: 'Go to the start' }).click();
  await page.getByRole('link', { name: TITLE }).click();
  await page.locator('#activity-count').filter({ hasText: '18 activities' }).waitFor();
  assert.equal(fetched, 1);

  await page.goto(page.origin + '/check-in/questions/1');
  await answerQuestions(page, { label: byInstrument('About once a week', 'Some of the time') });
  await at(page, '/check-in/activities');
  await page.getByRole('link', { name: TITLE }).click();
  await at(page, '/things-to-try', TITLE);
  page.assertClean();
});
