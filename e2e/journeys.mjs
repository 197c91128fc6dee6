// Page objects the journeys share: what a person does, one step at a time. Each waits for
// the page it expects before acting, so a journey never acts on the page it is leaving.
import assert from 'node:assert/strict';
import { heading } from './helpers.mjs';

/** Questions in the default check-in: the MHC-SF's 14, then UCLA-3's 3 on loneliness. */
export const QUESTIONS = 17;

/** Waits, retrying, until the page's heading reads `text`: the new page has arrived (the
 * address changes before the page does, so the old heading may still show for a moment).
 * Fails saying which heading showed instead. */
export async function arrive(page, text) {
  try {
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, text, { timeout: 10_000 });
  } catch {
    assert.equal(await heading(page), text, `the page with the heading "${text}" never arrived`);
  }
  await settled(page);
  return text;
}

/** Waits for the task after the next frame: what the app leaves until a new page is painted
 * (the rest of a long page, the address in the history) is done by then. */
export function settled(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** Waits until the address shows `path` (with its query) and, when `expected` is given, the
 * page's heading reads it; returns the heading. */
export async function at(page, path, expected) {
  await page.waitForURL((url) => url.pathname + url.search === path);
  return expected === undefined ? heading(page) : arrive(page, expected);
}

/** Presses Continue. */
export const next = (page) => page.getByRole('button', { name: 'Continue' }).click();

/** Chooses (or ticks) the answer labelled exactly `label`. */
export const choose = (page, label) => page.getByLabel(label, { exact: true }).check();

/** Answers check-in questions `from` to `to` of `of`, choosing `label(n)` for question n and
 * pressing Continue, checking on each that it is the question expected. */
export async function answerQuestions(page, { from = 1, to = QUESTIONS, of = QUESTIONS, label }) {
  for (let n = from; n <= to; n++) {
    await at(page, `/check-in/questions/${n}`);
    await page.getByText(`Question ${n} of ${of}`).waitFor();
    await choose(page, label(n));
    await next(page);
  }
}

/** The label for question n of the default check-in: `mhc` for the MHC-SF, `ucla` after. */
export const byInstrument = (mhc, ucla) => (n) => (n <= 14 ? mhc : ucla);

/** Leaves the three optional questions out with Continue; ends on check your answers. */
export async function skipFollowUps(page) {
  for (const path of ['/check-in/activities', '/check-in/goals', '/check-in/step']) {
    await at(page, path);
    await next(page);
  }
  return at(page, '/check-in/check', 'Check your answers');
}

/** Saves the check-in from check your answers and waits for its result. */
export async function save(page) {
  await page.getByRole('button', { name: 'Save my check-in' }).click();
  await page.waitForURL(/\/check-ins\/[0-9a-f-]+$/);
  return arrive(page, 'Your check-in');
}

/** A whole default check-in from its first question to its result: `mhc` to each MHC-SF
 * question, `ucla` to each loneliness question, the optional questions left out. */
export async function checkIn(page, { mhc, ucla }) {
  await answerQuestions(page, { label: byInstrument(mhc, ucla) });
  await skipFollowUps(page);
  return save(page);
}

/** The same, by opening each question's address in turn instead of pressing Continue, as a
 * second tab or a bookmark would. */
export async function checkInByAddress(page, { mhc, ucla }) {
  const label = byInstrument(mhc, ucla);
  for (let n = 1; n <= QUESTIONS; n++) {
    await page.goto(`${page.origin}/check-in/questions/${n}`);
    await choose(page, label(n));
  }
  await page.goto(`${page.origin}/check-in/check`);
  return save(page);
}

/** Asks for support from the referral's page `from` (a slug; the start page unless told, or
 * 'home' to follow the home screen's "Ask for support" link), answering as `a` says, and stops
 * on the page `stopAt` (e.g. 'contact-details') or on check your answers. The optional pages
 * are left out; `baseline` answers the offer of a first check-in. */
export async function askForSupport(page, a, { from = 'start', stopAt = 'check' } = {}) {
  const next = () => page.getByRole('button', { name: 'Continue' }).click();
  const tick = (label) => page.getByLabel(label, { exact: true }).check();
  const type = (label, text) => page.getByLabel(label, { exact: true }).fill(text);
  const steps = [
    ['home', () => page.getByRole('link', { name: 'Ask for support' }).click()],
    ['start', () => page.getByRole('button', { name: 'Start now' }).click()],
    ['safety', async () => { await tick(a.safety ?? 'No'); await next(); }],
    ['urgent-help', () => page.getByRole('button', { name: 'Carry on asking for support' }).click()],
    ['whats-going-on', async () => { for (const r of a.reasons) await tick(r); await next(); }],
    ['what-you-might-like', async () => { for (const x of a.activities) await tick(x); await next(); }],
    ['what-might-make-it-hard', async () => { for (const b of a.barriers) await tick(b); await next(); }],
    ['support', async () => { await tick(a.support); await next(); }],
    ['what-matters', async () => { await type('Goal 1', a.goal); await next(); }],
    ['who-suggested', next],
    ['name', async () => { await type('What would you like us to call you?', a.name); await next(); }],
    ['contact', async () => { await tick(a.contact); await next(); }],
    ['contact-details', async () => { await type('Phone number', a.phone); await next(); }],
    ['about-you', next],
    ['language-and-access', next],
    ['first-check-in', async () => { await tick(a.baseline ?? 'Not now'); await next(); }],
  ];
  for (const [slug, act] of steps.slice(steps.findIndex(([s]) => s === from))) {
    if (slug === 'urgent-help' && a.safety !== 'Yes') continue;
    if (slug === 'contact-details' && !a.phone) continue;
    const path = slug === 'home' ? '/' : `/referral/${slug}`;
    await page.waitForURL((url) => url.pathname === path);
    await heading(page);
    if (slug === stopAt) return;
    await act();
  }
  await page.waitForURL((url) => url.pathname === '/referral/check');
  return arrive(page, 'Check your answers');
}

/** The rows of a GOV.UK summary list on the page, as { key: value text }. */
export function summaryRows(page) {
  return page.locator('.f-summary-list__row').evaluateAll((rows) => Object.fromEntries(
    rows.map((r) => [r.querySelector('dt').textContent.trim(), r.querySelector('dd').innerText.trim()])));
}
