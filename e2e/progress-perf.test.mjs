// "Your progress" with ten years of weekly check-ins (520), seeded in the stored format: how
// long it takes to open (printed: timing on a shared machine varies too much for a tight
// limit), what it shows at first (the newest twelve), and every check-in a tap away, with axe
// in both states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suiteForFile, assertAccessible, focused } from './helpers.mjs';
import { arrive } from './journeys.mjs';
import { seed, weeklyCheckins, longDate, total, category } from './seed.mjs';

let suite;
suiteForFile((s) => { suite = s; });

const checkins = weeklyCheckins(520);
const answers = checkins.map((c) => c.responses[0].answers);
const dates = checkins.map((c) => longDate(new Date(c.finished_at)));
/** The scores table's rows for check-ins `from` to `to` (indexes, oldest first), newest first. */
const scoreRows = (from, to) => answers.slice(from, to).map((a, i) => [dates[from + i], String(total(a)), category(a)]).reverse();
/** The journey and activities tables' rows: every fourth check-in, newest first. */
const everyFourth = (cell) => checkins.map((c, k) => [k, c]).filter(([, c]) => c.journey_step).map(([k]) => [dates[k], cell]).reverse();

/** The text of each cell of each body row of a table. */
function cells(page, selector) {
  return page.locator(`${selector} tbody tr`).evaluateAll((rows) =>
    rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
}

/** Clicks `button` and waits until `selector` has `rows` body rows and their frame is painted;
 * returns the milliseconds from the click. */
function timeUntilRows(page, click, selector, rows) {
  return page.evaluate(async ({ click, selector, rows }) => {
    const start = performance.now();
    document.querySelector(click).click();
    await new Promise((resolve) => {
      const done = () => document.querySelectorAll(`${selector} tbody tr`).length === rows;
      if (done()) return resolve();
      new MutationObserver((_, obs) => { if (done()) { obs.disconnect(); resolve(); } })
        .observe(document.body, { childList: true, subtree: true });
    });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - start;
  }, { click, selector, rows });
}

/** Opens the page at `href` from the home page's link three times, each timed until table
 * `selector` shows the newest check-ins, and prints the times under `name`. */
async function timeFromHome(page, name, href, selector) {
  const ms = [];
  for (let run = 0; run < 3; run++) {
    await page.goto(suite.origin + '/');
    await page.locator('main h1').waitFor();
    ms.push(await timeUntilRows(page, `main a[href="${href}"]`, selector, 12));
  }
  console.log(`${name} with 520 check-ins rendered in ${ms.map((m) => m.toFixed(0)).join(', ')} ms (3 runs)`);
}

test('the progress page opens with 520 check-ins and prints how long it took', async () => {
  const page = await suite.newPage();
  await seed(page, checkins);
  await timeFromHome(page, 'progress page', '/progress', '#scores');
  // And from a cold page load (the app starting, reading and parsing storage, then rendering).
  const t0 = Date.now();
  await page.goto(suite.origin + '/progress');
  await page.waitForFunction(() => document.querySelectorAll('#scores tbody tr').length === 12);
  console.log(`progress page with 520 check-ins, cold load to table: ${Date.now() - t0} ms`);
  const all = await timeUntilRows(page, '#scores-show-all', '#scores', 520);
  console.log(`progress page with 520 check-ins, Show all to every row: ${all.toFixed(0)} ms`);
  page.assertClean();
});

test('ten years of check-ins show the newest twelve, and every one after Show all', async () => {
  const page = await suite.newPage();
  await seed(page, checkins);
  await page.goto(suite.origin + '/progress');
  await arrive(page, 'Your progress');

  // At first: the newest twelve, in the chart and its table alike, and said so.
  await page.getByText('The chart and the table below show your last 12 check-ins.').waitFor();
  assert.deepEqual(await cells(page, '#scores'), scoreRows(508, 520));
  assert.equal(await page.locator('svg.f-chart__svg .f-chart__point').count(), 12);
  assert.match(await page.locator('#chart-desc').textContent(),
    new RegExp(`12 check-ins from ${dates[508]} to ${dates[519]}\\. Your score went from ${total(answers[508])} to ${total(answers[519])}`));
  // The changes still count from the very first check-in, ten years ago.
  const overall = (await cells(page, '#overall-changes'))[0];
  const sinceFirst = total(answers[519]) - total(answers[0]);
  assert.equal(overall[2], sinceFirst > 0 ? `Up ${sinceFirst} since your first check-in`
    : sinceFirst < 0 ? `Down ${-sinceFirst} since your first check-in` : 'The same as your first check-in');
  // The journey and activities tables: their newest twelve too, each with its own button.
  assert.deepEqual(await cells(page, '#journey'),
    everyFourth("Step 3 of 5I'm learning new things and new ways to get on with people").slice(0, 12));
  assert.deepEqual(await cells(page, '#activities'), everyFourth('Meeting people').slice(0, 12));
  assert.equal(await page.getByRole('button', { name: 'Show all 130 dates' }).count(), 2);
  await assertAccessible(page, 'progress with 520 check-ins, the newest shown');

  // Show all: every check-in in the table and the chart, and the first one that was hidden
  // takes focus, so a keyboard or screen reader user carries on from there.
  await page.getByRole('button', { name: 'Show all 520 check-ins' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#scores tbody tr').length === 520);
  assert.deepEqual(await cells(page, '#scores'), scoreRows(0, 520));
  assert.equal(await page.locator('svg.f-chart__svg .f-chart__point').count(), 520);
  assert.match(await page.locator('#chart-desc').textContent(), new RegExp(`520 check-ins from ${dates[0]} to ${dates[519]}`));
  await page.waitForFunction(() => document.activeElement?.id === 'scores-earlier');
  assert.equal((await focused(page)).text, scoreRows(507, 508)[0].join(''));
  assert.equal(await page.getByText('The chart and the table below show your last 12 check-ins.').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Show all 520 check-ins' }).count(), 0);

  // Each dated table opens on its own.
  await page.locator('#journey-show-all').click();
  await page.waitForFunction(() => document.activeElement?.id === 'journey-earlier');
  assert.deepEqual(await cells(page, '#journey'),
    everyFourth("Step 3 of 5I'm learning new things and new ways to get on with people"));
  assert.equal((await cells(page, '#activities')).length, 12);
  await page.locator('#activities-show-all').click();
  await page.waitForFunction(() => document.activeElement?.id === 'activities-earlier');
  assert.deepEqual(await cells(page, '#activities'), everyFourth('Meeting people'));
  assert.equal(await page.getByRole('button', { name: /^Show all/ }).count(), 0);
  await assertAccessible(page, 'progress with 520 check-ins, all shown');
  page.assertClean();
});

test('in Welsh the buttons count the check-ins and dates in Welsh', async () => {
  const page = await suite.newPage({ locale: 'cy-GB' });
  await seed(page, checkins);
  await page.goto(suite.origin + '/progress');
  await arrive(page, 'Eich cynnydd');
  await page.getByText('Mae\'r siart a\'r tabl isod yn dangos eich 12 gwiriad diwethaf.').waitFor();
  await page.getByRole('button', { name: 'Dangos pob un o\'r 520 gwiriad' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Dangos pob un o\'r 130 dyddiad' }).count(), 2);
  await assertAccessible(page, 'cy: progress with 520 check-ins');
  page.assertClean();
});

test('your check-ins, over ten years, show the newest twelve and every one after Show all', async () => {
  const page = await suite.newPage();
  await seed(page, checkins);
  await timeFromHome(page, 'your check-ins', '/check-ins', '#check-ins');
  await arrive(page, 'Your check-ins');

  // Newest first: the last twelve check-ins, each with a way to its result.
  const dateColumn = () => page.locator('#check-ins tbody tr td:first-child').allTextContents();
  assert.deepEqual(await dateColumn(), dates.slice(508).reverse());
  assert.equal(await page.locator('#check-ins tbody a').count(), 12);
  await assertAccessible(page, 'your check-ins with 520, the newest shown');

  const all = await timeUntilRows(page, '#check-ins-show-all', '#check-ins', 520);
  console.log(`your check-ins with 520 check-ins, Show all to every row: ${all.toFixed(0)} ms`);
  assert.deepEqual(await dateColumn(), [...dates].reverse());
  await page.waitForFunction(() => document.activeElement?.id === 'check-ins-earlier');
  assert.match((await focused(page)).text, new RegExp(`^${dates[507]}`));
  assert.equal(await page.getByRole('button', { name: 'Show all 520 check-ins' }).count(), 0);
  await assertAccessible(page, 'your check-ins with 520, all shown');
  page.assertClean();
});
