// Offline after the first visit: the service worker keeps the app's own files, so a person
// with no connection can still open it at any address, answer, reload, and find their answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSuite, heading } from './helpers.mjs';
import { serveDist } from './server.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite?.close(); });

test('after one visit the app opens at a deep link with no connection, and an answer given offline survives a reload', async () => {
  const page = await suite.newPage({ serviceWorkers: 'allow' });
  await page.goto(`${suite.origin}/`);
  assert.equal(await heading(page), 'How are you doing?');
  // The worker has installed (every build file cached) and controls this page.
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready) && navigator.serviceWorker.controller);
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('flourish-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  for (const must of ['/index.html', '/config.json', '/icon.svg', '/manifest.webmanifest']) {
    assert.ok(cached.includes(must), `${must} is cached: ${cached.join(' ')}`);
  }
  assert.ok(cached.some((p) => p.endsWith('.wasm')), 'the wasm is cached');
  // From the browser's HTTP cache: the worker did not download the big file a second time.
  assert.equal(suite.requests.filter((r) => r.endsWith('_bg.wasm')).length, 1, suite.requests.join('\n'));

  // The host is gone and the device is offline.
  await suite.stopServer();
  await page.context().setOffline(true);

  await page.goto(`${suite.origin}/check-in/questions/2`);
  assert.equal(await heading(page), 'During the past month, how often did you feel interested in life?');
  await page.getByLabel('About once a week', { exact: true }).check();
  await page.reload();
  assert.equal(await heading(page), 'During the past month, how often did you feel interested in life?');
  assert.equal(await page.getByLabel('About once a week', { exact: true }).isChecked(), true, 'the answer is kept');
  // The service's configuration came from the cache too: no notice about it.
  assert.equal(await page.getByText('settings could not be read', { exact: false }).count(), 0);
  page.assertClean();

  // Only the build's own files are answered from the cache: a POST (as the outbox sends)
  // goes to the network, which is not there.
  const sent = await page.evaluate(async () => ({
    get: (await fetch('/config.json')).status,
    post: await fetch('/config.json', { method: 'POST', body: '{}' }).then((r) => r.status, () => 'failed'),
  }));
  assert.deepEqual(sent, { get: 200, post: 'failed' });
});

test('a new build replaces the cached one: its worker takes over and the old cache is deleted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flourish-dist-'));
  cpSync(resolve('dist'), dir, { recursive: true });
  const host = await serveDist(dir);
  try {
    const page = await suite.newPage({ serviceWorkers: 'allow' });
    page.allowOrigin(host.origin);
    await page.goto(`${host.origin}/`);
    await heading(page);
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready) && navigator.serviceWorker.controller);
    const caches = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('flourish-')));
    const [first] = await caches();

    // The service deploys a change (here, its name) and runs the post-build step again.
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, service_name: 'Cwm Taf Connect' }));
    execFileSync('node', ['scripts/postbuild.mjs', dir], { stdio: 'pipe' });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForFunction(async (old) => {
      const keys = (await caches.keys()).filter((k) => k.startsWith('flourish-'));
      return keys.length === 1 && keys[0] !== old;
    }, first);
    await page.reload();
    await page.locator('header').getByRole('link', { name: 'Cwm Taf Connect' }).waitFor();
    page.assertClean();
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
