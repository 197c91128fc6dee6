// How long "Your progress" takes to render ten years of weekly check-ins (520), seeded in
// the stored format. Prints the time; asserts only that the page is complete, because timing
// on a shared machine varies too much for a tight limit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite } from './helpers.mjs';
import { checkin, seed, daysAgo } from './seed.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

test('the progress page renders 520 check-ins and prints how long it took', async () => {
  const page = await suite.newPage();
  const checkins = Array.from({ length: 520 }, (_, k) => {
    const v = 1 + ((k * 7) % 5);
    const mhc = Array.from({ length: 14 }, (_, i) => Math.min(5, Math.max(0, v + ((i + k) % 3) - 1)));
    const extra = k % 4 === 0 ? { journey_step: 'learning', activities: { kind: 'went', activity_ids: ['social'] } } : {};
    return checkin(`p${k}`, daysAgo(3 + 7 * (519 - k)), { mhc, ucla: [1 + (k % 3), 2, 2], ...extra });
  });
  await seed(page, checkins);
  const ms = [];
  for (let run = 0; run < 3; run++) {
    await page.goto(suite.origin + '/');
    await page.locator('main h1').waitFor();
    // In-app navigation from the home page's link, timed until the table is complete.
    const elapsed = await page.evaluate(async () => {
      const start = performance.now();
      document.querySelector('a[href="/progress"]').click();
      await new Promise((resolve) => {
        const done = () => document.querySelectorAll('#scores tbody tr').length === 520;
        if (done()) return resolve();
        new MutationObserver((_, obs) => { if (done()) { obs.disconnect(); resolve(); } })
          .observe(document.body, { childList: true, subtree: true });
      });
      // Wait for the frame to be painted, too.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - start;
    });
    ms.push(elapsed);
  }
  assert.equal(await page.locator('svg.f-chart__svg .f-chart__point').count(), 520);
  console.log(`progress page with 520 check-ins rendered in ${ms.map((m) => m.toFixed(0)).join(', ')} ms (3 runs)`);
  // And from a cold page load (the app starting, reading and parsing storage, then rendering).
  const t0 = Date.now();
  await page.goto(suite.origin + '/progress');
  await page.waitForFunction(() => document.querySelectorAll('#scores tbody tr').length === 520);
  console.log(`progress page with 520 check-ins, cold load to table: ${Date.now() - t0} ms`);
  page.assertClean();
});
