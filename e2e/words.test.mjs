// The words the results use, checked on the pages where people read them: the loneliness
// cut-off and score, what decides the MHC-SF result, the ONS4 wording, care cards from every
// questionnaire, no contact promised that does not exist, no number the service sets written
// into the text, crisis links as actions, plain words for jargon, and the line where the
// check-in moves from the past month to now.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, assertAccessible, heading } from './helpers.mjs';
import { arrive, at, answerQuestions, skipFollowUps, save } from './journeys.mjs';
import { checkin, seed, daysAgo, longDate, addDays } from './seed.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => {
  await suite?.close();
  console.log(`axe-core: ${assertAccessible.screens ?? 0} screen states checked, 0 violations`);
});

/** A page whose service's config.json is `config` (every other setting the default). */
async function withConfig(config) {
  const page = await suite.newPage();
  await page.route('**/config.json', (route) => route.fulfill({
    contentType: 'application/json', body: JSON.stringify(config),
  }));
  return page;
}

const CARE = 'You do not have to manage on your own';

test('loneliness: 5 is "not often lonely", 6 "lonely more often" with a next step and a care card', async () => {
  for (const [answers, band, meaning, care] of [
    [[1, 2, 2], 'Not often lonely', 'Your answers suggest you do not often feel lonely.', false],
    [[2, 2, 2], 'Lonely more often', 'Your answers suggest you feel lonely more often.', true],
  ]) {
    const page = await suite.newPage();
    await seed(page, [checkin('c1', daysAgo(2), { mhc: Array(14).fill(3), ucla: answers })]);
    await page.goto(suite.origin + '/check-ins/c1');
    await arrive(page, 'Your check-in');
    const score = answers.reduce((a, b) => a + b);
    // The score with its range and which way is better, never "out of 9".
    await page.getByText(`Your score is ${score}. Scores go from 3 to 9. A lower score means less lonely.`).waitFor();
    await page.getByText(meaning, { exact: false }).first().waitFor();
    assert.equal(await page.getByText('out of 9').count(), 0);
    assert.equal(await page.getByText('You said you', { exact: false }).count(), 0, 'the scale never asks "are you lonely"');
    assert.equal(await page.getByRole('link', { name: 'Ask for support' }).count(), care ? 1 : 0, 'a next step after a higher score');
    assert.equal(await page.getByRole('heading', { name: CARE }).count(), care ? 1 : 0);
    await assertAccessible(page, `result with loneliness ${score}`);
    // Home says the same in one line, with the care card after a higher score.
    await page.goto(suite.origin + '/');
    await page.getByText(`${band} (score ${score}, from 3 to 9)`).waitFor();
    assert.equal(await page.getByRole('heading', { name: CARE }).count(), care ? 1 : 0, 'home shows the care card too');
    page.assertClean();
  }
});

test('the MHC-SF result says it comes from how often each feeling came, not the total', async () => {
  const page = await suite.newPage();
  // A total of 28 that is flourishing (one hedonic and six functioning items at 4).
  await seed(page, [checkin('c1', daysAgo(1), { mhc: [4, 0, 0, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0] })]);
  await page.goto(suite.origin + '/check-ins/c1');
  await arrive(page, 'Your check-in');
  await page.getByRole('heading', { name: 'Flourishing' }).waitFor();
  await page.getByText('Your total score is 28. Scores go from 0 to 70.').waitFor();
  const note = 'Your result comes from how often you had each feeling, not from the total.';
  await page.getByText(note, { exact: false }).waitFor();
  await page.goto(suite.origin + '/');
  await page.getByText('Flourishing (score 28, from 0 to 70)').waitFor();
  await page.getByText(note, { exact: false }).waitFor();
  // Plain words for the parts and the two social dimensions people misread.
  await page.goto(suite.origin + '/progress');
  await heading(page);
  const parts = await page.locator('#part-changes th[scope=row]').allTextContents();
  assert.deepEqual(parts, ['Feeling good', 'Feeling part of society', 'Doing well in your own life']);
  const dims = await page.locator('#dimension-changes th[scope=row]').allTextContents();
  assert.ok(dims.includes('Seeing the good in people') && dims.includes('Understanding how society works'), dims.join(', '));
  assert.equal(await page.getByText('Psychological well-being').count(), 0, 'no jargon');
  page.assertClean();
});

test('ONS4 keeps its quote marks, says lower is better for anxiety, and signposts without the MHC-SF', async () => {
  const page = await withConfig({ instruments: ['ons4', 'ucla3'] });
  await page.goto(suite.origin + '/');
  // The number of questions is the service's, never a fixed "14".
  await page.getByText('A check-in is 7 short questions', { exact: false }).waitFor();
  await page.getByRole('link', { name: 'Start a check-in' }).click();
  await answerQuestions(page, { to: 3, of: 7, label: () => '7' });
  await at(page, '/check-in/questions/4',
    "On a scale where 0 is 'not at all anxious' and 10 is 'completely anxious', overall, how anxious did you feel yesterday?");
  await page.getByText('Question 4 of 7').waitFor();
  await page.getByLabel('8', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  // Moving from "yesterday" to loneliness questions about these days: a line says so.
  await at(page, '/check-in/questions/5');
  await page.getByText('The next questions are about how you feel these days, not just in the past month.').waitFor();
  await answerQuestions(page, { from: 5, to: 7, of: 7, label: () => 'Hardly ever or never' });
  await skipFollowUps(page);
  // Plain headings, never an instrument's name.
  assert.deepEqual(await page.locator('main h2').allTextContents(),
    ['How you feel about your life', 'Time with other people', 'A few more things']);
  await save(page);
  await page.getByText('For anxiety, a lower number is better.').waitFor();
  await page.getByText('8 (high). Scores go from 0 to 10.').waitFor();
  await page.getByRole('heading', { name: CARE }).waitFor();
  await page.getByText('You said you felt quite anxious yesterday.').waitFor();
  await assertAccessible(page, 'ONS4 result with a care card');
  // History and home show the questionnaires used, never "no result".
  await page.goto(suite.origin + '/check-ins');
  await heading(page);
  const row = await page.locator('tbody tr').first().textContent();
  assert.match(row, /Life satisfaction: 7 \(high\)/);
  assert.match(row, /Not often lonely \(score 3, from 3 to 9\)/);
  assert.doesNotMatch(row, /could not work out a result/);
  assert.doesNotMatch(await page.locator('thead').textContent(), /out of 70/);
  await page.goto(suite.origin + '/');
  await page.getByRole('heading', { name: CARE }).waitFor();
  page.assertClean();
});

test('low life satisfaction shows the care card too', async () => {
  const page = await withConfig({ instruments: ['ons4'] });
  await seed(page, [checkin('c1', daysAgo(1), { ons4: [4, 6, 6, 2] })]);
  await page.goto(suite.origin + '/check-ins/c1');
  await arrive(page, 'Your check-in');
  await page.getByText('You said you are not very happy with your life at the moment.').waitFor();
  page.assertClean();
});

test('no sentence promises a contact the service does not have', async () => {
  for (const [config, says, never] of [
    [{}, 'show this page, a print-out or the file you download to the person who told you about this app, or to your GP', 'contact the service'],
    [{ service_contact: { phone: '01443000000', phone_display: '01443 000000' } }, 'To get support, contact the service and give them your reference.', 'to your GP'],
  ]) {
    const page = await withConfig(config);
    await seed(page, [], {
      'flourish.referrals': [{ id: 'r-1', submitted_at: new Date().toISOString(), safety: false, reasons: ['lonely'], name: 'Sam', contact_method: 'no-contact', baseline: { choice: 'skipped' } }],
    });
    await page.goto(suite.origin + '/referral/done/r-1');
    await arrive(page, 'Your request for support is saved');
    await page.getByText(says, { exact: false }).waitFor();
    assert.equal(await page.locator('main').getByText(never, { exact: false }).count(), 0, `no "${never}"`);
    await assertAccessible(page, 'confirmation');
    page.assertClean();
  }
  // A result that calls for support names the service only when it can be reached.
  const page = await suite.newPage();
  await seed(page, [checkin('c1', daysAgo(1), { mhc: Array(14).fill(0) })]);
  await page.goto(suite.origin + '/check-ins/c1');
  await arrive(page, 'Your check-in');
  await page.getByText('You can talk to the person who told you about this app, or to your GP.').waitFor();
  assert.equal(await page.getByText('talking to the service', { exact: false }).count(), 0);
  page.assertClean();
});

test('numbers the service sets are never fixed in the words', async () => {
  const page = await withConfig({ instruments: ['ons4', 'ucla3'], schedule: { interval_days: 14 } });
  const done = daysAgo(1);
  await seed(page, [checkin('c1', done, { ons4: [7, 7, 7, 2], ucla: [1, 1, 1] })]);
  await page.goto(suite.origin + '/check-ins/c1');
  await arrive(page, 'Your check-in');
  await page.getByText(`Your next check-in is on ${longDate(addDays(done, 14))}.`).waitFor();
  assert.equal(await page.getByText('about 4 weeks', { exact: false }).count(), 0);
  await page.goto(suite.origin + '/referral/first-check-in');
  await heading(page);
  await page.getByText('It is 7 questions about how you are.', { exact: false }).waitFor();
  // One of a thing is said as one.
  await page.goto(suite.origin + '/your-data/delete');
  await heading(page);
  await page.getByText('1 check-in', { exact: true }).waitFor();
  page.assertClean();
});

test('crisis routes read as actions, and the text link works on iPhone and Android', async () => {
  const page = await suite.newPage();
  await page.goto(suite.origin + '/get-help');
  await arrive(page, 'Get help now');
  const links = await page.locator('main .f-button--contact').evaluateAll((as) =>
    as.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
  assert.deepEqual(links, [
    ['Call 999', 'tel:999'], ['Call 111', 'tel:111'], ['Call 116 123', 'tel:116123'],
    ['Text SHOUT to 85258', 'sms:85258?&body=SHOUT'],
  ]);
  await page.getByText('Call 999, or go to a hospital emergency department (A&E).').waitFor();
  // The numbers keep their order inside right-to-left words.
  assert.equal(await page.locator('.f-button--contact bdi[dir=ltr]').count(), 5);
  await assertAccessible(page, 'get help');
  page.assertClean();
});

test('plain words where jargon was: no JSON, CSV or bare KB', async () => {
  const page = await suite.newPage();
  await seed(page, [checkin('c1', daysAgo(1), { mhc: Array(14).fill(3), ucla: [1, 1, 1] })]);
  await page.goto(suite.origin + '/your-data');
  await arrive(page, 'Your data');
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /JSON|CSV/);
  assert.match(text, /\d+ KB \(kilobytes\)/);
  await page.getByRole('button', { name: 'Download everything as one file' }).waitFor();
  await page.getByRole('button', { name: 'Download your scores to open in a spreadsheet' }).waitFor();
  page.assertClean();
});
