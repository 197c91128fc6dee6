// Nothing lost: damaged data is kept aside and can be downloaded; everything can be exported,
// deleted and brought back; two tabs open at once lose nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSuite, assertAccessible, heading } from './helpers.mjs';
import { checkInByAddress } from './journeys.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => {
  await suite?.close();
  console.log(`axe-core: ${assertAccessible.screens ?? 0} screen states checked, 0 violations`);
});

/** A finished MHC-SF check-in in the stored format of README "Stored data". */
function checkin(id, day, answer) {
  const at = `2026-11-${String(day).padStart(2, '0')}T10:00:00Z`;
  return {
    id, started_at: at, finished_at: at,
    responses: [{ instrument_id: 'mhc-sf', instrument_version: '1', answers: Array(14).fill(answer) }],
  };
}

const REFERRAL = {
  id: '5b7d1c8e-2f3a-4e6b-9c0d-1a2b3c4d5e6f', started_at: '2026-11-20T10:00:00Z', submitted_at: '2026-11-20T10:14:02Z',
  safety: false, reasons: ['lonely'], activities: ['social'], barriers: ['confidence'], support: 'come-with-me',
  goals: ['Go to one group'], name: 'Sam', contact_method: 'no-contact', baseline: { choice: 'skipped' },
};

async function seed(page, values) {
  await page.goto(suite.origin + '/get-help');
  await heading(page);
  await page.evaluate((entries) => {
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, typeof v === 'string' ? v : JSON.stringify(v));
  }, values);
}

test('damaged data is kept aside, the person is told, can download it, and carries on', async () => {
  const page = await suite.newPage();
  await seed(page, {
    // One good check-in and one damaged record in the same list; a truncated referral draft.
    'flourish.checkins': { schema: 1, data: [checkin('good', 10, 3), { id: 7, answers: 'lots' }] },
    'flourish.referral.draft': '{"schema":1,"data":{"id":"r9","name":"Sa',
  });
  await page.goto(suite.origin + '/');
  await page.getByRole('heading', { name: 'Some saved information could not be read' }).waitFor();
  await assertAccessible(page, 'home with the set-aside notice');
  // What could be read is still shown.
  await page.getByText('Getting by (score 42, from 0 to 70)').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the information we could not read' }).click(),
  ]);
  const kept = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(kept.format, 'flourish-set-aside');
  const texts = kept.items.map((i) => i.text).join('\n');
  assert.ok(texts.includes('\\"answers\\":\\"lots\\"'), 'the damaged check-in is kept exactly');
  assert.ok(texts.includes('\\"name\\":\\"Sa'), 'the truncated referral is kept exactly');
  // Carrying on works, and the damaged parts are not set aside twice.
  await page.getByRole('link', { name: 'Start a check-in' }).click();
  await page.getByLabel('Every day', { exact: true }).check();
  await page.reload();
  await heading(page);
  assert.equal(await page.getByLabel('Every day', { exact: true }).isChecked(), true);
  const asideKeys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('flourish.aside.')).length);
  assert.equal(asideKeys, 2);
  page.assertClean();
});

test('export everything, delete everything, import it: the same check-ins and referral come back', async () => {
  const page = await suite.newPage();
  await seed(page, {
    'flourish.checkins': { schema: 1, data: [checkin('a', 1, 2), checkin('b', 15, 4)] },
    'flourish.referrals': { schema: 1, data: [REFERRAL] },
  });
  await page.goto(suite.origin + '/');
  await page.getByRole('link', { name: 'Your data' }).click();
  await page.waitForURL('**/your-data');
  assert.equal(await heading(page), 'Your data');
  await page.locator('#persisted').filter({ hasText: /browser/ }).waitFor();
  await assertAccessible(page, 'your data');
  const rows = await page.locator('.f-summary-list__row').evaluateAll((rs) => rs.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
  assert.ok(rows.includes('Check-ins 2'), rows.join(' | '));
  assert.ok(rows.includes('Requests for support 1'), rows.join(' | '));

  const [exported] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download everything as one file' }).click(),
  ]);
  assert.match(exported.suggestedFilename(), /^flourish-export-\d{4}-\d{2}-\d{2}\.json$/);
  const dir = await mkdtemp(join(tmpdir(), 'flourish-'));
  const file = join(dir, exported.suggestedFilename());
  await exported.saveAs(file);
  const doc = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(doc.format, 'flourish-export');
  assert.deepEqual(doc.data.checkins.map((c) => c.id), ['a', 'b']);
  assert.equal(doc.data.referrals[0].name, 'Sam');

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Download your scores/ }).click(),
  ]);
  const lines = (await readFile(await csv.path(), 'utf8')).trim().split('\r\n');
  assert.equal(lines.length, 3, 'a header and one row per check-in');
  assert.ok(lines[0].startsWith('id,started_at,finished_at,instrument_id'));

  // Delete, after a confirmation that says exactly what will go.
  await page.getByRole('link', { name: 'Delete everything' }).click();
  await page.waitForURL('**/your-data/delete');
  assert.equal(await heading(page), 'Are you sure you want to delete everything?');
  const going = await page.locator('main .f-list li').allTextContents();
  assert.deepEqual(going, ['2 check-ins', '1 request for support', '0 things you have started and not finished', '0 pieces of information that could not be read']);
  await assertAccessible(page, 'delete confirmation');
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.waitForURL('**/your-data/deleted');
  await assertAccessible(page, 'deleted');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('flourish.')).length), 0);

  // A foreign file is refused with a clear message, and nothing changes.
  await page.goto(suite.origin + '/your-data');
  await heading(page);
  const foreign = join(dir, 'package.json');
  await writeFile(foreign, JSON.stringify({ name: 'something-else', version: '1.0.0' }));
  await page.locator('#import-file').setInputFiles(foreign);
  await page.locator('.f-error-summary', { hasText: 'The file could not be brought in: this is not a file saved from this app' }).waitFor();
  await assertAccessible(page, 'import error');

  // The real file brings everything back; a second import adds nothing.
  await page.locator('#import-file').setInputFiles(file);
  await page.getByText('Done. 2 check-ins added. 0 check-ins were already here. 1 request for support added.').waitFor();
  await assertAccessible(page, 'imported');
  await page.locator('#import-file').setInputFiles(file);
  await page.getByText('Done. 0 check-ins added. 2 check-ins were already here. 0 requests for support added.').waitFor();
  await page.reload();
  await page.goto(suite.origin + '/check-ins');
  await heading(page);
  assert.equal(await page.locator('tbody tr').count(), 2);
  await page.goto(suite.origin + '/');
  await page.getByRole('link', { name: /^Your request for support of / }).click();
  await page.getByText('Sam', { exact: true }).waitFor();
  page.assertClean();
});

test('two tabs answering at once lose nothing', async () => {
  const first = await suite.newPage();
  const second = await suite.newTab(first);
  await first.goto(suite.origin + '/check-in/questions/1');
  await heading(first);
  await second.goto(suite.origin + '/check-in/questions/2');
  await heading(second);
  // The first tab answers question 1; the second, already open, answers question 2.
  await first.getByLabel('Never', { exact: true }).check();
  await second.getByText('This page was updated with changes made in another tab or window.').waitFor();
  await second.getByLabel('Every day', { exact: true }).check();
  await first.getByText('This page was updated with changes made in another tab or window.').waitFor();
  // Both answers are saved, whichever tab wrote last.
  const answers = await first.evaluate(() => JSON.parse(localStorage.getItem('flourish.draft')).data.responses[0].answers.slice(0, 2));
  assert.deepEqual(answers, [0, 5]);
  await first.goto(suite.origin + '/');
  await first.getByText('2 of 17 questions answered').waitFor();

  // Two check-ins finished at once in two tabs are both kept.
  await first.evaluate(() => localStorage.clear());
  await second.goto(suite.origin + '/');
  await heading(second);
  await checkInByAddress(first, { mhc: 'Once or twice', ucla: 'Some of the time' });
  await checkInByAddress(second, { mhc: 'Almost every day', ucla: 'Some of the time' });
  await first.goto(suite.origin + '/check-ins');
  await heading(first);
  assert.equal(await first.locator('tbody tr').count(), 2);
  first.assertClean();
  second.assertClean();
});
