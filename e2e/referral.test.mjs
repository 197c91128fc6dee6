// People ask for support through the self-referral journey, as they would: each journey ends
// with the referral still readable after a reload. axe runs on every page and state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { suiteForFile, assertAccessible, heading, focused, openHome, titleMatching } from './helpers.mjs';
import { answerQuestions, arrive, byInstrument, checkIn, save as saveCheckIn } from './journeys.mjs';

let suite;
suiteForFile((s) => { suite = s; });

/** A page object for the journey: each method is something a person does. */
function journey(page) {
  const self = {
    /** Arrives at the referral page `slug` (with the heading `expected`, when given). */
    async at(slug, expected) {
      await page.waitForURL((url) => url.pathname === `/referral/${slug}`);
      const h = expected === undefined ? await heading(page) : await arrive(page, expected);
      await assertAccessible(page, `referral ${slug}`);
      return h;
    },
    next: () => page.getByRole('button', { name: 'Continue' }).click(),
    tick: (label) => page.getByLabel(label, { exact: true }).check(),
    choose: (label) => page.getByLabel(label, { exact: true }).check(),
    type: (label, text) => page.getByLabel(label, { exact: true }).fill(text),
    async errorSays(message) {
      await page.locator('.f-error-summary', { hasText: message }).waitFor();
      await titleMatching(page, /^Error: /);
      await assertAccessible(page, `error: ${message}`);
    },
    async answers() {
      return page.locator('.f-summary-list__row').evaluateAll((rows) => Object.fromEntries(
        rows.map((r) => [r.querySelector('dt').textContent.trim(), r.querySelector('dd').innerText.trim()])));
    },
    async start() {
      await openHome(page);
      await page.getByRole('link', { name: 'Ask for support' }).click();
      await self.at('start', 'Get support from Flourish');
      await page.getByText('This is not for emergencies').waitFor();
      await page.getByRole('button', { name: 'Start now' }).click();
    },
    /** Answers the safety question. */
    async safety(answer) {
      await self.at('safety');
      await self.choose(answer);
      await self.next();
    },
    /** The questions from "what is going on" to "how much support", with typical answers. */
    async middle({ reasons, activities, barriers, support }) {
      await self.at('whats-going-on');
      for (const r of reasons) await self.tick(r);
      await self.next();
      await self.at('what-you-might-like');
      for (const a of activities) await self.tick(a);
      await self.next();
      await self.at('what-might-make-it-hard');
      for (const b of barriers) await self.tick(b);
      await self.next();
      await self.at('support');
      await self.choose(support);
      await self.next();
    },
    /** "Who suggested" (left out unless `referredBy`), the name, and how to be contacted. */
    async aboutThem({ referredBy, name, contact }) {
      await self.at('who-suggested');
      if (referredBy) await self.choose(referredBy);
      await self.next();
      await self.at('name');
      await self.type('What would you like us to call you?', name);
      await self.next();
      await self.at('contact');
      await self.choose(contact);
      await self.next();
    },
    /** The optional "about you" and "language" pages left out, and the first check-in
     * answered `baseline`. */
    async lastPages({ baseline = 'Not now' } = {}) {
      await self.at('about-you');
      await self.next();
      await self.at('language-and-access');
      await self.next();
      await self.at('first-check-in');
      await self.choose(baseline);
      await self.next();
    },
    /** From "who suggested" to check your answers, for a contact method that asks for no
     * details, skipping every optional question and the first check-in. */
    async tail({ name, contact }) {
      await self.aboutThem({ name, contact });
      // No details are asked for this method: the next page is "about you".
      await self.lastPages();
      return self.at('check');
    },
    async save() {
      await page.getByRole('button', { name: 'Save my request for support' }).click();
      await page.waitForURL(/\/referral\/done\/[0-9a-f-]+$/);
      assert.equal(await heading(page), 'Your request for support is saved');
      await assertAccessible(page, 'confirmation');
      const reference = (await page.locator('.f-reference').textContent()).trim();
      assert.match(reference, /^FL-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      await page.getByText('This app does not send them to anyone', { exact: false }).waitFor();
      return reference;
    },
    /** Saves, then reads the referral back after a reload, as `readAfterReload`. */
    async saveAndReadBack() {
      return self.readAfterReload(await self.save());
    },
    /** Reloads, then opens the referral from the home screen and returns its answers. */
    async readAfterReload(reference) {
      await page.goto(suite.origin + '/');
      await page.reload();
      await page.getByRole('link', { name: /^Your request for support of / }).click();
      await page.waitForURL(/\/referrals\/[0-9a-f-]+$/);
      assert.equal(await heading(page), 'Your request for support');
      assert.equal((await page.locator('.f-reference').textContent()).trim(), reference);
      await assertAccessible(page, 'referral view');
      return self.answers();
    },
  };
  return self;
}

test('someone lonely and low, who wants someone to come with them, contacted by phone', async () => {
  const page = await suite.newPage();
  const j = journey(page);
  await j.start();
  await j.at('safety', 'Are you thinking about hurting yourself or ending your life?');
  await j.next();
  await j.errorSays('Choose yes or no');
  await j.choose('No');
  await j.next();
  await j.middle({
    reasons: ['Feeling lonely or on my own', 'Low mood or depression'],
    activities: ['Meeting people'],
    barriers: ['Not knowing anyone there', 'Feeling confident enough'],
    support: 'Someone to come with me the first time',
  });
  await j.at('what-matters');
  await j.type('Goal 1', 'Go to the social café once');
  await page.getByRole('button', { name: 'Add another goal' }).click();
  // Focus moves to the new box, so the person can type straight away.
  await page.waitForFunction(() => document.activeElement?.id === 'goal-2');
  await page.keyboard.type('Talk to one new person');
  await j.next();
  await j.aboutThem({ referredBy: 'My GP or someone at the practice', name: 'Sam', contact: 'Phone call' });
  await j.at('contact-details', 'How can we reach you?');
  await j.type('Phone number', '0770 12');
  await j.next();
  await j.errorSays('Enter a UK phone number');
  assert.equal(await page.getByLabel('Phone number', { exact: true }).inputValue(), '0770 12', 'what was typed is kept');
  await j.type('Phone number', '+44 7700 900123');
  await j.type('When is best to contact you? (optional)', 'Weekday mornings');
  await j.next();
  await j.lastPages();
  await j.at('check', 'Check your answers');
  const expected = {
    'Thoughts of hurting yourself': 'No',
    'What is going on': 'Feeling lonely or on my own\nLow mood or depression',
    'What you might like to do': 'Meeting people',
    // Ticked answers are kept in the order offered, whatever order they were ticked in.
    'What might make it hard': 'Feeling confident enough\nNot knowing anyone there',
    'Support you would like': 'Someone to come with me the first time',
    'What matters to you': 'Go to the social café once\nTalk to one new person',
    'Who suggested getting in touch': 'My GP or someone at the practice',
    Name: 'Sam',
    'How to contact you': 'Phone call',
    'Contact details': '+44 7700 900123\nWeekday mornings',
    'About you': 'Not provided',
    'Language and access': 'Not provided',
    'First well-being check-in': 'Not now',
  };
  assert.deepEqual(await j.answers(), expected);
  const reference = await j.save();

  // The copy to keep: download it, and check it is the documented format.
  await page.getByRole('link', { name: 'See all your answers, print or download them' }).click();
  await page.waitForURL(/\/referrals\//);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a copy to keep' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `flourish-referral-${reference}.json`);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.format, 'flourish-referral');
  assert.equal(file.version, 1);
  assert.equal(file.reference, reference);
  assert.equal(file.referral.name, 'Sam');
  assert.equal(file.referral.contact_method, 'phone');
  assert.deepEqual(file.referral.reasons, ['lonely', 'low-mood']);
  assert.equal(file.referral.support, 'come-with-me');
  assert.ok(file.referral.submitted_at);
  // The print view: the page as printed passes axe too, without buttons or header.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false);
  await assertAccessible(page, 'referral print view');
  await page.emulateMedia({ media: 'screen' });

  assert.deepEqual(await j.readAfterReload(reference), expected);
  page.assertClean();
});

test('someone who says yes to the safety question sees urgent help, then completes the referral', async () => {
  const page = await suite.newPage();
  const j = journey(page);
  await j.start();
  await j.at('safety');
  await j.choose('Yes');
  await j.next();
  await j.at('urgent-help', 'Please get help now');
  const links = await page.locator('main a[href^="tel:"], main a[href^="sms:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['tel:999', 'tel:111', 'tel:116123', 'sms:85258?&body=SHOUT']);
  await page.getByRole('button', { name: 'Carry on asking for support' }).click();
  await j.at('whats-going-on');
  await j.tick('Bereavement or loss');
  await j.tick('Something else');
  await j.next();
  // "Something else" needs the person's own words.
  await j.errorSays('Tell us what else is going on');
  await j.type('Tell us in your own words', 'My sister died last spring');
  await j.next();
  await j.at('what-you-might-like');
  await j.tick('Making things');
  await j.next();
  await j.at('what-might-make-it-hard');
  await j.tick('Feeling confident enough');
  // "None of these" clears the other ticks: it cannot stand with them.
  await j.tick('None of these');
  assert.equal(await page.getByLabel('Feeling confident enough', { exact: true }).isChecked(), false);
  await j.next();
  await j.at('support');
  await j.choose('Just information, so I can go myself');
  await j.next();
  await j.at('what-matters');
  await j.type('Goal 1', 'Sleep better');
  await j.next();
  await j.aboutThem({ name: 'Alex', contact: 'Email' });
  await j.at('contact-details');
  await j.type('Email address', 'alex@');
  await j.next();
  await j.errorSays('Enter an email address in the right format');
  await j.type('Email address', 'alex@example.org');
  await j.next();
  // The first check-in, linked to this referral as its baseline.
  await j.lastPages({ baseline: 'Yes, do it now' });
  await checkIn(page, { mhc: 'About once a week', ucla: 'Hardly ever or never' });
  await page.getByText('Your total score is 28. Scores go from 0 to 70.').waitFor();
  await page.getByRole('link', { name: 'Carry on asking for support' }).click();
  await j.at('check');
  const answers = await j.answers();
  assert.equal(answers['Thoughts of hurting yourself'], 'Yes');
  assert.equal(answers['What is going on'], 'Bereavement or loss\nMy sister died last spring');
  assert.equal(answers['What might make it hard'], 'None of these');
  assert.equal(answers['First well-being check-in'], 'You have done your first check-in.');
  assert.equal((await j.saveAndReadBack())['Contact details'], 'alex@example.org');
  page.assertClean();
});

test('someone who wants no contact and skips every optional question', async () => {
  const page = await suite.newPage();
  const j = journey(page);
  await j.start();
  await j.safety('No');
  await j.middle({
    reasons: ['Wanting something to do or to get out of the house'],
    activities: ["I'm not sure yet"],
    barriers: ['Getting there'],
    support: 'Help to choose what to do',
  });
  await j.at('what-matters');
  await j.next();
  await j.errorSays('Write at least one thing that matters to you');
  // The count warns before the limit, and too long is refused on Continue with the words kept.
  const long = 'a'.repeat(205);
  await j.type('Goal 1', long);
  await page.locator('.f-character-count', { hasText: 'You have 5 characters too many' }).waitFor();
  await j.next();
  await j.errorSays('This must be 200 characters or fewer');
  await j.type('Goal 1', 'Get out more');
  await page.locator('.f-character-count', { hasText: 'You have 188 characters remaining' }).waitFor();
  await j.next();
  await j.tail({ name: 'Jo', contact: 'I do not want to be contacted' });
  const answers = await j.answers();
  assert.equal(answers['Who suggested getting in touch'], 'Not provided');
  assert.equal(answers['How to contact you'], 'I do not want to be contacted');
  assert.equal(answers['Contact details'], undefined, 'no contact details row');
  assert.equal(answers['About you'], 'Not provided');
  assert.equal(answers['Language and access'], 'Not provided');
  assert.equal((await j.saveAndReadBack())['What you might like to do'], "I'm not sure yet");
  page.assertClean();
});

test('one journey by keyboard alone', async () => {
  const page = await suite.newPage();
  const key = (k) => page.keyboard.press(k);
  const tabTo = async (text) => {
    for (let i = 0; i < 40; i++) {
      const f = await focused(page);
      if (f.text === text || f.id === text) return;
      await key('Tab');
    }
    assert.fail(`could not reach ${text} by Tab`);
  };
  // A page change is done when the new page's heading has focus: only then are Tab and Enter
  // on the new page rather than the old one.
  const onHeading = () => page.waitForFunction(() => document.activeElement?.tagName === 'H1' || document.activeElement?.closest('h1'));
  const arrive = async (slug) => {
    await page.waitForURL(`**/referral/${slug}`);
    await onHeading();
  };
  const submit = async () => {
    await tabTo('Continue');
    await key('Enter');
  };
  await page.goto(suite.origin + '/referral/start');
  await heading(page);
  await tabTo('Start now');
  await key('Enter');
  await arrive('safety');
  await key('Tab'); // first radio: Yes
  await key('ArrowDown'); // No
  await submit();
  for (const [slug, id] of [['whats-going-on', 'whats-going-on'], ['what-you-might-like', 'what-you-might-like'], ['what-might-make-it-hard', 'what-might-make-it-hard']]) {
    await arrive(slug);
    await tabTo(id);
    await key('Space'); // tick the first answer
    await submit();
  }
  await arrive('support');
  await key('Tab');
  await key('Space');
  await submit();
  await arrive('what-matters');
  await tabTo('goal-1');
  await page.keyboard.type('Walk to the park');
  await submit();
  await arrive('who-suggested');
  await submit();
  await arrive('name');
  await tabTo('name');
  await page.keyboard.type('Kim');
  await key('Enter'); // Enter in a text box submits the form
  await arrive('contact');
  await key('Tab');
  await key('ArrowDown'); // Text message
  await submit();
  await arrive('contact-details');
  await tabTo('phone');
  await page.keyboard.type('07700 900 982');
  await key('Enter');
  await arrive('about-you');
  await submit();
  await arrive('language-and-access');
  await submit();
  await arrive('first-check-in');
  await key('Tab');
  await key('ArrowDown'); // Not now
  await submit();
  await arrive('check');
  await tabTo('Save my request for support');
  await key('Enter');
  await page.waitForURL(/\/referral\/done\//);
  const reference = (await page.locator('.f-reference').textContent()).trim();
  const kept = await journey(page).readAfterReload(reference);
  assert.equal(kept.Name, 'Kim');
  assert.equal(kept['How to contact you'], 'Text message');
  assert.equal(kept['Contact details'], '07700 900 982');
  page.assertClean();
});

test('changing answers from check your answers returns there, asking any new detail first', async () => {
  const page = await suite.newPage();
  const j = journey(page);
  await j.start();
  await j.safety('No');
  await j.middle({ reasons: ['Housing'], activities: ['Advice and help'], barriers: ['None of these'], support: 'Help to choose what to do' });
  await j.at('what-matters');
  await j.type('Goal 1', 'Sort out my flat');
  await j.next();
  await j.tail({ name: 'Pat', contact: 'I will contact the service myself' });

  // A simple change comes straight back.
  await page.getByRole('link', { name: 'Change support you would like' }).click();
  await page.waitForURL('**/referral/support?from=check');
  await assertAccessible(page, 'change support');
  assert.equal(await page.getByLabel('Help to choose what to do', { exact: true }).isChecked(), true);
  await j.choose('Someone to welcome me when I first go');
  await j.next();
  await j.at('check');
  assert.equal((await j.answers())['Support you would like'], 'Someone to welcome me when I first go');

  // A new contact method asks for the new detail, then comes back.
  await page.getByRole('link', { name: 'Change how to contact you' }).click();
  await page.waitForURL('**/referral/contact?from=check');
  await j.choose('Email');
  await j.next();
  await page.waitForURL('**/referral/contact-details?from=check');
  await j.type('Email address', 'pat@example.org');
  await j.next();
  await j.at('check');
  const answers = await j.answers();
  assert.equal(answers['How to contact you'], 'Email');
  assert.equal(answers['Contact details'], 'pat@example.org');
  assert.equal((await j.saveAndReadBack())['Contact details'], 'pat@example.org');
  page.assertClean();
});

test('a broken configuration is reported plainly and the journey works on the built-in lists', async () => {
  const page = await suite.newPage();
  // The service's file has a good name, a broken list, and a field the app does not know.
  await page.route('**/config.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ service_name: 'Valley Link', reasons: 'lonely', colour: 'green' }),
  }));
  await openHome(page);
  await page.getByRole('heading', { name: "Some of this service's settings could not be read" }).waitFor();
  await page.getByText('Details for the service').click();
  // The referral's lists are read just after the first page (their code is not in the first
  // download), and their problems join the notice then.
  await page.locator('.f-details', { hasText: 'reasons: invalid type' }).waitFor();
  const details = await page.locator('.f-details').textContent();
  assert.match(details, /colour: this app does not know this setting/);
  await assertAccessible(page, 'home with a configuration notice');
  assert.equal((await page.locator('.f-header__name').textContent()).trim(), 'Valley Link', 'the good parts apply');

  const j = journey(page);
  await page.getByRole('link', { name: 'Ask for support' }).click();
  await j.at('start', 'Get support from Valley Link');
  await page.getByRole('button', { name: 'Start now' }).click();
  await j.safety('No');
  // The built-in reasons stand in for the broken list.
  await j.middle({ reasons: ['Caring for someone'], activities: ['Volunteering'], barriers: ['My mobility or health'], support: 'Just information, so I can go myself' });
  await j.at('what-matters');
  await j.type('Goal 1', 'Help out somewhere');
  await j.next();
  await j.tail({ name: 'Lee', contact: 'I do not want to be contacted' });
  assert.equal((await j.saveAndReadBack())['What is going on'], 'Caring for someone');

  // A file that is not JSON at all: the same notice, and the built-in name.
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: '{ "service_name": ' }));
  await page.reload();
  await page.getByRole('heading', { name: "Some of this service's settings could not be read" }).waitFor();
  assert.equal((await page.locator('.f-header__name').textContent()).trim(), 'Flourish');
  page.assertClean();
});

test("a referral opened straight from a link asks with the service's own lists", async () => {
  const page = await suite.newPage();
  await page.route('**/config.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({
      service_name: 'Valley Link',
      reasons: [{ id: 'walks', label: 'Wanting company on walks' }, { id: 'other', label: 'Something else' }],
      barriers: [{ id: 'bus', label: 'The bus' }, { id: 'bus', label: 'The bus again' }],
    }),
  }));
  // The first page this browser opens is one of the referral's, whose code and settings
  // both arrive after the app starts.
  await page.goto(suite.origin + '/referral/start');
  const j = journey(page);
  await j.at('start', 'Get support from Valley Link');
  await page.getByRole('button', { name: 'Start now' }).click();
  await j.safety('No');
  await j.at('whats-going-on');
  assert.equal(await page.getByLabel('Wanting company on walks', { exact: true }).count(), 1);
  assert.equal(await page.getByLabel('Feeling lonely or isolated', { exact: true }).count(), 0,
    'no built-in reason stands in for the service\'s list');
  // A list with a problem is said by name, and the built-in one is asked instead.
  await page.locator('.f-details', { hasText: 'barriers: ' }).waitFor();
  assert.match(await page.locator('.f-details').textContent(), /barriers: the id "bus" is used twice/);
  await j.tick('Wanting company on walks');
  await j.next();
  await j.at('what-you-might-like');
  await j.tick('Volunteering');
  await j.next();
  await j.at('what-might-make-it-hard');
  assert.equal(await page.getByLabel('The bus', { exact: true }).count(), 0);
  await page.getByLabel('My mobility or health', { exact: true }).waitFor();
  page.assertClean();
});

test("the goals in a person's referral are asked about at their next check-in", async () => {
  const page = await suite.newPage();
  await page.goto(suite.origin + '/get-help');
  await heading(page);
  await page.evaluate(() => localStorage.setItem('flourish.referrals', JSON.stringify({ schema: 1, data: [{
    id: 'r1', submitted_at: '2026-11-20T10:14:02Z', safety: false, reasons: ['lonely'], activities: ['social'],
    barriers: ['none'], support: 'welcome', goals: ['Go to the lunch club', 'Phone my brother'], name: 'Sam',
    contact_method: 'no-contact', baseline: { choice: 'skipped' },
  }] })));
  await page.goto(suite.origin + '/check-in/questions/1');
  await answerQuestions(page, { label: byInstrument('Almost every day', 'Some of the time') });
  await page.waitForURL('**/check-in/activities');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL('**/check-in/goals');
  await heading(page);
  await page.getByRole('group', { name: 'Go to the lunch club' }).getByLabel('Getting there', { exact: true }).check();
  await page.getByRole('group', { name: 'Phone my brother' }).waitFor();
  await assertAccessible(page, 'check-in goals from the referral');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL('**/check-in/step');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL('**/check-in/check');
  await saveCheckIn(page);
  await page.goto(suite.origin + '/progress');
  await heading(page);
  await page.getByText('Go to the lunch club').first().waitFor();
  await page.getByText('Getting there').first().waitFor();
  page.assertClean();
});
