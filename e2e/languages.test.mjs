// The interface in Welsh and in Arabic (right to left): whole journeys in each, the page's
// language and direction, a mirrored layout, a language change mid-journey that keeps every
// answer, plural forms, and "Listen" reading the question in the right voice. axe runs on
// every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { suiteForFile, assertAccessible, heading, tabToAndEnter, openHome } from './helpers.mjs';
import { arrive, QUESTIONS } from './journeys.mjs';

let suite;
suiteForFile((s) => { suite = s; });

/** The words each journey presses and expects, as the catalogue writes them. */
const WORDS = {
  cy: {
    lang: 'cy', dir: 'ltr', name: 'Cymraeg',
    home: 'Sut ydych chi?', start: 'Dechrau gwiriad', next: 'Parhau',
    question: (n, of) => `Cwestiwn ${n} o ${of}`,
    movingOn: 'Mae\'r cwestiynau nesaf am sut rydych chi\'n teimlo y dyddiau hyn, nid dim ond yn ystod y mis diwethaf.',
    activities: 'Pa weithgareddau ydych chi wedi mynd iddyn nhw ers eich gwiriad diwethaf?',
    goals: 'Sut mae eich nodau\'n mynd?',
    step: 'Pa un o\'r rhain sy\'n teimlo fwyaf fel lle rydych chi nawr?',
    check: 'Gwirio eich atebion', save: 'Cadw fy ngwiriad', result: 'Eich gwiriad',
    category: 'Ffynnu', lonely: 'Mae eich atebion yn awgrymu nad ydych chi\'n teimlo\'n unig yn aml.',
    progress: 'Eich cynnydd', history: 'Eich gwiriadau',
    referral: {
      homeLink: 'Gofyn am gymorth', startTitle: 'Cael cymorth gan Flourish', startNow: 'Dechrau nawr',
      no: 'Nac ydw', reason: 'Teimlo\'n unig neu ar fy mhen fy hun', activity: 'Cwrdd â phobl',
      barrier: 'Dim un o\'r rhain', support: 'Rhywun i ddod gyda fi y tro cyntaf',
      goal: ['Nod 1', 'Mynd i\'r caffi unwaith'], name: ['Beth hoffech chi i ni eich galw chi?', 'Siân'],
      contact: 'Dydw i ddim eisiau i neb gysylltu â fi', baseline: 'Ddim nawr',
      check: 'Gwirio eich atebion', save: 'Cadw fy nghais am gymorth',
      done: 'Mae eich cais am gymorth wedi\'i gadw', keyName: 'Enw',
    },
  },
  ar: {
    lang: 'ar', dir: 'rtl', name: 'العربية',
    home: 'كيف حالك؟', start: 'ابدأ مراجعة', next: 'متابعة',
    question: (n, of) => `السؤال ${n} من ${of}`,
    movingOn: 'الأسئلة التالية عن شعورك هذه الأيام، وليس عن الشهر الماضي فقط.',
    activities: 'ما الأنشطة التي ذهبت إليها منذ مراجعتك الأخيرة؟',
    goals: 'كيف تسير أهدافك؟',
    step: 'أي من هذه يشبه حالك الآن أكثر؟',
    check: 'راجع إجاباتك', save: 'احفظ مراجعتي', result: 'مراجعتك',
    category: 'في أحسن حال', lonely: 'تشير إجاباتك إلى أنك لا تشعر بالوحدة كثيرًا.',
    progress: 'تقدّمك', history: 'مراجعاتك',
    referral: {
      homeLink: 'اطلب الدعم', startTitle: 'احصل على الدعم من Flourish', startNow: 'ابدأ الآن',
      no: 'لا', reason: 'الشعور بالوحدة أو العزلة', activity: 'التعرّف على الناس',
      barrier: 'لا شيء مما سبق', support: 'شخص يرافقني في المرة الأولى',
      goal: ['الهدف 1', 'أذهب إلى المقهى مرة واحدة'], name: ['بماذا تحب أن نناديك؟', 'سارة'],
      contact: 'لا أريد أن يتواصل معي أحد', baseline: 'ليس الآن',
      check: 'راجع إجاباتك', save: 'احفظ طلب الدعم',
      done: 'حُفظ طلب الدعم', keyName: 'الاسم',
    },
  },
};

/** The page's `<html lang dir>`. */
const htmlLangDir = (page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

/** Waits for the page to be in language `w`, checks it, and runs axe. */
async function inLanguage(page, w, label) {
  await page.waitForFunction((lang) => document.documentElement.lang === lang, w.lang);
  assert.deepEqual(await htmlLangDir(page), [w.lang, w.dir], `${label}: lang and dir`);
  await assertAccessible(page, `${w.lang}: ${label}`);
}

/** Opens the app for a person whose browser prefers `lang` (Welsh), or who chooses it in the
 * header (Arabic): both ways of getting a language. */
async function openIn(lang) {
  if (lang === 'cy') {
    const page = await suite.newPage({ locale: 'cy-GB' });
    await page.goto(suite.origin + '/');
    await arrive(page, WORDS.cy.home);
    return page;
  }
  const page = await suite.newPage();
  await page.goto(suite.origin + '/');
  await arrive(page, 'How are you doing?');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: WORDS[lang].name }).click();
  await arrive(page, WORDS[lang].home);
  return page;
}

for (const lang of ['cy', 'ar']) {
  const w = WORDS[lang];

  test(`a whole check-in in ${w.name}: the questionnaire stays in English, marked, the rest is ${w.name}`, async () => {
    const page = await openIn(lang);
    await inLanguage(page, w, 'home');
    await page.getByRole('link', { name: w.start }).click();
    for (let n = 1; n <= QUESTIONS; n++) {
      await page.waitForURL((url) => url.pathname === `/check-in/questions/${n}`);
      await page.getByText(w.question(n, QUESTIONS)).waitFor();
      // The validated questions have no checked translation built in: English, marked so, with a note.
      assert.equal(await page.locator('main h1').getAttribute('lang'), 'en-GB', `question ${n} is marked English`);
      await page.locator('.f-inset--note').waitFor();
      if (n === 15) await page.getByText(w.movingOn).waitFor();
      if (n === 1 || n === 15) await inLanguage(page, w, `question ${n}`);
      await page.getByLabel(n <= 14 ? 'Almost every day' : 'Hardly ever or never', { exact: true }).check();
      await page.getByRole('button', { name: w.next }).click();
    }
    for (const title of [w.activities, w.goals, w.step]) {
      await arrive(page, title);
      await inLanguage(page, w, title);
      await page.getByRole('button', { name: w.next }).click();
    }
    await arrive(page, w.check);
    await inLanguage(page, w, 'check your answers');
    await page.getByRole('button', { name: w.save }).click();
    await page.waitForURL(/\/check-ins\/[0-9a-f-]+$/);
    await arrive(page, w.result);
    await page.getByRole('heading', { name: w.category }).waitFor();
    await page.getByText(w.lonely).waitFor();
    await inLanguage(page, w, 'result');
    await page.goto(suite.origin + '/progress');
    await arrive(page, w.progress);
    await inLanguage(page, w, 'progress');
    // The chart keeps time running left to right; its table mirrors with the page.
    assert.equal(await page.locator('svg.f-chart__svg').getAttribute('dir'), 'ltr');
    await page.goto(suite.origin + '/check-ins');
    await arrive(page, w.history);
    await inLanguage(page, w, 'history');
    page.assertClean();
  });

  test(`a whole request for support in ${w.name}`, async () => {
    const page = await openIn(lang);
    const r = w.referral;
    const at = async (slug) => {
      await page.waitForURL((url) => url.pathname === `/referral/${slug}`);
      await heading(page);
      await inLanguage(page, w, `referral ${slug}`);
    };
    const next = () => page.getByRole('button', { name: w.next }).click();
    const choose = (label) => page.getByLabel(label, { exact: true }).check();
    await page.getByRole('link', { name: r.homeLink }).click();
    await at('start');
    await arrive(page, r.startTitle);
    await page.getByRole('button', { name: r.startNow }).click();
    await at('safety');
    await choose(r.no);
    await next();
    await at('whats-going-on');
    await choose(r.reason);
    await next();
    await at('what-you-might-like');
    await choose(r.activity);
    await next();
    await at('what-might-make-it-hard');
    await choose(r.barrier);
    await next();
    await at('support');
    await choose(r.support);
    await next();
    await at('what-matters');
    await page.getByLabel(r.goal[0], { exact: true }).fill(r.goal[1]);
    await next();
    await at('who-suggested');
    await next();
    await at('name');
    await page.getByLabel(r.name[0], { exact: true }).fill(r.name[1]);
    await next();
    await at('contact');
    await choose(r.contact);
    await next();
    await at('about-you');
    await next();
    await at('language-and-access');
    await next();
    await at('first-check-in');
    await choose(r.baseline);
    await next();
    await at('check');
    await arrive(page, r.check);
    const answers = await page.locator('.f-summary-list__row').evaluateAll((rows) => Object.fromEntries(
      rows.map((x) => [x.querySelector('dt').textContent.trim(), x.querySelector('dd').innerText.trim()])));
    assert.equal(answers[r.keyName], r.name[1]);
    assert.ok(Object.values(answers).includes(r.reason), `${r.reason} in ${JSON.stringify(answers)}`);
    await page.getByRole('button', { name: r.save }).click();
    await page.waitForURL(/\/referral\/done\/[0-9a-f-]+$/);
    await arrive(page, r.done);
    await inLanguage(page, w, 'confirmation');
    // The reference reads left to right inside right-to-left words.
    const reference = page.locator('.f-reference');
    assert.equal(await reference.getAttribute('dir'), 'ltr');
    assert.match((await reference.textContent()).trim(), /^FL-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    page.assertClean();
  });
}

test('in Arabic the page mirrors: the header, the back link and its arrow, and the answers', async () => {
  const boxes = async (page) => page.evaluate(() => {
    const box = (sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      return { left: r.left, right: r.right };
    };
    const back = document.querySelector('.f-back-link');
    const arrow = getComputedStyle(back, '::before');
    const radio = getComputedStyle(document.querySelector('.f-radios__label'), '::before');
    return {
      width: document.documentElement.clientWidth,
      name: box('.f-header__name'), help: box('.f-header__help'), back: box('.f-back-link'),
      languages: box('.f-language__list'),
      input: box('#answer'), label: box('label[for=answer]'),
      arrowLeft: arrow.left, arrowRight: arrow.right, arrowTurn: new DOMMatrix(arrow.transform).a,
      radioLeft: radio.left, radioRight: radio.right,
      scrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    };
  });
  const open = async (lang) => {
    const page = await suite.newPage();
    await page.goto(suite.origin + '/check-in/questions/2');
    await heading(page);
    if (lang === 'ar') {
      await page.getByRole('button', { name: 'العربية' }).click();
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    }
    return page;
  };
  const en = await open('en');
  const ar = await open('ar');
  const [e, a] = [await boxes(en), await boxes(ar)];
  // English: the service's name on the left, Get help now on the right; Arabic: the other way.
  assert.ok(e.name.left < e.help.left, `en header ${JSON.stringify(e)}`);
  assert.ok(a.name.left > a.help.left, `ar header ${JSON.stringify(a)}`);
  // The language control sits at the end of its line: right in English, left in Arabic.
  assert.ok(e.languages.right > (2 * e.width) / 3 && a.languages.left < a.width / 3, 'language control');
  // The back link starts at the reading side, and its arrow points back the way one reads.
  assert.ok(e.back.left < e.width / 3 && a.back.right > (2 * a.width) / 3, `back links ${JSON.stringify([e.back, a.back])}`);
  assert.ok(e.arrowLeft !== 'auto' && a.arrowRight !== 'auto', 'the arrow sits at the start of the link');
  assert.ok(e.arrowTurn > 0 && a.arrowTurn < 0, `the arrow turns round (${e.arrowTurn}, ${a.arrowTurn})`);
  // A radio sits before its words: left in English, right in Arabic.
  assert.ok(e.radioLeft !== 'auto' && a.radioRight !== 'auto', 'radio circles at the start');
  assert.ok(e.input.left < e.label.left && a.input.right > a.label.right, 'the radio before its label');
  assert.equal(a.scrollsSideways, false, 'nothing pushes the page sideways in right to left');
  await assertAccessible(ar, 'ar: question 2');
  for (const [page, name] of [[en, 'en'], [ar, 'ar']]) {
    await page.locator('header').screenshot({ path: join(tmpdir(), `flourish-header-${name}.png`) });
    page.assertClean();
  }
});

test('changing language mid-journey keeps every answer, moves focus to the heading and is remembered', async () => {
  const page = await suite.newPage();
  await page.goto(suite.origin + '/check-in/questions/1');
  await heading(page);
  for (let n = 1; n <= 3; n++) {
    await page.waitForURL((url) => url.pathname === `/check-in/questions/${n}`);
    await page.getByLabel('Every day', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.waitForURL((url) => url.pathname === '/check-in/questions/4');
  await page.getByLabel('Never', { exact: true }).check();
  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await page.getByText('Cwestiwn 4 o 17').waitFor();
  assert.deepEqual(await htmlLangDir(page), ['cy', 'ltr']);
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await page.getByLabel('Never', { exact: true }).isChecked(), true, 'the answer on screen stays');
  await page.getByRole('link', { name: 'Yn ôl' }).click();
  await page.waitForURL((url) => url.pathname === '/check-in/questions/3');
  assert.equal(await page.getByLabel('Every day', { exact: true }).isChecked(), true);
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.getByText('السؤال 3 من 17').waitFor();
  assert.deepEqual(await htmlLangDir(page), ['ar', 'rtl']);
  assert.equal(await page.getByLabel('Every day', { exact: true }).isChecked(), true);

  // Words typed but not yet sent on with Continue: the activities page and a new goal.
  for (let n = 3; n <= QUESTIONS; n++) {
    await page.waitForURL((url) => url.pathname === `/check-in/questions/${n}`);
    await page.getByLabel(n <= 14 ? 'Every day' : 'Often', { exact: true }).check();
    await page.getByRole('button', { name: 'متابعة' }).click();
  }
  await page.waitForURL((url) => url.pathname === '/check-in/activities');
  await page.getByLabel('التعرّف على الناس', { exact: true }).check();
  await page.getByLabel('شيء آخر', { exact: true }).check();
  await page.getByLabel('ما الذي ذهبت إليه أيضًا؟').fill('Choir');
  await page.getByRole('button', { name: 'English' }).click();
  await arrive(page, 'Which activities have you been to since your last check-in?');
  assert.equal(await page.getByLabel('Meeting people', { exact: true }).isChecked(), true);
  assert.equal(await page.getByLabel('What else did you go to?').inputValue(), 'Choir');
  await page.getByRole('button', { name: 'Continue' }).click();
  await arrive(page, 'How are your goals going?');
  await page.getByLabel('Add a goal (optional)').fill('Sing once a week');
  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await arrive(page, 'Sut mae eich nodau\'n mynd?');
  assert.equal(await page.getByLabel('Ychwanegu nod (dewisol)').inputValue(), 'Sing once a week');

  // A request for support: a name typed, the language changed, the name still there.
  await page.goto(suite.origin + '/referral/name');
  await heading(page);
  await page.getByLabel('Beth hoffech chi i ni eich galw chi?').fill('Dafydd');
  await page.getByRole('button', { name: 'العربية' }).click();
  await arrive(page, 'بماذا تحب أن نناديك؟');
  assert.equal(await page.getByLabel('بماذا تحب أن نناديك؟').inputValue(), 'Dafydd');
  // The typed name reads in its own direction inside the right-to-left page.
  assert.equal(await page.locator('#name').getAttribute('dir'), 'auto');

  // The choice is remembered on this device.
  await page.reload();
  await arrive(page, 'بماذا تحب أن نناديك؟');
  assert.deepEqual(await htmlLangDir(page), ['ar', 'rtl']);
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('flourish.language')).data), 'ar');
  page.assertClean();
});

test('the character count says 0, 1, 2, few, many and other in Welsh and Arabic', async () => {
  const expected = {
    cy: [[60, 'Does gennych chi ddim nodau ar ôl'], [59, 'Mae gennych chi un nod ar ôl'], [58, 'Mae gennych chi ddau nod ar ôl'],
      [57, 'Mae gennych chi 3 nod ar ôl'], [54, 'Mae gennych chi 6 nod ar ôl'], [49, 'Mae gennych chi 11 nod ar ôl'],
      [61, 'Mae gennych chi un nod yn ormod'], [62, 'Mae gennych chi ddau nod yn ormod']],
    ar: [[60, 'لم يبقَ لديك أي حرف'], [59, 'بقي لديك حرف واحد'], [58, 'بقي لديك حرفان'],
      [57, 'بقي لديك 3 أحرف'], [49, 'بقي لديك 11 حرفًا'], [61, 'لديك حرف واحد زائد'], [63, 'لديك 3 أحرف زائدة']],
  };
  for (const [lang, cases] of Object.entries(expected)) {
    const page = await openIn(lang);
    await page.goto(suite.origin + '/referral/name');
    await heading(page);
    const box = page.locator('#name');
    for (const [typed, words] of cases) {
      await box.fill('x'.repeat(typed));
      await page.locator('.f-character-count', { hasText: words }).waitFor();
    }
    if (lang === 'ar') {
      // A hundred and more: the "other" form (the goal box takes 200).
      await page.goto(suite.origin + '/referral/what-matters');
      await heading(page);
      await page.locator('#goal-1').fill('x'.repeat(100));
      await page.locator('.f-character-count', { hasText: 'بقي لديك 100 حرف' }).waitFor();
    }
    await inLanguage(page, WORDS[lang], 'character count');
    page.assertClean();
  }
});

/** A stand-in for the browser's speech synthesis, recording what it is asked to say: given to
 * `page.addInitScript` with the voices it starts with; `window.__speech.addVoices` adds more
 * later, as browsers load them. */
function speechStub(initial) {
  {
    const listeners = {};
    const state = { voices: initial, spoken: [], cancelled: 0 };
    window.__speech = {
      state,
      addVoices(more) {
        state.voices = state.voices.concat(more);
        for (const f of listeners.voiceschanged ?? []) f(new Event('voiceschanged'));
      },
      finish() {
        const u = state.spoken.at(-1)?.utterance;
        u?.onend?.(new Event('end'));
      },
      said: () => state.spoken.map(({ text, lang, voice }) => ({ text, lang, voice })),
    };
    window.SpeechSynthesisUtterance = class {
      constructor(text) { Object.assign(this, { text, lang: '', voice: null, onend: null, onerror: null }); }
    };
    const synth = {
      getVoices: () => state.voices,
      speak(u) { state.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.lang, utterance: u }); },
      cancel() { state.cancelled += 1; },
      addEventListener(type, f) { (listeners[type] ??= []).push(f); },
      removeEventListener(type, f) { listeners[type] = (listeners[type] ?? []).filter((g) => g !== f); },
    };
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => synth });
  }
}

const VOICE = (lang) => ({ lang, name: `voice ${lang}`, voiceURI: lang, localService: true, default: false });

test('Listen reads the question and its answers in their own language, never by itself, and stops', async () => {
  const page = await suite.newPage({ locale: 'cy-GB' });
  await page.addInitScript(speechStub, [VOICE('en-GB'), VOICE('cy-GB')]);
  // A Welsh question: read in Welsh with the Welsh voice.
  await page.goto(suite.origin + '/referral/safety');
  await arrive(page, 'Ydych chi\'n meddwl am frifo eich hun neu ddod â\'ch bywyd i ben?');
  const listen = page.getByRole('button', { name: 'Gwrando' });
  await listen.waitFor();
  assert.deepEqual(await page.evaluate(() => window.__speech.said()), [], 'nothing is read until asked');
  await listen.click();
  const said = await page.evaluate(() => window.__speech.said());
  assert.deepEqual(said, [
    { text: 'Ydych chi\'n meddwl am frifo eich hun neu ddod â\'ch bywyd i ben?', lang: 'cy', voice: 'cy-GB' },
    { text: 'Rydyn ni\'n gofyn hyn i bawb. Mae\'n ein helpu i wneud yn siŵr eich bod chi\'n cael yr help iawn.', lang: 'cy', voice: 'cy-GB' },
    { text: 'Ydw. Nac ydw', lang: 'cy', voice: 'cy-GB' },
  ]);
  // While it reads, the button stops it.
  await page.getByRole('button', { name: 'Stopio' }).click();
  await listen.waitFor();
  assert.ok((await page.evaluate(() => window.__speech.state.cancelled)) >= 2, 'reading was stopped');
  await assertAccessible(page, 'cy: a question with Listen');

  // A questionnaire question with no checked Welsh words: read in English, with the English voice.
  await page.goto(suite.origin + '/check-in/questions/16');
  await page.getByText('Cwestiwn 16 o 17').waitFor();
  await page.getByRole('button', { name: 'Gwrando' }).click();
  const question = await page.evaluate(() => window.__speech.said().slice(-2));
  assert.deepEqual(question, [
    { text: 'How often do you feel left out?', lang: 'en-GB', voice: 'en-GB' },
    { text: 'Hardly ever or never. Some of the time. Often', lang: 'en-GB', voice: 'en-GB' },
  ]);
  // When the last piece ends, the button is ready to read again.
  await page.evaluate(() => window.__speech.finish());
  await page.getByRole('button', { name: 'Gwrando' }).waitFor();
  page.assertClean();
});

test('Listen is hidden where the browser has no voice for the language, and appears when one loads', async () => {
  // Arabic with English and Welsh voices only: an Arabic question is never read in another voice.
  const page = await suite.newPage();
  await page.addInitScript(speechStub, [VOICE('en-GB'), VOICE('cy-GB')]);
  await openHome(page);
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.goto(suite.origin + '/referral/safety');
  await arrive(page, 'هل تفكر في إيذاء نفسك أو إنهاء حياتك؟');
  assert.equal(await page.locator('.f-listen__button').count(), 0, 'no Arabic voice: no button');
  // The voices arrive late, as browsers load them: the button appears.
  await page.evaluate((v) => window.__speech.addVoices([v]), VOICE('ar-SA'));
  await page.getByRole('button', { name: 'استمع' }).click();
  assert.deepEqual((await page.evaluate(() => window.__speech.said()))[0],
    { text: 'هل تفكر في إيذاء نفسك أو إنهاء حياتك؟', lang: 'ar', voice: 'ar-SA' });
  page.assertClean();

  // A browser with no voices at all shows no button.
  const silent = await suite.newPage();
  await silent.addInitScript(speechStub, []);
  await silent.goto(suite.origin + '/check-in/questions/1');
  await heading(silent);
  assert.equal(await silent.locator('.f-listen__button').count(), 0);
  silent.assertClean();
});

test('a service offering English only shows no language control; an unknown language is reported', async () => {
  const page = await suite.newPage();
  await page.route('**/config.json', (route) => route.fulfill({
    contentType: 'application/json', body: JSON.stringify({ languages: ['en', 'fr'] }),
  }));
  await page.goto(suite.origin + '/');
  // "fr" is not a language this app has: the whole list falls back to the built-in one.
  await page.getByText('Details for the service').click();
  assert.match(await page.locator('.f-details').textContent(), /languages.*"fr" is not a language this app has/);
  // Details for the service's staff stay English, marked so in any language.
  assert.equal(await page.locator('.f-details ul').getAttribute('lang'), 'en');
  const only = await suite.newPage({ locale: 'cy-GB' });
  await only.route('**/config.json', (route) => route.fulfill({
    contentType: 'application/json', body: JSON.stringify({ languages: ['en'] }),
  }));
  await only.goto(suite.origin + '/');
  await arrive(only, 'How are you doing?');
  assert.equal(await only.locator('nav.f-language').count(), 0, 'one language: nothing to choose');
  assert.deepEqual(await htmlLangDir(only), ['en-GB', 'ltr'], 'the browser prefers Welsh; the service offers English');
  page.assertClean();
  only.assertClean();
});

test('a keyboard user reaches the language control and lands on the heading after choosing', async () => {
  const page = await suite.newPage();
  await openHome(page);
  await tabToAndEnter(page, 'Cymraeg', 6, 'the language control is near the top');
  await arrive(page, 'Sut ydych chi?');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  page.assertClean();
});
