// The Content-Security-Policy bites: an injected inline script does not run, a request to
// another origin is refused, and the page cannot be framed when the policy comes as a header.
// A deployment that names a sending endpoint and re-runs the post-build step may reach it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSuite, heading } from './helpers.mjs';
import { serveDist } from './server.mjs';

let suite;
let framed;
/** Another origin on this machine, which counts what reaches it and would answer anyone. */
const elsewhere = { hits: [], origin: '' };

before(async () => {
  suite = await startSuite({ csp: true });
  const server = http.createServer((req, res) => {
    elsewhere.hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': '*',
      'content-type': 'text/html',
    });
    res.end(req.url === '/frame' ? `<iframe src="${suite.origin}/" title="Flourish"></iframe>` : 'hello');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  elsewhere.origin = `http://127.0.0.1:${server.address().port}`;
  elsewhere.close = () => new Promise((ok) => server.close(ok));
});
after(async () => {
  await suite?.close();
  await elsewhere.close?.();
  await framed?.close();
});

test('the policy is in the page and in the header, strict, with no inline script allowed', async () => {
  const page = await suite.newPage();
  const response = await page.goto(`${suite.origin}/`);
  assert.equal(await heading(page), 'How are you doing?');
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const header = response.headers()['content-security-policy'];
  assert.equal(header, `${meta}; frame-ancestors 'none'`);
  for (const directive of ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
    "connect-src 'self'", "form-action 'none'", "base-uri 'none'", "object-src 'none'"]) {
    assert.ok(meta.split('; ').includes(directive), `${directive} in ${meta}`);
  }
  assert.doesNotMatch(meta, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script in the page');
  page.assertClean();
});

test('an injected inline script does not run and is reported', async () => {
  const page = await suite.newPage();
  await page.goto(`${suite.origin}/`);
  await heading(page);
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
    const handler = document.createElement('img');
    handler.setAttribute('src', 'data:,');
    handler.setAttribute('onerror', 'window.injected = true');
    document.body.append(handler);
    await new Promise((r) => setTimeout(r, 100));
    return window.injected === true;
  });
  assert.equal(ran, false);
  const violations = page.problems.filter((p) => p.startsWith('CSP violation'));
  assert.ok(violations.some((p) => p.includes('script-src-elem')), page.problems.join('\n'));
  assert.ok(violations.some((p) => p.includes('script-src-attr')), page.problems.join('\n'));
});

test('a request to another origin is refused before it leaves the page', async () => {
  const page = await suite.newPage();
  await page.goto(`${suite.origin}/`);
  await heading(page);
  elsewhere.hits.length = 0;
  const outcome = await page.evaluate((url) => fetch(url, { method: 'POST', body: 'answers' })
    .then(() => 'sent', (e) => `refused: ${e.message}`), `${elsewhere.origin}/collect`);
  assert.match(outcome, /^refused/);
  assert.deepEqual(elsewhere.hits, [], 'nothing reached the other origin');
  // The violation event is queued as a task of its own, after the fetch has failed.
  await page.waitForTimeout(200);
  assert.ok(page.problems.some((p) => p.startsWith('CSP violation: connect-src')), page.problems.join('\n'));
});

test('another site cannot frame the app when the policy comes as a header', async () => {
  const page = await suite.newPage();
  await page.goto(`${elsewhere.origin}/frame`);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  // The frame never gets the app: Chromium replaces it with an error page.
  await page.waitForTimeout(500);
  const inside = await frame?.evaluate(() => document.querySelector('#app, #f-shell') !== null).catch(() => false);
  assert.equal(inside ?? false, false);
});

test('a deployment that names a sending endpoint and re-runs the post-build step may reach it, and its own crisis routes show at once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flourish-dist-'));
  try {
    cpSync(resolve('dist'), dir, { recursive: true });
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    config.send = { endpoint: `${elsewhere.origin}/fhir`, format: 'fhir-r4' };
    config.crisis_contacts = [{ name: 'NHS 111 Wales', description: 'Call 111 and press 2.', kind: 'phone', number: '111', display: '111' }];
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    const swBefore = readFileSync(join(dir, 'sw.js'), 'utf8');
    execFileSync('node', ['scripts/postbuild.mjs', dir], { stdio: 'pipe' });
    assert.notEqual(readFileSync(join(dir, 'sw.js'), 'utf8'), swBefore, 'a new service worker version');

    framed = await serveDist(dir, { csp: true });
    const page = await suite.newPage();
    page.allowOrigin(framed.origin);
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${framed.origin}/`);
    // The shell (here, with the app blocked) shows the service's own routes.
    await page.getByRole('heading', { name: 'Sorry, something went wrong' }).waitFor();
    const links = await page.locator('#f-shell a[href^="tel:"], #f-shell a[href^="sms:"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, ['tel:111']);
    await page.getByText('NHS 111 Wales').waitFor();

    const app = await suite.newPage();
    app.allowOrigin(framed.origin);
    await app.goto(`${framed.origin}/`);
    assert.equal(await heading(app), 'How are you doing?');
    elsewhere.hits.length = 0;
    const outcome = await app.evaluate((url) => fetch(url, { method: 'POST', body: '{}' })
      .then((r) => r.status, (e) => `refused: ${e.message}`), `${elsewhere.origin}/fhir`);
    assert.equal(outcome, 200);
    assert.deepEqual(elsewhere.hits, ['POST /fhir']);
    // The guard counts the endpoint as another host; that request was the point of this test.
    assert.deepEqual(app.problems.filter((p) => !p.includes(elsewhere.origin)), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
