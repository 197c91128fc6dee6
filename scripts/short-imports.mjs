// Gives the main wasm's imports from its JS glue short names, in the wasm and in the glue.
//
// wasm-bindgen names each import after the function it binds plus a 16-hex-digit hash
// (`__wbg_getTimezoneOffset_87127d92c2c117e9`) and repeats the glue's module name
// (`./flourish_bg.js`) in every one of them: about 230 imports, 12.6 KB of the first-load wasm
// and as much again in the glue, and the hashes do not compress. The names only have to
// agree between the two files, so the build renames them as a minifier renames variables.
// Only the main module imports from the glue (the split parts import its memory and table).

/** The renamed wasm and glue, and how many imports were renamed. Throws, rather than
 * shipping a wasm whose imports the glue cannot answer, if a name is not found exactly once
 * in the glue. */
export function shortenImports(wasm, glue, module) {
  const names = new Map();
  const renamed = rewriteImports(wasm, (from, field) => {
    if (from !== module) return [from, field];
    if (!names.has(field)) names.set(field, shortName(names.size));
    return [SHORT_MODULE, names.get(field)];
  });
  glue = replaceOnce(glue, JSON.stringify(module), JSON.stringify(SHORT_MODULE));
  for (const [long, short] of names) {
    glue = replaceOnce(glue, long, short, new RegExp(`(?<![\\w$])${long}(?![\\w$])`, 'g'));
  }
  return { wasm: renamed, glue, count: names.size };
}

/** The module name the main wasm imports the glue's functions from, after renaming. */
const SHORT_MODULE = 'a';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** `a`, `b`, …, `Z`, `aa`, `ba`, …: a plain identifier for every n. */
export function shortName(n) {
  let name = LETTERS[n % LETTERS.length];
  for (n = Math.floor(n / LETTERS.length); n > 0; n = Math.floor((n - 1) / LETTERS.length)) {
    name += LETTERS[(n - 1) % LETTERS.length];
  }
  return name;
}

function replaceOnce(text, from, to, pattern = null) {
  const found = pattern ? [...text.matchAll(pattern)].length : text.split(from).length - 1;
  if (found !== 1) throw new Error(`short imports: expected "${from}" once in the glue, found it ${found} times`);
  return pattern ? text.replace(pattern, to) : text.replace(from, to);
}

/** The wasm with every import's (module, field) replaced by `rename(module, field)`; every
 * other byte is kept as it was. */
export function rewriteImports(wasm, rename) {
  const bytes = new Uint8Array(wasm);
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error('short imports: not a wasm file');
  }
  const out = [bytes.subarray(0, 8)];
  let i = 8;
  while (i < bytes.length) {
    const id = bytes[i];
    const [size, start] = leb(bytes, i + 1);
    const end = start + size;
    if (id !== 2) {
      out.push(bytes.subarray(i, end));
    } else {
      const section = importSection(bytes.subarray(start, end), rename);
      out.push(Uint8Array.of(2), uleb(section.length), section);
    }
    i = end;
  }
  return Buffer.concat(out);
}

function importSection(section, rename) {
  const text = new TextDecoder('utf-8', { fatal: true });
  const encode = (s) => {
    const b = new TextEncoder().encode(s);
    return [uleb(b.length), b];
  };
  const name = (at) => {
    const [length, from] = leb(section, at);
    return [text.decode(section.subarray(from, from + length)), from + length];
  };
  let [count, j] = leb(section, 0);
  const parts = [uleb(count)];
  for (; count > 0; count--) {
    const [module, afterModule] = name(j);
    const [field, afterField] = name(afterModule);
    const descriptorEnd = skipDescriptor(section, afterField);
    const [newModule, newField] = rename(module, field);
    parts.push(...encode(newModule), ...encode(newField), section.subarray(afterField, descriptorEnd));
    j = descriptorEnd;
  }
  if (j !== section.length) throw new Error('short imports: the import section has bytes after its last import');
  return Buffer.concat(parts);
}

/** The index just after an import's descriptor (function, table, memory, global or tag). */
function skipDescriptor(b, at) {
  const kind = b[at++];
  const limits = (k) => {
    const flags = b[k++];
    k = leb(b, k)[1];
    return flags & 1 ? leb(b, k)[1] : k;
  };
  switch (kind) {
    case 0: return leb(b, at)[1];
    case 1: return limits(at + 1);
    case 2: return limits(at);
    case 3: return at + 2;
    case 4: return leb(b, at + 1)[1];
    default: throw new Error(`short imports: unknown import kind ${kind}`);
  }
}

function leb(b, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = b[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function uleb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Uint8Array.from(out);
}
