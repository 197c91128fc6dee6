// The build's renaming of the main wasm's imports (scripts/short-imports.mjs): every other
// end-to-end test runs the renamed build; these check the rewriting itself on a small module
// with every kind of import, and that the shipped build's names are the short ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { rewriteImports, shortenImports, shortName } from '../scripts/short-imports.mjs';

const text = (s) => [s.length, ...Buffer.from(s)];
const section = (id, body) => [id, body.length, ...body];

/** A module importing two functions from `./glue.js` and a memory (with a maximum), a table
 * and a global from elsewhere, and exporting a function that calls the second import. */
function smallModule() {
  const types = section(1, [1, 0x60, 1, 0x7f, 1, 0x7f]); // (i32) -> i32
  const imports = section(2, [
    5,
    ...text('./glue.js'), ...text('__wbg_first_0123456789abcdef'), 0, 0,
    ...text('./glue.js'), ...text('__wbg_second_fedcba9876543210'), 0, 0,
    ...text('env'), ...text('memory'), 2, 1, 1, 2,
    ...text('env'), ...text('table'), 1, 0x70, 0, 1,
    ...text('env'), ...text('g'), 3, 0x7f, 0,
  ]);
  const funcs = section(3, [1, 0]);
  const exports = section(7, [1, ...text('run'), 0, 2]);
  const body = [0, 0x20, 0, 0x10, 1, 0x0b]; // local.get 0; call $second
  const code = section(10, [1, body.length, ...body]);
  return Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...funcs, ...exports, ...code]);
}

const glue = `const imports = { "./glue.js": {
  __wbg_first_0123456789abcdef: (x) => x + 1,
  __wbg_second_fedcba9876543210: (x) => x * 2,
} };`;

test('the glue\'s imports get short names and the module still runs', () => {
  const short = shortenImports(smallModule(), glue, './glue.js');
  assert.equal(short.count, 2);
  const module = new WebAssembly.Module(short.wasm);
  assert.deepEqual(WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`),
    ['a.a', 'a.b', 'env.memory', 'env.table', 'env.g']);
  assert.match(short.glue, /const imports = \{ "a": \{\n {2}a: \(x\) => x \+ 1,\n {2}b: \(x\) => x \* 2,/);
  const instance = new WebAssembly.Instance(module, {
    a: { a: (x) => x + 1, b: (x) => x * 2 },
    env: {
      memory: new WebAssembly.Memory({ initial: 1, maximum: 2 }),
      table: new WebAssembly.Table({ initial: 1, element: 'anyfunc' }),
      g: new WebAssembly.Global({ value: 'i32', mutable: false }, 7),
    },
  });
  assert.equal(instance.exports.run(21), 42);
});

test('a name the glue does not have exactly once stops the build', () => {
  const twice = glue.replace('(x) => x * 2,', '(x) => x * 2, __wbg_first_0123456789abcdef: 0,');
  assert.throws(() => shortenImports(smallModule(), twice, './glue.js'), /found it 2 times/);
  assert.throws(() => shortenImports(smallModule(), glue.replace('"./glue.js"', '"x"'), './glue.js'), /found it 0 times/);
});

test('an unchanged rename gives back the same bytes', () => {
  const module = smallModule();
  assert.deepEqual(new Uint8Array(rewriteImports(module, (m, f) => [m, f])), module);
});

test('short names are distinct plain identifiers', () => {
  const seen = new Set();
  for (let n = 0; n < 20_000; n++) {
    const name = shortName(n);
    assert.match(name, /^[a-zA-Z]+$/);
    assert.ok(!seen.has(name), `${name} given twice`);
    seen.add(name);
  }
});

test('the built first-load wasm imports by short names', () => {
  const dist = join(import.meta.dirname, '..', 'dist');
  const main = readdirSync(dist).find((f) => /^flourish-[0-9a-f]+_bg\.wasm$/.test(f));
  assert.ok(main, 'no flourish-*_bg.wasm in dist/');
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(join(dist, main))));
  const fromGlue = imports.filter((i) => i.module === 'a');
  assert.ok(fromGlue.length > 100, `only ${fromGlue.length} imports from the glue`);
  assert.ok(fromGlue.every((i) => i.name.length <= 3), 'an import kept its long name');
  assert.ok(!imports.some((i) => i.name.startsWith('__wbg_')), 'a wasm-bindgen name is left');
});
