// A static server for dist/ on 127.0.0.1, as a plain static host would serve it: real files
// by path, index.html for any other path so that deep links and reloads work; compressed with
// brotli or gzip when the browser accepts it (as real hosts do, so measured sizes and times
// match); file names with a content hash cached for a year, everything else revalidated.
// With `{ csp: true }` it also sends the Content-Security-Policy header that the build wrote
// to dist/_headers.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { createHash } from 'node:crypto';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json', '.webmanifest']);
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;

/**
 * Serves `root` on 127.0.0.1. `csp` sends the policy header; `requests`, if given, collects
 * every request as "METHOD /path" (what reached the host, from the page or its worker).
 */
export async function serveDist(root = resolve('dist'), { csp = false, requests } = {}) {
  const compressed = new Map();
  const headerPolicy = csp ? await policyFromHeadersFile(root) : undefined;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests?.push(`${req.method} ${url.pathname}`);
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    let body;
    try {
      body = await readFile(file);
    } catch {
      if (extname(path)) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      file = join(root, 'index.html');
      body = await readFile(file);
    }
    const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      etag,
    };
    if (headerPolicy) headers['content-security-policy'] = headerPolicy;
    // A revalidation of an unchanged file costs a round trip and no body, as on real hosts.
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = !COMPRESSIBLE.has(extname(file)) ? undefined
      : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
    if (encoding) {
      // By content: a test may change a file while the server runs (a new deployment).
      const key = `${encoding}:${etag}`;
      if (!compressed.has(key)) {
        compressed.set(key, encoding === 'br'
          ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
          : gzipSync(body, { level: 9 }));
      }
      body = compressed.get(key);
      headers['content-encoding'] = encoding;
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  const sockets = new Set();
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  return {
    origin: `http://127.0.0.1:${port}`,
    /** Stops serving at once, closing kept-alive connections too (a host gone offline). */
    close: () => new Promise((ok) => {
      server.close(ok);
      for (const s of sockets) s.destroy();
    }),
  };
}

/** The Content-Security-Policy line of the `_headers` file that scripts/postbuild.mjs writes. */
async function policyFromHeadersFile(root) {
  const text = await readFile(join(root, '_headers'), 'utf8');
  const line = /^\s*Content-Security-Policy:\s*(.+)$/m.exec(text);
  if (!line) throw new Error('dist/_headers has no Content-Security-Policy line');
  return line[1].trim();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const csp = process.argv.includes('--csp');
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist';
  const { origin } = await serveDist(resolve(dir), { csp });
  console.log(`Serving ${dir}/ at ${origin}${csp ? ' with the Content-Security-Policy header' : ''}`);
}
