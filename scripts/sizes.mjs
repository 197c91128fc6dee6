// Prints the release build's first load: each file a person downloads before the app runs
// (index.html and what it names: JS, wasm, CSS, the preloaded config.json), raw, gzip -9 and
// brotli, then the total of HTML + JS + wasm + CSS. Files fetched later (the service worker,
// icons) are listed apart. `node scripts/sizes.mjs [dist]`
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
  return [...named].filter((f) => existsSync(join(dist, f))).map((file) => ({ file, ...sizeOf(join(dist, file)) }));
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
  const later = readdirSync(dist).filter((f) => f === 'sw.js' || f.endsWith('.png') || f.endsWith('.webmanifest'));
  for (const f of later) line(`later: ${f}`, sizeOf(join(dist, f)));
  return { files: rows, total };
}

if (import.meta.url === `file://${process.argv[1]}`) printSizes(process.argv[2] ?? 'dist');
