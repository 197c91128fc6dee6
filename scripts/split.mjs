// Replaces Trunk's one wasm and its JS glue with a split build: a first-load wasm with only
// what the app needs to start and show its first screens, and one file per `#[lazy]`
// function (src/app.rs), fetched the first time it is called. Run by scripts/postbuild.mjs.
//
// Trunk still drives cargo (so `trunk build` and `trunk serve` work as before) and runs
// wasm-bindgen on the whole wasm; this step starts again from rustc's own output, which
// `.cargo/config.toml` links with `--emit-relocs`:
//   1. tools/wasm-split (wasm_split_cli_support, as cargo-leptos uses it) splits it into the
//      main module, the chunks, and `__wasm_split.js`, the loader that fetches a chunk;
//   2. wasm-bindgen (`--keep-lld-exports`: the chunks use the main module's memory, table and
//      stack pointer) turns the main module into the JS glue and the wasm to start;
//   3. wasm-opt (release builds) with the flags below, on every wasm file, and short names
//      for the main module's imports from the glue (scripts/short-imports.mjs);
//   4. every file is named with one hash of all their contents (the glue imports the loader
//      and the loader imports the glue, so no file's own hash can name the other), the
//      references between them rewritten, and Trunk's files in index.html replaced.
import { createHash } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { shortenImports } from './short-imports.mjs';

/** wasm-opt's flags for every wasm file of a release build (docs/size-notes.md says why). */
export const WASM_OPT_FLAGS = ['-Oz', '--low-memory-unused', '--strip-producers', '--strip-target-features'];

/** Where `scripts/lib.sh` builds the splitter. */
export const SPLIT_TOOL = 'tools/wasm-split/target/release/flourish-wasm-split';

const NAME = 'flourish';

/**
 * Splits the build in `dist` (Trunk's staging directory) in place and rewrites its index.html
 * text, which it returns. `root` is the project's folder. Returns the files it wrote, by kind.
 */
export async function splitBuild({ dist, root, release, html }) {
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  // wasm-opt warns about the name subsections the splitter writes (names it drops anyway).
  // Each run starts binaryen afresh (seconds under node), so the files are done side by side.
  const optimize = (file) => new Promise((done, failed) => {
    const child = spawn('wasm-opt', [...WASM_OPT_FLAGS, file, '-o', file], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
    let said = '';
    child.stderr.on('data', (d) => { said += d; });
    child.on('error', failed);
    child.on('close', (status) => {
      const lines = said.split('\n').filter((l) => l && !/^warning: unknown name subsection/.test(l));
      if (lines.length > 0) console.error(lines.join('\n'));
      if (status === 0) done(); else failed(new Error(`wasm-opt failed on ${file}`));
    });
  });
  const tool = resolve(root, SPLIT_TOOL);
  if (!existsSync(tool)) {
    throw new Error(`${SPLIT_TOOL} is missing: run ./scripts/serve or ./scripts/test once to build it`);
  }
  const target = JSON.parse(run('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline']))
    .target_directory;
  const profile = release ? 'release' : 'debug';
  const input = join(target, 'wasm32-unknown-unknown', profile, `${NAME}.wasm`);
  const work = join(target, 'flourish-split', profile);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'bindgen'), { recursive: true });

  // 1. split
  run(tool, [input, work, `./${NAME}.js`]);
  // 2. bindgen the main module (as Trunk does, plus what the chunks need)
  run('wasm-bindgen', ['--target=web', '--no-typescript', '--keep-lld-exports', '--no-demangle',
    `--out-name=${NAME}`, `--out-dir=${join(work, 'bindgen')}`, join(work, 'main.wasm')]);

  // The files to ship, by their name before hashing: the glue, the main wasm, the loader, the chunks.
  const files = new Map();
  files.set(`${NAME}.js`, readFileSync(join(work, 'bindgen', `${NAME}.js`), 'utf8'));
  files.set(`${NAME}_bg.wasm`, join(work, 'bindgen', `${NAME}_bg.wasm`));
  files.set('__wasm_split.js', readFileSync(join(work, '__wasm_split.js'), 'utf8'));
  const chunks = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== 'main.wasm').sort();
  for (const chunk of chunks) files.set(chunk, join(work, chunk));

  // 3. wasm-opt every wasm file
  const wasmFiles = [...files].filter(([name]) => name.endsWith('.wasm'));
  if (release) {
    // The main module first: it takes longest.
    const queue = [...wasmFiles];
    const worker = async () => { for (let next; (next = queue.shift());) await optimize(next[1]); };
    await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
  }
  const wasm = new Map(wasmFiles.map(([name, path]) => [name, readFileSync(path)]));
  // 3b. short names for the main module's imports, in it and in the glue
  const short = shortenImports(wasm.get(`${NAME}_bg.wasm`), files.get(`${NAME}.js`), `./${NAME}_bg.js`);
  wasm.set(`${NAME}_bg.wasm`, short.wasm);
  files.set(`${NAME}.js`, short.glue);

  // 4. one hash over every file, then the new names and the references between them
  const hash = createHash('sha256');
  for (const [name, value] of files) hash.update(`${name}\0`).update(wasm.get(name) ?? value).update('\0');
  const h = hash.digest('hex').slice(0, 16);
  const renamed = new Map();
  for (const name of files.keys()) renamed.set(name, hashedName(name, h));
  const seen = new Set(renamed.values());
  if (seen.size !== renamed.size) throw new Error(`two split files would get the same name: ${[...renamed.values()]}`);

  let glue = files.get(`${NAME}.js`);
  // Only the module specifier changes: the same string is also the key the wasm imports by.
  glue = replaceSpecifier(glue, './__wasm_split.js', `./${renamed.get('__wasm_split.js')}`);
  let loader = files.get('__wasm_split.js');
  loader = replaceSpecifier(loader, `./${NAME}.js`, `./${renamed.get(`${NAME}.js`)}`);
  for (const chunk of chunks) loader = replaceAll(loader, `"./${chunk}"`, `"./${renamed.get(chunk)}"`);

  // Trunk's own glue and wasm go: index.html names ours instead.
  const trunkFiles = readdirSync(dist).filter((f) => new RegExp(`^${NAME}-[0-9a-f]+(_bg\\.wasm|\\.js)$`).test(f));
  const trunkJs = trunkFiles.find((f) => f.endsWith('.js'));
  const trunkWasm = trunkFiles.find((f) => f.endsWith('.wasm'));
  if (!trunkJs || !trunkWasm) throw new Error(`Trunk's ${NAME}-*.js and *_bg.wasm are not in ${dist}`);
  for (const f of trunkFiles) rmSync(join(dist, f));

  writeFileSync(join(dist, renamed.get(`${NAME}.js`)), glue);
  writeFileSync(join(dist, renamed.get('__wasm_split.js')), loader);
  for (const [name, bytes] of wasm) writeFileSync(join(dist, renamed.get(name)), bytes);

  html = replaceAll(html, trunkJs, renamed.get(`${NAME}.js`));
  html = replaceAll(html, trunkWasm, renamed.get(`${NAME}_bg.wasm`));
  // The glue imports the loader at once: fetched beside it rather than after it.
  const preload = `<link rel="modulepreload" href="/${renamed.get('__wasm_split.js')}" crossorigin="anonymous" integrity="sha384-">`;
  html = html.replace(/(<link rel="?modulepreload"?[^>]*>)/, `$1${preload}`);
  if (!html.includes(preload)) throw new Error('index.html has no modulepreload link for the glue');

  return {
    first: [renamed.get(`${NAME}.js`), renamed.get(`${NAME}_bg.wasm`), renamed.get('__wasm_split.js')],
    lazy: chunks.map((c) => renamed.get(c)),
    html,
  };
}

/** `flourish.js` -> `flourish-<h>.js`, `flourish_bg.wasm` -> `flourish-<h>_bg.wasm`, `__wasm_split.js`
 * -> `flourish-split-<h>.js`, `split_progress_page_123.wasm` -> `progress_page-<h>.wasm`,
 * `chunk_4.wasm` -> `chunk_4-<h>.wasm`. */
function hashedName(name, h) {
  if (name === `${NAME}.js`) return `${NAME}-${h}.js`;
  if (name === `${NAME}_bg.wasm`) return `${NAME}-${h}_bg.wasm`;
  if (name === '__wasm_split.js') return `${NAME}-split-${h}.js`;
  // A lazy function's module is its name and a hash of where it is written; the name is enough.
  const stem = name.replace(/\.wasm$/, '');
  return `${stem.startsWith('split_') ? stem.slice(6).replace(/_[0-9]+$/, '') : stem}-${h}.wasm`;
}

function replaceAll(text, from, to) {
  if (!text.includes(from)) throw new Error(`expected "${from}" in a split file`);
  return text.split(from).join(to);
}

function replaceSpecifier(text, from, to) {
  const re = new RegExp(`(\\bfrom\\s*)(["'])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\2`, 'g');
  if (!re.test(text)) throw new Error(`expected an import from "${from}"`);
  return text.replace(re, `$1$2${to}$2`);
}
