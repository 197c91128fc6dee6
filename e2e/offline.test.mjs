// Offline after the first visit: the service worker keeps the app's own files, so a person
// with no connection can still open it at any address, answer, reload, and find their answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, heading } from './helpers.mjs';

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
