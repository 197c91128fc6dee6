// Check-ins in the stored format (README "Stored data"), and the app's own arithmetic done
// again independently, so journeys can seed a history and check what the pages say.

const DAY = 24 * 60 * 60 * 1000;

/** Noon UTC `daysAgo` days before now, so the local date is stable in any nearby zone. */
export function daysAgo(days) {
  const d = new Date(Date.now() - days * DAY);
  d.setUTCHours(12, 0, 0, 0);
  return d;
}

/** A finished check-in as stored: MHC-SF answers (14), optional UCLA-3 (3), follow-up. */
export function checkin(id, finished, { mhc, ucla, ons4, ...followUp } = {}) {
  const responses = [];
  if (mhc) responses.push({ instrument_id: 'mhc-sf', instrument_version: '1', answers: mhc });
  if (ons4) responses.push({ instrument_id: 'ons4', instrument_version: '1', answers: ons4 });
  if (ucla) responses.push({ instrument_id: 'ucla3', instrument_version: '1', answers: ucla });
  return {
    id,
    started_at: new Date(finished.getTime() - 5 * 60 * 1000).toISOString(),
    finished_at: finished.toISOString(),
    responses,
    ...followUp,
  };
}

/** Years of weekly check-ins, oldest first, the newest 3 days ago: `n` (520, ten years) by
 * default, their MHC-SF answers and loneliness varying week to week, and every fourth with a
 * journey step and an activity. The progress page's benchmark and its tests seed these. */
export function weeklyCheckins(n = 520) {
  return Array.from({ length: n }, (_, k) => {
    const v = 1 + ((k * 7) % 5);
    const mhc = Array.from({ length: 14 }, (_, i) => Math.min(5, Math.max(0, v + ((i + k) % 3) - 1)));
    const extra = k % 4 === 0 ? { journey_step: 'learning', activities: { kind: 'went', activity_ids: ['social'] } } : {};
    return checkin(`p${k}`, daysAgo(3 + 7 * (n - 1 - k)), { mhc, ucla: [1 + (k % 3), 2, 2], ...extra });
  });
}

/** Opens the app once, stores `checkins` (and any other keys) in its envelope, and leaves. */
export async function seed(page, checkins, extra = {}) {
  await page.goto(page.origin + '/get-help');
  await page.evaluate(({ checkins, extra }) => {
    localStorage.clear();
    localStorage.setItem('flourish.checkins', JSON.stringify({ schema: 1, data: checkins }));
    for (const [k, v] of Object.entries(extra)) localStorage.setItem(k, JSON.stringify({ schema: 1, data: v }));
  }, { checkins, extra });
}

/** The date as the app writes it: "21 November 2026", in the local time zone. */
export function longDate(d) {
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** The same calendar day `n` days later, in local time. */
export function addDays(d, n) {
  const r = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  r.setDate(r.getDate() + n);
  return r;
}

/** YYYY-MM-DD of a local date. */
export function isoDate(d) {
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** Keyes' category of 14 MHC-SF answers, in the app's kind words. */
export function category(a) {
  const hedonic = a.slice(0, 3);
  const functioning = a.slice(3);
  const count = (xs, test) => xs.filter(test).length;
  if (count(hedonic, (s) => s >= 4) >= 1 && count(functioning, (s) => s >= 4) >= 6) return 'Flourishing';
  if (count(hedonic, (s) => s <= 1) >= 1 && count(functioning, (s) => s <= 1) >= 6) return 'Finding things hard';
  return 'Getting by';
}

export const total = sum;

/** The 13 dimensions' scores: items 1 and 2 together, then one item each. */
export function dimensions(a) {
  return [a[0] + a[1], ...a.slice(2)];
}

/** The subscales: emotional, social, psychological. */
export function subscales(a) {
  return [sum(a.slice(0, 3)), sum(a.slice(3, 8)), sum(a.slice(8))];
}

/** A finished request for support as stored (README "Stored data"), with `answers` over the
 * required ones: e.g. `{ activities: ['social'], barriers: ['getting-there'],
 * postcode_district: 'WX1' }`. */
export function referral(id, submitted, answers = {}) {
  return {
    id,
    started_at: new Date(submitted.getTime() - 10 * 60 * 1000).toISOString(),
    submitted_at: submitted.toISOString(),
    safety: false,
    reasons: ['lonely'],
    activities: [],
    barriers: [],
    support: 'information',
    goals: ['Get out of the house once a week'],
    name: 'Sam',
    contact_method: 'no-contact',
    phone: '',
    email: '',
    postcode_district: '',
    baseline: { choice: 'skipped' },
    ...answers,
  };
}
