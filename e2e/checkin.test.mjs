// A person does a flourishing check-in from the home screen to the result, as they would:
// by mouse (or finger), and by keyboard alone; comes back after a reload; finds help.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, assertAccessible, heading, focused, tabToAndEnter, openHome, titleMatching, readStores } from './helpers.mjs';
import { at, answerQuestions, byInstrument, skipFollowUps, save, QUESTIONS } from './journeys.mjs';

const OPTIONS = ['Never', 'Once or twice', 'About once a week', 'About 2 or 3 times a week', 'Almost every day', 'Every day'];

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

test('a person checks in by mouse, changes an answer, and sees their result and history', async () => {
  const page = await suite.newPage();
  assert.equal(await openHome(page), 'How are you doing?');
  await titleMatching(page, /^How are you doing\? – Flourish$/);
  await assertAccessible(page, 'home (empty)');
  await page.getByText('You have not done a check-in yet.').waitFor();

  await page.getByRole('link', { name: 'Start a check-in' }).click();
  await at(page, '/check-in/questions/1', 'During the past month, how often did you feel happy?');
  await page.getByText('Question 1 of 17').waitFor();
  await assertAccessible(page, 'question 1');

  // Continue with nothing chosen: an error summary that takes focus, and an inline error.
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.locator('.f-error-summary');
  await summary.waitFor();
  await titleMatching(page, /^Error: /);
  assert.equal((await focused(page)).text.startsWith('There is a problem'), true);
  assert.equal(await page.locator('#answer-error').textContent(), 'Error: Choose how often you felt this');
  await assertAccessible(page, 'question 1 with an error');
  // The summary's link takes the person to the first answer.
  await summary.getByRole('link', { name: 'Choose how often you felt this' }).click();
  assert.equal((await focused(page)).id, 'answer');

  // The default check-in: the MHC-SF's 14 questions, then UCLA-3's 3 on loneliness; the
  // three brief optional questions can each be left out with Continue.
  await answerQuestions(page, { label: byInstrument('Almost every day', 'Hardly ever or never') });
  await skipFollowUps(page);
  await assertAccessible(page, 'check your answers');
  const rows = page.locator('.f-summary-list__row');
  assert.equal(await rows.count(), 14 + 3 + 3);
  // Change question 3, and come straight back here.
  await page.getByRole('link', { name: 'Change how often you felt satisfied with life' }).click();
  await at(page, '/check-in/questions/3?from=check', 'During the past month, how often did you feel satisfied with life?');
  assert.equal(await page.getByLabel('Almost every day', { exact: true }).isChecked(), true, 'the earlier answer shows');
  await page.getByLabel('Every day', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await at(page, '/check-in/check');
  assert.equal((await rows.nth(2).locator('dd').first().textContent()).trim(), 'Every day');

  await save(page);
  // 13 answers of 4 and one of 5: 57 of 70; emotional 4+4+5, social 5x4, psychological 6x4.
  await page.getByText('Your total score is 57. Scores go from 0 to 70.').waitFor();
  await page.getByRole('heading', { name: 'Flourishing' }).waitFor();
  await page.getByText('This is not a diagnosis.', { exact: false }).waitFor();
  const parts = await page.locator('.f-summary-list__row').evaluateAll((rows) =>
    rows.map((r) => [...r.children].map((c) => c.textContent.trim()).join(' ')));
  assert.deepEqual(parts, [
    'Feeling good 13 out of 15',
    'Feeling part of society 20 out of 25',
    'Doing well in your own life 24 out of 30',
  ]);
  await assertAccessible(page, 'result');

  // After a reload the check-in is still there, on the home screen and in the history.
  await page.goto(suite.origin + '/');
  await page.reload();
  await page.getByText('Flourishing (score 57, from 0 to 70)').waitFor();
  await assertAccessible(page, 'home (with a result)');
  await page.getByRole('link', { name: 'See all your check-ins' }).click();
  await at(page, '/check-ins', 'Your check-ins');
  const history = page.locator('tbody tr');
  assert.equal(await history.count(), 1);
  assert.match(await history.first().textContent(), /Flourishing \(score 57, from 0 to 70\)/);
  await assertAccessible(page, 'history');
  await history.first().getByRole('link').click();
  await page.waitForURL(/\/check-ins\/[0-9a-f-]+$/);
  assert.equal(await page.locator('tbody tr').count(), 17, 'every answer is shown');
  page.assertClean();
});

test('a person checks in by keyboard alone, with focus on each new page heading', async () => {
  const page = await suite.newPage();
  await openHome(page);
  // Tab from the top: skip link, service name, the language control, Get help now, then the
  // start button.
  await tabToAndEnter(page, 'Start a check-in', 10, 'the start button is reachable by Tab');

  for (let n = 1; n <= QUESTIONS; n++) {
    await at(page, `/check-in/questions/${n}`);
    // Focus starts on the question, so a screen reader reads it first.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await page.keyboard.press('Tab'); // the first answer
    assert.equal((await focused(page)).id, 'answer');
    await page.keyboard.press('Space'); // Never
    await page.keyboard.press('ArrowDown'); // Once or twice
    await page.keyboard.press('Tab'); // Continue
    assert.equal((await focused(page)).text, 'Continue');
    await page.keyboard.press('Enter');
  }
  // The optional questions: Tab to Continue and press Enter.
  for (const path of ['/check-in/activities', '/check-in/goals', '/check-in/step']) {
    await at(page, path);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await tabToAndEnter(page, 'Continue', 20, `Continue is reachable by Tab on ${path}`);
  }

  await at(page, '/check-in/check');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await page.locator('#save').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/check-ins\/[0-9a-f-]+$/);
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await page.getByText('Your total score is 14. Scores go from 0 to 70.').waitFor();
  await page.getByRole('heading', { name: 'Finding things hard' }).waitFor();
  assert.deepEqual(
    (await page.locator('.f-summary-list__row dd').allTextContents()),
    ['3 out of 15', '5 out of 25', '6 out of 30'],
  );
  page.assertClean();
});

test('a reload in the middle resumes the check-in with every answer kept', async () => {
  const page = await suite.newPage();
  await page.goto(suite.origin + '/check-in/questions/1');
  await answerQuestions(page, { to: 5, label: (n) => OPTIONS[n % 6] });
  await at(page, '/check-in/questions/6');
  await page.reload();
  await at(page, '/check-in/questions/6', 'During the past month, how often did you feel that our society is a good place, or is becoming a better place, for all people?');
  // Back shows the answer given before the reload.
  await page.getByRole('link', { name: 'Back' }).click();
  await at(page, '/check-in/questions/5');
  assert.equal(await page.getByLabel(OPTIONS[5], { exact: true }).isChecked(), true);
  // The browser's own Back button works too.
  await page.goBack();
  await at(page, '/check-in/questions/6');

  // Closing the tab and coming back later: the home screen offers to carry on.
  const later = await suite.newTab(page);
  await later.goto(suite.origin + '/');
  await later.getByText('5 of 17 questions answered').waitFor();
  await later.getByRole('link', { name: 'Carry on with your check-in' }).click();
  await later.waitForURL((url) => url.pathname === '/check-in/questions/6');
  page.assertClean();
});

test("the browser's list of pages behind Back names each page by its own title", async () => {
  const page = await suite.newPage();
  await openHome(page);
  await page.getByRole('link', { name: 'Start a check-in' }).click();
  await at(page, '/check-in/questions/1');
  await page.getByLabel(OPTIONS[0], { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await at(page, '/check-in/questions/2');
  await titleMatching(page, /^During the past month, how often did you feel interested in life\? – Flourish$/);

  // What holding Back lists: each address with the title the browser keeps for it.
  const cdp = await page.context().newCDPSession(page);
  const { entries } = await cdp.send('Page.getNavigationHistory');
  const titles = Object.fromEntries(entries.map((e) => [new URL(e.url).pathname, e.title]));
  assert.deepEqual(
    [titles['/'], titles['/check-in/questions/1'], titles['/check-in/questions/2']],
    ['How are you doing? – Flourish',
      'During the past month, how often did you feel happy? – Flourish',
      'During the past month, how often did you feel interested in life? – Flourish'],
  );
  await cdp.detach();
  page.assertClean();
});

test('while a person reads the first questions, the pages after them are got ready unseen', async () => {
  const page = await suite.newPage();
  // What the person has in front of them (the page, its title, where focus is) and what is
  // kept, just before and just after each idle moment in which a page was got ready.
  await page.addInitScript(() => {
    window.gotReady = [];
    const seen = () => ({
      title: document.title,
      focus: document.activeElement?.outerHTML.slice(0, 120),
      page: document.body.innerHTML,
      draft: localStorage.getItem('flourish.draft'),
    });
    const marks = () => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('flourish:ready:')).length;
    const whenIdle = window.requestIdleCallback.bind(window);
    window.requestIdleCallback = (callback, options) => whenIdle((deadline) => {
      const [before, made] = [seen(), marks()];
      callback(deadline);
      setTimeout(() => {
        if (marks() > made) window.gotReady.push({ before, after: seen() });
      });
    }, options);
  });
  await openHome(page);
  await page.getByRole('link', { name: 'Start a check-in' }).click();
  // One part on each question, once it is painted and the browser is idle; the person acts
  // only after it, so that all that changes in that moment is the app's doing.
  for (let n = 1; n <= 5; n++) {
    await at(page, `/check-in/questions/${n}`);
    await page.waitForFunction((k) => window.gotReady.length >= k, n, { timeout: 10_000 });
    await page.getByLabel(OPTIONS[n], { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  const gotReady = await page.evaluate(() => window.gotReady);
  assert.equal(gotReady.length, 5);
  gotReady.forEach(({ before, after }, i) => assert.deepEqual(after, before, `nothing changed as part ${i + 1} was got ready`));
  assert.deepEqual(
    await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((m) => m.startsWith('flourish:ready:'))),
    ['next-question', 'activities', 'goals', 'step', 'check'].map((p) => `flourish:ready:${p}`),
  );
  // Only the answers given are kept: nothing from the pages built ahead.
  const draft = JSON.parse((await readStores(page)).localStorage['flourish.draft']).data;
  assert.deepEqual(draft.responses[0].answers.slice(0, 6), [1, 2, 3, 4, 5, null]);
  assert.deepEqual(draft.follow_up ?? {}, {}, 'no answer to the pages after the questions');

  // The pages got ready work as ever.
  await answerQuestions(page, { from: 6, label: byInstrument('Never', 'Often') });
  await at(page, '/check-in/activities', 'Which activities have you been to since your last check-in?');
  await page.getByLabel('Something else', { exact: true }).check();
  await page.getByLabel('What else did you go to?').fill('Choir');
  await page.getByRole('button', { name: 'Continue' }).click();
  await at(page, '/check-in/goals');
  await page.getByRole('button', { name: 'Continue' }).click();
  await at(page, '/check-in/step');
  await page.getByRole('button', { name: 'Continue' }).click();
  await at(page, '/check-in/check', 'Check your answers');
  await page.getByText('Choir', { exact: true }).waitFor();
  assert.equal(await page.locator('.f-summary-list__row').count(), 14 + 3 + 3);
  page.assertClean();
});

test('Get help now is on every screen and offers call and text links', async () => {
  const page = await suite.newPage();
  for (const path of ['/', '/check-in/questions/4', '/check-ins', '/no-such-page']) {
    await page.goto(suite.origin + path);
    await heading(page);
    await page.getByRole('link', { name: 'Get help now' }).waitFor();
  }
  assert.equal(await heading(page), 'Page not found');
  await assertAccessible(page, 'not found');
  await page.getByRole('link', { name: 'Get help now' }).click();
  await at(page, '/get-help', 'Get help now');
  const links = await page.locator('main a[href^="tel:"], main a[href^="sms:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['tel:999', 'tel:111', 'tel:116123', 'sms:85258?&body=SHOUT']);
  await page.locator('main').getByText('No one watches this app all the time. It cannot send help.').waitFor();
  await assertAccessible(page, 'get help');
  page.assertClean();
});

test('the check-in works on a large kiosk screen too', async () => {
  const page = await suite.newPage({ width: 1920, height: 1080 });
  await page.goto(suite.origin + '/check-in/questions/1');
  await heading(page);
  await assertAccessible(page, 'question 1 at 1920 px');
  page.assertClean();
});

after(() => {
  console.log(`axe-core: ${assertAccessible.screens ?? 0} screen states checked, 0 violations`);
});
