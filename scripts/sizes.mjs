// Prints the release build's sizes: what a person downloads on first load, raw and gzipped.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const kinds = { '.wasm': 'wasm', '.js': 'JS', '.css': 'CSS', '.html': 'HTML' };
const totals = {};
const walk = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? walk(p) : [p];
});
for (const file of walk(dist)) {
  const kind = kinds[extname(file)];
  if (!kind) continue;
  const body = readFileSync(file);
  const t = (totals[kind] ??= { raw: 0, gzip: 0, brotli: 0 });
  t.raw += body.length;
  t.gzip += gzipSync(body, { level: 9 }).length;
  t.brotli += brotliCompressSync(body).length;
}
const all = { raw: 0, gzip: 0, brotli: 0 };
const fmt = (n) => n.toLocaleString('en-GB').padStart(10);
console.log(`${'release build'.padEnd(14)}${'raw B'.padStart(10)}${'gzip B'.padStart(10)}${'brotli B'.padStart(10)}`);
for (const kind of ['wasm', 'JS', 'CSS', 'HTML']) {
  const t = totals[kind] ?? { raw: 0, gzip: 0, brotli: 0 };
  for (const k of Object.keys(all)) all[k] += t[k];
  console.log(`${kind.padEnd(14)}${fmt(t.raw)}${fmt(t.gzip)}${fmt(t.brotli)}`);
}
console.log(`${'total'.padEnd(14)}${fmt(all.raw)}${fmt(all.gzip)}${fmt(all.brotli)}`);
