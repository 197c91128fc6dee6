// Flourish's service worker: after the first visit the app opens and works offline.
//
// One versioned precache of the build's own files, listed by scripts/postbuild.mjs in the
// BUILD line below (the version is a hash of every file, so any change installs a new worker
// and the old cache is deleted). Page addresses are answered with the cached index.html;
// config.json and other data files try the network first; every other build file comes from
// the cache. Nothing else is ever cached: no answers, no referrals, nothing a person typed
// (those live in localStorage), and requests that are not GETs to this origin (the outbox
// posting to a service's server) are never touched.
const BUILD = { version: 'dev', files: [] };

const CACHE = `flourish-${BUILD.version}`;
// Trunk puts a hash of the content in these file names, so the browser's HTTP cache may
// serve them; every other file is revalidated when it is cached.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;
// Files a service may replace without rebuilding: the network wins when it answers in time.
const NETWORK_FIRST = /\.json$/;
const NETWORK_WAIT_MS = 3000;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(BUILD.files.map((path) =>
      new Request(path, { cache: HASHED.test(path) ? 'default' : 'no-cache' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('flourish-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // An app address (no file extension) is a route: the app's one page answers it.
  if (request.mode === 'navigate' && !/\.[a-z0-9]+$/i.test(url.pathname)) {
    event.respondWith(cacheFirst('/index.html', request));
  } else if (BUILD.files.includes(url.pathname)) {
    event.respondWith(NETWORK_FIRST.test(url.pathname)
      ? networkFirst(url.pathname, request)
      : cacheFirst(url.pathname, request));
  }
});

async function cacheFirst(path, request) {
  const cached = await (await caches.open(CACHE)).match(path);
  return cached ?? fetch(request);
}

async function networkFirst(path, request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(path, response.clone());
    return response;
  });
  const late = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS));
  // A failed or late answer falls back to the copy from the last visit, if there is one.
  const answer = await Promise.race([network, late]).catch(() => undefined);
  if (answer?.ok) return answer;
  return (await cache.match(path)) ?? answer ?? network;
}
