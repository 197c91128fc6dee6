// Check-ins over time: the default check-in with UCLA-3 and the brief optional
// questions, the progress page checked against our own arithmetic, a due check-in snoozed or
// put off because things are hard, the calendar file read by an independent parser, and
// ONS4 when a service configures it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSuite, assertAccessible, heading, openHome, titleMatching } from './helpers.mjs';
import { at, answerQuestions, save, skipFollowUps } from './journeys.mjs';
import {
  checkin, seed, daysAgo, longDate, addDays, isoDate, category, total, dimensions, subscales,
} from './seed.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

/** Answers questions `from`..`to` of `of` with the label `label(n)` and Continue. */
const answer = (page, from, to, of, label) => answerQuestions(page, { from, to, of, label });

/** The text of each cell of each body row of a table. */
async function cells(page, selector) {
  return page.locator(`${selector} tbody tr`).evaluateAll((rows) =>
    rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
}

const DIMENSIONS = [
  'Positive feelings', 'Being satisfied with life', 'Having something to give', 'Belonging to a community',
  'Hope for society', 'Seeing the good in people', 'Understanding how society works', 'Liking who you are',
  'Managing daily life', 'Warm relationships', 'Growing as a person', 'Confidence in your own views',
  'Direction and meaning',
];

const signed = (d) => (d > 0 ? `+${d}` : d < 0 ? `\u2212${-d}` : '0');
function often(d, since) {
  const words = since === 'first'
    ? ['More often than at first', 'Less often than at first', 'The same as at first']
    : ['More often than last time', 'Less often than last time', 'The same as last time'];
  return `${words[d > 0 ? 0 : d < 0 ? 1 : 2]} (${signed(d)})`;
}
function score(d, since) {
  if (since === 'first') return d > 0 ? `Up ${d} since your first check-in` : d < 0 ? `Down ${-d} since your first check-in` : 'The same as your first check-in';
  return d > 0 ? `Up ${d} since last time` : d < 0 ? `Down ${-d} since last time` : 'The same as last time';
}

test('a first and a second check-in with loneliness questions, activities, a goal and a step', async () => {
  const page = await suite.newPage();
  await page.goto(suite.origin + '/');
  await page.getByText('A check-in is 17 short questions', { exact: false }).waitFor();
  await page.getByRole('link', { name: 'Start a check-in' }).click();
  await answer(page, 1, 14, 17, () => 'Almost every day');
  await at(page, '/check-in/questions/15', 'How often do you feel that you lack companionship?');
  await assertAccessible(page, 'a UCLA-3 question');
  // 1 + 2 + 2 = 5: the top of the lower loneliness band.
  await answer(page, 15, 17, 17, (n) => (n === 15 ? 'Hardly ever or never' : 'Some of the time'));

  // Activities: checkboxes with an exclusive "None yet".
  await at(page, '/check-in/activities', 'Which activities have you been to since your last check-in?');
  await assertAccessible(page, 'activities');
  await page.getByLabel('Meeting people').check();
  await page.getByLabel('None yet').check();
  assert.equal(await page.getByLabel('Meeting people').isChecked(), false, 'None yet unticks the others');
  await page.getByLabel('Meeting people').check();
  assert.equal(await page.getByLabel('None yet').isChecked(), false, 'an activity unticks None yet');
  await page.getByLabel('Something else').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('.f-error-summary').waitFor();
  await titleMatching(page, /^Error: /);
  await assertAccessible(page, 'activities with an error');
  await page.getByLabel('What else did you go to?').fill('Choir');
  await page.getByRole('button', { name: 'Continue' }).click();

  await at(page, '/check-in/goals', 'How are your goals going?');
  await page.getByText('You have not set a goal here yet.').waitFor();
  await assertAccessible(page, 'goals (none yet)');
  await page.getByLabel('Add a goal (optional)').fill('Go for a walk once a week');
  await page.getByRole('button', { name: 'Continue' }).click();

  await at(page, '/check-in/step', 'Which of these feels most like where you are now?');
  await assertAccessible(page, 'journey step');
  await page.getByLabel("I'm getting out and doing things with other people").check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await at(page, '/check-in/check', 'Check your answers');
  const groups = await page.locator('main h2').allTextContents();
  assert.deepEqual(groups, [
    'How you have felt in the past month',
    'Time with other people',
    'A few more things',
  ]);
  const extra = await page.locator('.f-summary-list').nth(2).locator('.f-summary-list__value').allTextContents();
  assert.deepEqual(extra, [
    'Meeting people, Choir',
    'New goal: Go for a walk once a week',
    "I'm getting out and doing things with other people",
  ]);
  await assertAccessible(page, 'check your answers with every part');
  await save(page);
  await page.getByText('Your total score is 56. Scores go from 0 to 70.').waitFor();
  await page.getByRole('heading', { name: 'Loneliness' }).waitFor();
  await page.getByText('Your score is 5. Scores go from 3 to 9. A lower score means less lonely.').waitFor();
  await page.getByText('Your answers suggest you do not often feel lonely.').waitFor();
  assert.equal(await page.locator('.f-care-card').count(), 0, 'no care card for a good result');
  await assertAccessible(page, 'result with loneliness');

  await page.getByRole('link', { name: 'See your progress' }).click();
  await at(page, '/progress', 'Your progress');
  await page.getByText('This is your first check-in, so there is nothing to compare yet.').first().waitFor();
  assert.equal(await page.locator('svg.f-chart__svg .f-chart__point').count(), 1);
  await page.getByText('Go for a walk once a week').waitFor();
  await assertAccessible(page, 'progress after one check-in');

  // A second, harder month: the goal is asked about, and a kind care card shows. All in
  // the same page load, so the progress worked out after the first (and kept until the
  // check-ins change) must not be what the page shows after the second.
  await page.getByRole('link', { name: 'Go to the start' }).click();
  await page.getByRole('link', { name: 'Start a check-in' }).click();
  await answer(page, 1, 14, 17, () => 'Once or twice');
  await answer(page, 15, 17, 17, () => 'Often');
  await at(page, '/check-in/activities');
  await page.getByLabel('None yet').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await at(page, '/check-in/goals');
  await page.getByRole('group', { name: 'Go for a walk once a week' }).getByLabel('Started', { exact: true }).check();
  await assertAccessible(page, 'goals with a goal');
  await page.getByRole('button', { name: 'Continue' }).click();
  await at(page, '/check-in/step');
  await page.getByRole('button', { name: 'Continue' }).click();
  await at(page, '/check-in/check');
  assert.deepEqual(
    await page.locator('.f-summary-list').nth(2).locator('.f-summary-list__value').allTextContents(),
    ['None yet', 'Go for a walk once a week: Started', 'Left out'],
  );
  await save(page);
  await page.getByText('Your total score is 14. Scores go from 0 to 70.').waitFor();
  const card = page.locator('.f-care-card');
  await card.getByRole('heading', { name: 'You do not have to manage on your own' }).waitFor();
  await card.getByText('Your score is lower than last time: 56 then, 14 now.').waitFor();
  await card.getByRole('link', { name: 'Get help now' }).waitFor();
  await assertAccessible(page, 'result with a care card');

  await page.getByRole('link', { name: 'See your progress' }).click();
  await at(page, '/progress', 'Your progress');
  assert.equal(await page.locator('svg.f-chart__svg .f-chart__point').count(), 2);
  assert.deepEqual((await cells(page, '#dimension-changes'))[0],
    ['Positive feelings', '2 out of 10', 'Less often than at first (\u22126)', 'Less often than last time (\u22126)']);
  assert.deepEqual(await cells(page, '#loneliness-changes'),
    [['Loneliness', '9 (from 3 to 9)', 'Up 4 since your first check-in', 'Up 4 since last time']]);
  await page.getByText(`Started on ${longDate(new Date())}`).waitFor();
  page.assertClean();
});

test('twelve check-ins show the chart, the table and each change, as we work them out', async () => {
  const page = await suite.newPage();
  const levels = [1, 2, 2, 3, 3, 3, 4, 4, 5, 4, 3, 2];
  const clamp = (x) => Math.max(0, Math.min(5, x));
  const seeded = levels.map((v, k) => {
    const mhc = Array.from({ length: 14 }, (_, i) => clamp(v + ((i + k) % 3) - 1));
    const extra = {};
    if (k === 0) Object.assign(extra, { new_goals: [{ id: 'g1', text: 'Walk with a friend once a week' }], journey_step: 'professional-support', activities: { kind: 'none-yet' } });
    if (k === 3) Object.assign(extra, { goal_updates: [{ goal_id: 'g1', status: 'started' }], journey_step: 'engaging-with-others', activities: { kind: 'went', activity_ids: ['social', 'creative'], something_else: 'Choir' } });
    if (k === 11) Object.assign(extra, { goal_updates: [{ goal_id: 'g1', status: 'getting-there' }], journey_step: 'learning' });
    return checkin(`c${String(k).padStart(2, '0')}`, daysAgo(10 + 28 * (11 - k)), { mhc, ucla: [(k % 3) + 1, 2, ((k + 1) % 3) + 1], ...extra });
  });
  await seed(page, seeded);
  await page.goto(suite.origin + '/progress');
  assert.equal(await heading(page), 'Your progress');
  const a = seeded.map((c) => c.responses[0].answers);
  const dates = seeded.map((c) => longDate(new Date(c.finished_at)));

  // The table holds every point, newest first, with its category in words: a year of
  // four-weekly check-ins is never cut short.
  const expectedRows = a.map((x, k) => [dates[k], String(total(x)), category(x)]).reverse();
  assert.deepEqual(await cells(page, '#scores'), expectedRows);
  assert.equal(await page.getByRole('button', { name: /^Show all/ }).count(), 0);
  // The chart: one marker per check-in, its shape naming its category (not colour alone).
  const svg = page.locator('svg.f-chart__svg');
  assert.equal(await svg.getAttribute('role'), 'img');
  assert.equal(await page.locator('#chart-title').textContent(), 'Your well-being score over time');
  assert.match(await page.locator('#chart-desc').textContent(),
    new RegExp(`12 check-ins from ${dates[0]} to ${dates[11]}\\. Your score went from ${total(a[0])} to ${total(a[11])}`));
  const shapes = { Flourishing: 'circle', 'Getting by': 'rect', 'Finding things hard': 'path' };
  for (const [name, shape] of Object.entries(shapes)) {
    const n = a.filter((x) => category(x) === name).length;
    assert.equal(await svg.locator(`${shape}.f-chart__point`).count(), n, `${n} ${name} points drawn as ${shape}`);
  }
  const [first, prev, last] = [a[0], a[10], a[11]];
  assert.deepEqual(await cells(page, '#overall-changes'), [[
    'Score', String(total(last)), score(total(last) - total(first), 'first'), score(total(last) - total(prev), 'last'),
  ]]);
  const parts = ['Feeling good', 'Feeling part of society', 'Doing well in your own life'];
  const maxes = [15, 25, 30];
  assert.deepEqual(await cells(page, '#part-changes'), parts.map((p, i) => [
    p, `${subscales(last)[i]} out of ${maxes[i]}`,
    score(subscales(last)[i] - subscales(first)[i], 'first'), score(subscales(last)[i] - subscales(prev)[i], 'last'),
  ]));
  assert.deepEqual(await cells(page, '#dimension-changes'), DIMENSIONS.map((d, i) => [
    d, `${dimensions(last)[i]} out of ${i === 0 ? 10 : 5}`,
    often(dimensions(last)[i] - dimensions(first)[i], 'first'), often(dimensions(last)[i] - dimensions(prev)[i], 'last'),
  ]));
  const lonely = seeded.map((c) => total(c.responses[1].answers));
  assert.deepEqual(await cells(page, '#loneliness-changes'), [[
    'Loneliness', `${lonely[11]} (from 3 to 9)`, score(lonely[11] - lonely[0], 'first'), score(lonely[11] - lonely[10], 'last'),
  ]]);
  // A fall of 10 or more since last time shows the kind care card; here 44 → 30ish.
  const drop = total(prev) - total(last);
  assert.ok(drop >= 10, `the seeded history ends with a fall (${drop})`);
  await page.locator('.f-care-card').getByText(`Your score is lower than last time: ${total(prev)} then, ${total(last)} now.`).waitFor();
  // Goals, journey steps and activities over time.
  await page.getByText(`Started on ${dates[3]}. Getting there on ${dates[11]}`).waitFor();
  assert.deepEqual(await cells(page, '#journey'), [
    [dates[11], "Step 3 of 5I'm learning new things and new ways to get on with people"],
    [dates[3], "Step 2 of 5I'm getting out and doing things with other people"],
    [dates[0], "Step 1 of 5I'm getting support to sort things out"],
  ]);
  assert.deepEqual(await cells(page, '#activities'), [
    [dates[3], 'Meeting people, Making things, Choir'],
    [dates[0], 'None yet'],
  ]);
  await assertAccessible(page, 'progress with twelve check-ins and the chart');
  await page.screenshot({ path: join(tmpdir(), 'flourish-progress.png'), fullPage: true });
  page.assertClean();
});

test('a due check-in can be snoozed, or put off because things are hard, with nothing recorded', async () => {
  const page = await suite.newPage();
  const seeded = [checkin('base', daysAgo(30), { mhc: Array(14).fill(3), ucla: [2, 2, 2] })];
  await seed(page, seeded);
  await openHome(page);
  await page.getByRole('heading', { name: 'It is time for a check-in' }).waitFor();
  await assertAccessible(page, 'home with a check-in due');
  await page.getByRole('button', { name: 'Remind me in 3 days' }).click();
  const until = longDate(addDays(new Date(), 3));
  await page.getByText(`We will remind you on ${until}.`).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'schedule-status');
  await assertAccessible(page, 'home with a check-in snoozed');
  await page.reload();
  await page.getByText(`We will remind you on ${until}.`).waitFor();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('flourish.deferral')));
  assert.equal(stored.schema, 1);
  assert.equal(stored.data.kind, 'snoozed');
  assert.equal(stored.data.until, isoDate(addDays(new Date(), 3)));

  // Another person (a fresh device): "Not now, things are hard".
  const other = await suite.newPage();
  await seed(other, seeded);
  await other.goto(suite.origin + '/');
  await other.getByRole('button', { name: 'Not now, things are hard' }).click();
  await at(other, '/check-in/not-now', 'That is OK');
  const again = longDate(addDays(new Date(), 7));
  await other.getByText(`We will ask again gently on ${again}.`, { exact: false }).waitFor();
  await other.getByText('Nothing has been written down about this.', { exact: false }).waitFor();
  await other.getByText('You can talk to the person who told you about this app, or to your GP.').waitFor();
  await other.locator('main').getByRole('link', { name: 'Get help now' }).waitFor();
  await assertAccessible(other, 'not now, things are hard');
  const after = await other.evaluate(() => JSON.parse(localStorage.getItem('flourish.checkins')).data);
  assert.deepEqual(after, seeded, 'nothing is recorded against the person');
  await other.goto(suite.origin + '/');
  await other.getByText(`We will ask again gently on ${again}.`).waitFor();
  await other.getByRole('link', { name: 'Start a check-in' }).waitFor();
  page.assertClean();
  other.assertClean();
});

test('Add to my calendar downloads the coming check-ins as a valid .ics file', async () => {
  const page = await suite.newPage();
  const finished = daysAgo(10);
  await seed(page, [checkin('baseline-id', finished, { mhc: Array(14).fill(3), ucla: [1, 1, 1] })]);
  await openHome(page);
  const baseline = new Date(finished);
  await page.getByText(`Your next check-in is on ${longDate(addDays(baseline, 28))}.`).waitFor();
  await assertAccessible(page, 'home with a check-in coming');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Add to my calendar' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'check-ins.ics');
  const dir = mkdtempSync(join(tmpdir(), 'flourish-ics-'));
  const file = join(dir, 'check-ins.ics');
  await download.saveAs(file);
  // Every 4 weeks, with the 10-week pathway point (day 70) taking the third place.
  const expected = [28, 56, 70, 98, 126, 154].map((d) => isoDate(addDays(baseline, d))).join(',');
  const out = execFileSync('python3', ['scripts/check_ics.py', file, '--count', '6', '--dates', expected], { encoding: 'utf8' });
  assert.match(out, /ok, 6 all-day events/);
  console.log(out.trim());
  rmSync(dir, { recursive: true, force: true });
  page.assertClean();
});

test('ONS4, when the service configures it, asks 0 to 10 as radios and shows bands', async () => {
  // The service's config.json asks for ONS4 between the MHC-SF and loneliness; every other
  // setting is left to the defaults.
  const page = await suite.newPage();
  await page.route('**/config.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ instruments: ['mhc-sf', 'ons4', 'ucla3'] }),
  }));
  await page.goto(suite.origin + '/check-in/questions/1');
  await heading(page);
  await page.getByText('Question 1 of 21').waitFor();
  await answer(page, 1, 14, 21, () => 'About 2 or 3 times a week');
  await at(page, '/check-in/questions/15', 'Overall, how satisfied are you with your life nowadays?');
  assert.equal(await page.locator('input[type=range]').count(), 0, 'never a slider');
  assert.equal(await page.locator('input[type=radio]').count(), 11);
  await page.getByLabel('0 – Not at all').waitFor();
  await page.getByLabel('10 – Completely').waitFor();
  await assertAccessible(page, 'an ONS4 question');
  const ons = [7, 9, 5, 2];
  await answer(page, 15, 18, 21, (n) => String(ons[n - 15]));
  await answer(page, 19, 21, 21, () => 'Hardly ever or never');
  await skipFollowUps(page);
  await page.getByRole('heading', { name: 'How you feel about your life' }).waitFor();
  await save(page);
  const rows = await page.locator('.f-summary-list__row').evaluateAll((rs) =>
    rs.map((r) => [...r.children].map((c) => c.textContent.trim()).join(': ')));
  for (const row of ['Life satisfaction: 7 (high). Scores go from 0 to 10.', 'Feeling things you do are worthwhile: 9 (very high). Scores go from 0 to 10.',
    'Happiness: 5 (medium). Scores go from 0 to 10.', 'Anxiety: 2 (low). Scores go from 0 to 10.']) {
    assert.ok(rows.includes(row), `${row} in ${rows.join(' | ')}`);
  }
  await assertAccessible(page, 'result with ONS4');
  page.assertClean();
});

after(() => {
  console.log(`axe-core: ${assertAccessible.screens ?? 0} screen states checked, 0 violations`);
});
