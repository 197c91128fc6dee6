// Benchmarks of the release build, printed by ./scripts/test after the end-to-end tests:
// numbers to watch, never pass/fail (timings on a shared 2-core machine vary too much).
//
// 1. First-load bytes per file and in total (raw, gzip -9, brotli).
// 2. Lighthouse, mobile (its default simulated slow 4G and 4x CPU), the build served with
//    brotli/gzip on 127.0.0.1: performance, accessibility, best practices, FCP, LCP, speed
//    index, TBT, CLS.
// 3. Tap on Continue -> next question painted, CPU throttled 4x, over a whole check-in once
//    the app's parts are in: median and p95, from the click event to the end of the first
//    frame with the new heading in the page, per page the three slowest. Three check-ins,
//    each in a browser of its own (BENCH_TAP_RUNS), each check-in's figures and all taps'.
// 4. "Your progress" and "Your check-ins" with 520 stored check-ins, CPU throttled 4x, the
//    app's parts in: tap on its link -> painted. Opened first in a newly started browser
//    (five browsers, BENCH_OPEN_RUNS), whose engine compiles the page's code as it first
//    runs; then opened again after a reload, with that code compiled (two reloads each).
// 5. A weak connection (400 kbit/s, 400 ms round trips, CPU 4x), first visit: when the first
//    paint with "Get help now" happens, and when the app's first page heading is in.
//
// `node scripts/bench.mjs [dist]`; BENCH_LIGHTHOUSE_RUNS (default 3) sets the Lighthouse runs.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist } from '../e2e/server.mjs';
import { CHROMIUM_ARGS } from '../e2e/helpers.mjs';
import { seed, weeklyCheckins } from '../e2e/seed.mjs';
import { printSizes } from './sizes.mjs';

const dist = resolve(process.argv[2] ?? 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const TAP_RUNS = Number(process.env.BENCH_TAP_RUNS ?? 3);
const OPEN_RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 5);
const require = createRequire(import.meta.url);
const started = Date.now();

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
}
const ms = (n) => `${Math.round(n)} ms`;

console.log(`Benchmarks of ${dist}`);
printSizes(dist);

const server = await serveDist(dist);
try {
  if (LIGHTHOUSE_RUNS > 0) await lighthouse(server.origin);
  await tapToPaint(server.origin);
  await progressRender(server.origin);
  const browser = await launch();
  try {
    await weakConnection(browser, server.origin);
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
}
console.log(`benchmarks took ${Math.round((Date.now() - started) / 1000)} s`);

/** A newly started browser: nothing of the app compiled or cached in it. */
function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

async function lighthouse(origin) {
  const bin = require.resolve('lighthouse/cli/index.js');
  const flags = ['--headless=new', '--no-sandbox', ...CHROMIUM_ARGS.filter((f) => !f.startsWith('--headless') && f !== '--no-sandbox')];
  const runs = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    const { stdout } = await promisify(execFile)(process.execPath, [bin, `${origin}/`, '--output=json', '--output-path=stdout',
      '--quiet', '--only-categories=performance,accessibility,best-practices', `--chrome-flags=${flags.join(' ')}`],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024 });
    const r = JSON.parse(stdout);
    const score = (c) => Math.round(r.categories[c].score * 100);
    const audit = (a) => r.audits[a].numericValue;
    runs.push({
      performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'),
      fcp: audit('first-contentful-paint'), lcp: audit('largest-contentful-paint'), si: audit('speed-index'),
      tbt: audit('total-blocking-time'), cls: audit('cumulative-layout-shift'),
      // Scored audits that did not pass (informative ones weigh nothing).
      failing: Object.values(r.categories).flatMap((c) => c.auditRefs).filter((ref) => ref.weight > 0)
        .map((ref) => r.audits[ref.id]).filter((a) => a.score !== null && a.score < 0.9)
        .map((a) => `${a.id} (${Math.round(a.score * 100)})`),
    });
  }
  const col = (k) => runs.map((r) => r[k]);
  console.log(`Lighthouse 12 mobile, ${runs.length} runs (median; each run)`);
  console.log(`  performance     ${median(col('performance'))}  (${col('performance').join(', ')})`);
  console.log(`  accessibility   ${median(col('accessibility'))}  (${col('accessibility').join(', ')})`);
  console.log(`  best practices  ${median(col('bestPractices'))}  (${col('bestPractices').join(', ')})`);
  console.log(`  FCP             ${ms(median(col('fcp')))}  (${col('fcp').map(ms).join(', ')})`);
  console.log(`  LCP             ${ms(median(col('lcp')))}  (${col('lcp').map(ms).join(', ')})`);
  console.log(`  speed index     ${ms(median(col('si')))}  (${col('si').map(ms).join(', ')})`);
  console.log(`  TBT             ${ms(median(col('tbt')))}  CLS ${median(col('cls')).toFixed(3)}`);
  const failing = [...new Set(runs.flatMap((r) => r.failing))];
  if (failing.length) console.log(`  scored audits below 90: ${failing.join(', ')}`);
}

/** A page throttled 4x that records, for each tap on a button, the time to the new heading's frame. */
async function throttledPage(browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.taps = [];
    window.tapWaiters = [];
    addEventListener('click', (event) => {
      const target = event.target.closest('button, a');
      if (!target) return;
      const before = document.querySelector('main h1')?.textContent;
      const changed = () => {
        const h1 = document.querySelector('main h1');
        return h1 && h1.textContent !== before;
      };
      const painted = () => new Promise((resolve) => requestAnimationFrame(() => {
        // The task after the frame's rendering steps: the frame has been painted.
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(null);
      }));
      const measured = () => {
        window.taps.push({ label: target.textContent.trim(), ms: performance.now() - event.timeStamp });
        window.tapWaiters.splice(0).forEach((resolve) => resolve());
      };
      // Asked for before the app's own handlers run, so that the task marking the paint is
      // queued ahead of any the app queues from that frame: work the app leaves until after
      // the paint (the rest of a long page) is not counted as the wait for the page.
      let beforeFrame = true;
      requestAnimationFrame(() => {
        beforeFrame = false;
        if (!changed()) return;
        observer.disconnect();
        const channel = new MessageChannel();
        channel.port1.onmessage = measured;
        channel.port2.postMessage(null);
      });
      // A page that arrives later (its code still downloading): the frame after it is in.
      const observer = new MutationObserver(() => {
        if (beforeFrame || !changed()) return;
        observer.disconnect();
        painted().then(measured);
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    }, true);
  });
  return {
    page,
    async throttle() {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    },
    /** Clicks `locator` and waits for its measurement. */
    async tap(locator) {
      const n = await page.evaluate(() => window.taps.length);
      // Told when the measurement is in, rather than polling the page every frame
      // (waitForFunction), which would compete with the page for the very frames measured.
      const measured = page.evaluate((k) => window.taps.length > k
        || new Promise((resolve) => window.tapWaiters.push(resolve)), n);
      await locator.click();
      await measured;
      return page.evaluate(() => window.taps.at(-1).ms);
    },
  };
}

async function tapToPaint(origin) {
  const all = [];
  for (let run = 1; run <= TAP_RUNS; run++) {
    const taps = await oneCheckIn(origin);
    all.push(...taps);
    const times = taps.map((t) => t.time);
    console.log(`Tap on Continue -> next page painted, CPU 4x slower, check-in ${run} (${times.length} taps, a new browser):`
      + ` median ${ms(median(times))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(Math.max(...times))}`
      + ` (slowest: ${slowest(taps)})`);
  }
  const times = all.map((t) => t.time);
  console.log(`Tap on Continue -> next page painted, CPU 4x slower, all ${times.length} taps of ${TAP_RUNS} check-ins:`
    + ` median ${ms(median(times))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(Math.max(...times))}`
    + ` (slowest: ${slowest(all)})`);
}

function slowest(taps) {
  return [...taps].sort((a, b) => b.time - a.time).slice(0, 3).map((s) => `${s.page} ${ms(s.time)}`).join(', ');
}

/** Every tap of one whole check-in, in a newly started browser: [{ page, time }]. */
async function oneCheckIn(origin) {
  const browser = await launch();
  try {
    const t = await throttledPage(browser);
    await t.page.goto(`${origin}/`);
    await t.page.locator('main h1').waitFor();
    // The parts the app fetches once its first page is painted are in: this measures a
    // person going through a check-in with the app open, not the app's start.
    await t.page.waitForLoadState('networkidle');
    await t.throttle();
    await t.tap(t.page.getByRole('link', { name: 'Start a check-in' }));
    const taps = [];
    // Every question, each answered with its first option, then the optional questions.
    while (!new URL(t.page.url()).pathname.endsWith('/check-in/check')) {
      const radio = t.page.locator('main input[type=radio]').first();
      if (await radio.count()) await radio.check();
      const time = await t.tap(t.page.getByRole('button', { name: 'Continue' }));
      taps.push({ time, page: new URL(t.page.url()).pathname.replace('/check-in/', '') });
      if (taps.length > 60) throw new Error('the check-in did not end');
    }
    return taps;
  } finally {
    await browser.close();
  }
}

async function progressRender(origin) {
  for (const [name, href, table] of [['"Your progress"', '/progress', '#scores'], ['"Your check-ins"', '/check-ins', '#check-ins']]) {
    const first = [];
    const again = [];
    let rows = 0;
    for (let run = 0; run < OPEN_RUNS; run++) {
      const browser = await launch();
      try {
        const t = await throttledPage(browser);
        t.page.origin = origin;
        // Ten years of weekly check-ins, as e2e/progress-perf.test.mjs seeds them (through one
        // load of the app, on "Get help now": the progress page's code has not run yet).
        await seed(t.page, weeklyCheckins(520));
        await t.throttle();
        for (let load = 0; load < 3; load++) {
          await t.page.goto(`${origin}/`);
          await t.page.locator('main h1').waitFor();
          // As for the taps: the app's parts, fetched once its first page is painted, are in.
          await t.page.waitForLoadState('networkidle');
          (load === 0 ? first : again).push(await t.tap(t.page.locator(`main a[href="${href}"]`).first()));
        }
        rows = await t.page.locator(`${table} tbody tr`).count();
      } finally {
        await browser.close();
      }
    }
    console.log(`${name} with 520 check-ins, CPU 4x slower, tap -> painted (${rows} table rows shown):`
      + ` first open in a new browser median ${ms(median(first))} (${first.map(ms).join(', ')});`
      + ` opened again after a reload median ${ms(median(again))} (${again.map(ms).join(', ')})`);
  }
}

async function weakConnection(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('main h1')) {
          window.appReady = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${origin}/`, { waitUntil: 'commit', timeout: 120000 });
    await page.waitForFunction(() => window.appReady && performance.getEntriesByName('first-contentful-paint').length,
      null, { timeout: 120000, polling: 100 });
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      ready: window.appReady,
      help: [...document.querySelectorAll('a')].some((a) => a.textContent.trim() === 'Get help now'),
    }));
    console.log(`Weak connection (400 kbit/s, 400 ms RTT, CPU 4x), first visit: first paint ${ms(t.fcp)}`
      + ` (Get help now ${t.help ? 'on it' : 'missing'}), app's first heading ${ms(t.ready)}`);
  } finally {
    await context.close();
  }
}
