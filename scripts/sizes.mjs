// Prints the release build's first load: each file a person downloads before the app runs
// (index.html and what it names: JS, wasm, CSS, the preloaded config.json, and every module
// those scripts import), raw, gzip -9 and brotli, then the total of HTML + JS + wasm + CSS.
// The wasm chunks of pages loaded when first opened (scripts/split.mjs) are listed apart,
// with their total, and so are the files fetched later still (the service worker, icons).
// `node scripts/sizes.mjs [dist]`
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** Sizes of one file: raw, gzip -9, brotli (quality 11). */
export function sizeOf(path) {
  const body = readFileSync(path);
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** The files of the first load, as named by dist/index.html, each with its sizes. */
export function firstLoad(dist = 'dist') {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const named = new Set(['index.html']);
  for (const [, tag] of html.matchAll(/<((?:link|script|meta)\b[^>]*)>/g)) {
    const rel = /\brel="?([\w-]+)/.exec(tag)?.[1];
    const name = /\bname="?([\w-]+)/.exec(tag)?.[1];
    const target = /\b(?:href|src|content)="?\/([^"\s>]+)/.exec(tag)?.[1];
    if (!target) continue;
    if (tag.startsWith('script') || ['stylesheet', 'modulepreload', 'preload'].includes(rel)
      || ['flourish-js', 'flourish-wasm'].includes(name)) named.add(target);
  }
  // A module the first scripts import statically is fetched before the app can run, whether
  // or not index.html preloads it (`import(...)`, fetched later, is not followed).
  for (const file of named) {
    if (!file.endsWith('.js') || !existsSync(join(dist, file))) continue;
    const code = readFileSync(join(dist, file), 'utf8');
    for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) named.add(spec);
  }
  return [...named].filter((f) => existsSync(join(dist, f))).map((file) => ({ file, ...sizeOf(join(dist, file)) }));
}

/** The wasm chunks not in the first load: pages' code fetched when first opened. */
export function lazyChunks(dist = 'dist', first = firstLoad(dist)) {
  const loaded = new Set(first.map((r) => r.file));
  return readdirSync(dist).filter((f) => f.endsWith('.wasm') && !loaded.has(f)).sort()
    .map((file) => ({ file, ...sizeOf(join(dist, file)) }));
}

const KINDS = { wasm: 'wasm', js: 'JS', css: 'CSS', html: 'HTML' };
const kindOf = (file) => KINDS[file.split('.').pop()];

export function printSizes(dist = 'dist') {
  const rows = firstLoad(dist);
  const fmt = (n) => n.toLocaleString('en-GB').padStart(10);
  const line = (label, t) => console.log(`${label.padEnd(34)}${fmt(t.raw)}${fmt(t.gzip)}${fmt(t.brotli)}`);
  const add = (list) => list.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, brotli: a.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  console.log(`${'first load'.padEnd(34)}${'raw B'.padStart(10)}${'gzip B'.padStart(10)}${'brotli B'.padStart(10)}`);
  for (const r of rows) line(r.file.length > 33 ? `${r.file.slice(0, 30)}...` : r.file, r);
  const code = rows.filter((r) => kindOf(r.file));
  for (const kind of ['wasm', 'JS', 'CSS', 'HTML']) line(`  ${kind}`, add(code.filter((r) => kindOf(r.file) === kind)));
  const total = add(code);
  line('total (HTML + JS + wasm + CSS)', total);
  line('total with the rest (config.json)', add(rows));
  const lazy = lazyChunks(dist, rows);
  if (lazy.length > 0) {
    console.log('loaded when a page is first opened (lazy chunks)');
    for (const r of lazy) line(`  ${r.file.length > 31 ? `${r.file.slice(0, 28)}...` : r.file}`, r);
    line('  total of the lazy chunks', add(lazy));
    line('everything (first load + chunks)', add([...code, ...lazy]));
  }
  const later = readdirSync(dist).filter((f) => f === 'sw.js' || f.endsWith('.png') || f.endsWith('.webmanifest'));
  for (const f of later) line(`later: ${f}`, sizeOf(join(dist, f)));
  return { files: rows, total, lazy };
}

if (import.meta.url === `file://${process.argv[1]}`) printSizes(process.argv[2] ?? 'dist');
