// Starts Flourish without an inline script (the Content-Security-Policy allows none): loads the
// wasm-bindgen glue and the wasm that the build names in two meta tags (Trunk's
// `pattern_script`), hands the page over from the static shell to the app, and puts the shell
// back with a plain message and the crisis routes if the app cannot start or stops
// (src/shell.rs sends `flourish:failed` from its panic hook). Registers the service worker.

const shell = document.getElementById('f-shell');
const root = document.getElementById('app');
const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;

/** Replaces the app with the shell's failure message; the crisis routes are already in it. */
function showFailure() {
  if (!shell || shell.dataset.failed) return;
  shell.dataset.failed = 'true';
  root?.remove();
  // Looked up inside the shell: after the hand-over it is no longer in the document.
  const message = shell.querySelector('#f-shell-failed')?.content.cloneNode(true);
  if (message) shell.querySelector('#f-shell-status')?.replaceWith(message);
  shell.querySelector('#f-shell-retry')?.setAttribute('href', location.href);
  if (!shell.isConnected) document.body.prepend(shell);
  const heading = shell.querySelector('h1');
  if (heading) {
    document.title = heading.textContent;
    heading.focus();
  }
}
addEventListener('flourish:failed', showFailure);

/** Runs `then` once the frame now being made has been painted. */
const afterPaint = (then) => requestAnimationFrame(() => setTimeout(then));

// The app's first element replaces the shell in the same frame, so nothing is painted between.
// The service worker's downloads wait until that first page is painted.
if (shell && root) {
  new MutationObserver((_, observer) => {
    if (root.firstElementChild) {
      observer.disconnect();
      shell.remove();
      afterPaint(registerWorker);
    }
  }).observe(root, { childList: true });
}

/** Registers the service worker, which keeps the build's files for offline use. */
function registerWorker() {
  // Only release builds name one: a cached development build would hide changes.
  const worker = meta('flourish-sw');
  if (!worker || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(worker).catch((error) => {
    console.warn('Flourish will not work offline: the service worker was refused.', error);
  });
}

try {
  const { default: init } = await import(meta('flourish-js'));
  await init({ module_or_path: meta('flourish-wasm') });
  // Once the app runs (normally once its first page is painted, above): on a first visit over
  // a slow connection, its own downloads come first.
  if (!shell || !root) registerWorker();
} catch (error) {
  console.error('Flourish could not start.', error);
  showFailure();
}
