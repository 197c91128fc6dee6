// The step after every Trunk build (a `post_build` hook in Trunk.toml), and the step to run
// again on a built site whose config.json was changed: `node scripts/postbuild.mjs dist`.
//
// - Fills the static shell in index.html: its words (scripts/shell-words.json), the service's
//   name and the crisis routes (config.json), so a service that edits its configuration gets
//   its own routes painted before any script runs; and the service's name into the manifest.
// - Writes the Content-Security-Policy: a meta tag in index.html whose connect-src names the
//   configured sending endpoint's origin, and the same policy as a header (with the
//   frame-ancestors that a meta tag cannot carry) in `_headers`, for hosts that read it.
// - Release builds: minifies the JS (the wasm-bindgen glue, which Trunk's minifier fails on,
//   and boot.js) and the CSS with esbuild, recomputes their integrity hashes, and names the
//   service worker, whose precache list and version it writes into sw.js.
//
// Running it twice gives the same files.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
// Run by hand (no Trunk around it), the site being changed is a release build.
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
const LANG = process.env.FLOURISH_SHELL_LANG ?? 'en-GB';

const read = (name) => readFileSync(join(dist, name), 'utf8');
const write = (name, text) => writeFileSync(join(dist, name), text);
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Each language's name in itself, as the app's language control shows it (src/i18n/*.rs). */
const OWN_NAMES = { en: 'English', cy: 'Cymraeg', ar: 'العربية' };

const config = readConfig();
let html = read('index.html');

// ---- the shell's words, name and crisis routes ----
const words = JSON.parse(readFileSync(join(here, 'shell-words.json'), 'utf8'));
const shellWords = { lang: LANG, ...(words[LANG] ?? fail(`no shell words for ${LANG}`)) };
html = html.replace(/\{\{(\w+)\}\}/g, (_, key) => escape(shellWords[key] ?? fail(`no shell word "${key}"`)));
html = replaceContent(html, 'f-shell-name', escape(english(config.service_name) || 'Flourish'));
html = replaceContent(html, 'f-shell-crisis', crisisRoutes(config.crisis_contacts ?? []));
html = html.replace(/<div id="f-shell-languages"><\/div>/, languageBar(config.languages ?? Object.keys(OWN_NAMES)));

// An installed app carries the service's name.
if (existsSync(join(dist, 'manifest.webmanifest')) && english(config.service_name)) {
  const manifest = JSON.parse(read('manifest.webmanifest'));
  manifest.name = english(config.service_name);
  write('manifest.webmanifest', `${JSON.stringify(manifest, null, 2)}\n`);
}

// ---- the Content-Security-Policy ----
const connect = ["'self'", ...endpointOrigin(config)].join(' ');
const policy = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  `connect-src ${connect}`,
  "manifest-src 'self'",
  "worker-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');
html = html.replace(
  /<meta http-equiv="?Content-Security-Policy"?[^>]*>/i,
  `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
);
const header = `${policy}; frame-ancestors 'none'`;
write('_headers', `/*\n  Content-Security-Policy: ${header}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n`);

// ---- release: minified JS and CSS, the service worker ----
const saved = [];
if (release) {
  const { transformSync } = await import('esbuild');
  for (const file of files().filter((f) => /\.(js|css)$/.test(f) && f !== 'sw.js')) {
    const before = read(file);
    const loader = file.endsWith('.css') ? 'css' : 'js';
    const code = transformSync(before, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, legalComments: 'none' }).code;
    if (code.length < before.length) {
      write(file, code);
      saved.push(`${file} ${gzipSync(before, { level: 9 }).length} -> ${gzipSync(code, { level: 9 }).length} B gzip`);
    }
  }
  if (!/<meta name="?flourish-sw"?/.test(html)) {
    html = html.replace('</head>', '<meta name="flourish-sw" content="/sw.js"></head>');
  }
  // Comments and indentation only: gzip makes the rest of HTML's white space nearly free.
  html = html.replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s+/g, '\n');
}
// Chromium ignores, and warns about, `integrity` on a preload fetched `as="fetch"` (Trunk's
// wasm preload): the wasm was never checked by it, so it goes rather than log a warning.
html = html.replace(/<link\b[^>]*\bas="?fetch"?[^>]*>/g, (tag) => tag.replace(/\s+integrity="?[^"\s>]+"?/, ''));
html = withIntegrity(html);
write('index.html', html);

if (release) {
  // Install icons are fetched by the browser when a person installs the app, never by the page.
  const precache = files().filter((f) => !['sw.js', '_headers'].includes(f) && !f.endsWith('.png')).sort();
  const hash = createHash('sha256');
  for (const f of precache) hash.update(`${f}\0`).update(readFileSync(join(dist, f)));
  const build = { version: hash.digest('hex').slice(0, 16), files: precache.map((f) => `/${f}`) };
  const sw = read('sw.js').replace(/^const BUILD = .*;$/m, `const BUILD = ${JSON.stringify(build)};`);
  if (!sw.includes(build.version)) fail('sw.js has no `const BUILD = …;` line to fill');
  write('sw.js', sw);
  console.log(`postbuild: service worker ${build.version} precaches ${precache.length} files`);
}
for (const line of saved) console.log(`postbuild: minified ${line}`);
console.log(`postbuild: Content-Security-Policy: ${policy}`);

// ---- helpers ----

function fail(message) {
  console.error(`postbuild: ${message}`);
  process.exit(1);
}

/** The shipped config.json, or {} when it cannot be read (the app then uses its defaults too). */
function readConfig() {
  try {
    const value = JSON.parse(read('config.json'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch (error) {
    console.warn(`postbuild: config.json not read (${error.message}); the shell shows no crisis routes from it`);
    return {};
  }
}

/** The origin of `send.endpoint`, if it is one the app may send to (https, or http on this machine). */
function endpointOrigin(cfg) {
  const endpoint = cfg.send?.endpoint;
  if (typeof endpoint !== 'string' || endpoint === '') return [];
  try {
    const url = new URL(endpoint);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return [url.origin];
  } catch {
    // A relative endpoint is on this origin: 'self' covers it.
    if (endpoint.startsWith('/')) return [];
  }
  console.warn(`postbuild: send.endpoint ${endpoint} is not an https URL; the policy does not allow it`);
  return [];
}

/** Words a configuration gives either as a string or per language (`{"en": …, "cy": …}`):
 * the English ones, which the shell shows until the app knows the person's language. */
function english(text) {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object') return english(text.en ?? Object.values(text)[0]);
  return '';
}

/**
 * The language control's place in the header, as the app draws it (components/language.rs),
 * so the header does not move when the app takes over. Before then nothing can be chosen, so
 * the names are plain text; the shell's own language is marked as the one shown.
 */
function languageBar(offered) {
  const known = offered.filter((code) => code in OWN_NAMES);
  if (known.length < 2) return '';
  const shown = LANG.split('-')[0];
  const items = known.map((code) => (code === shown
    ? `<li class="f-language__item"><span class="f-language__current" lang="${code}" aria-current="true">${OWN_NAMES[code]}</span></li>`
    : `<li class="f-language__item"><span class="f-language__name" lang="${code}">${OWN_NAMES[code]}</span></li>`));
  return `<nav class="f-language" aria-label="Language"><div class="f-width-container"><ul class="f-language__list">${items.join('')}</ul></div></nav>`;
}

/** The crisis routes as the app renders them (pages/get_help.rs), as plain links. */
function crisisRoutes(contacts) {
  return contacts.filter((c) => /^[0-9]+$/.test(c?.number ?? '')).map((c) => {
    // `?&body=` is the form both iOS and Android read.
    const href = c.kind === 'text' ? `sms:${c.number}${c.body ? `?&body=${encodeURIComponent(c.body)}` : ''}` : `tel:${c.number}`;
    return `<li class="f-contact-list__item"><h2 class="f-heading-s">${escape(english(c.name))}</h2>`
      + `<p>${escape(english(c.description))}</p>`
      + `<a class="f-button f-button--contact" href="${escape(href)}">${escape(action(c))}</a></li>`;
  }).join('');
}

/** A crisis route's link in words, as the app says it: "Call 999", "Text SHOUT to 85258". */
function action(c) {
  const shown = c.display ?? c.number;
  if (c.kind !== 'text') return shellWords.call.replace('{phone}', shown);
  return c.body
    ? shellWords.text_words_to.replace('{body}', c.body).replace('{number}', shown)
    : shellWords.text_number.replace('{number}', shown);
}

/** Replaces the content of the element with id `id` (whose content holds no element of the same tag). */
function replaceContent(text, id, content) {
  const re = new RegExp(`(<(\\w+)[^>]*\\bid="?${id}"?[^>]*>)([\\s\\S]*?)(</\\2>)`);
  if (!re.test(text)) fail(`index.html has no element with id ${id}`);
  return text.replace(re, (_, open, _tag, _old, close) => `${open}${content}${close}`);
}

/** Every `integrity` in index.html recomputed from the file it names (after minifying). */
function withIntegrity(text) {
  return text.replace(/<(link|script)\b[^>]*>/g, (tag) => {
    const target = /\b(?:href|src)="?\/([^"\s>]+)"?/.exec(tag)?.[1];
    if (!/\bintegrity=/.test(tag) || !target || !existsSync(join(dist, target))) return tag;
    const digest = createHash('sha384').update(readFileSync(join(dist, target))).digest('base64');
    return tag.replace(/\bintegrity="?[^"\s>]+"?/, `integrity="sha384-${digest}"`);
  });
}

/** Every file under dist, as a path relative to it. */
function files(dir = dist) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [relative(dist, p)];
  });
}
