// A real FHIR R4 server for the tests: Medplum's FHIR engine (@medplum/fhir-router over an
// in-memory repository) behind a small Node HTTP server on 127.0.0.1. It runs transaction
// Bundles as transactions (conditional creates with `ifNoneExist` included) and answers
// searches, as a service's server would.
//
// Every Bundle POSTed to it is also checked by validate.mjs (the R4 JSON schema, Medplum's
// validator, and our own code checks); what they find is kept for the test that sent it to
// read (GET /__admin/findings), and never hidden by a 2xx.
//
// Run it as its own process: on Node 20, @medplum/core needs `--experimental-websocket`:
//
//   node --experimental-websocket e2e/fhir/server.mjs [--port 0] [--allow-origin http://127.0.0.1:8080]
//
// It prints one JSON line when ready: {"fhir": "<FHIR base URL>", "admin": "<admin URL>"}.
// Use index.mjs's startFhirServer() from tests, which does all of that.
//
// CORS: the headers a real service must send are in cors.mjs.
import http from 'node:http';
import { readText } from './body.mjs';
import { corsHeaders } from './cors.mjs';

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/fhir+json', ...headers });
  res.end(text);
}

/** Starts the server in this process (which must have a global WebSocket). */
export async function serveFhir({ port = 0, allowOrigins = ['*'] } = {}) {
  // Imported here, not at the top, so that a missing WebSocket is reported in plain words.
  const { getStatus } = await import('@medplum/core');
  const { FhirRouter, MemoryRepository } = await import('@medplum/fhir-router');
  const { createValidator, loadDefinitions } = await import('./validate.mjs');
  loadDefinitions();
  const validate = createValidator();
  const router = new FhirRouter();
  let repo = new MemoryRepository();
  let received = [];
  let findings = [];
  let rejectInvalid = false;

  const route = async (method, url, body, headers) => {
    const u = new URL(url, 'http://localhost');
    const query = {};
    for (const [k, v] of u.searchParams) query[k] = k in query ? [].concat(query[k], v) : v;
    const [outcome, resource] = await router.handleRequest({
      method, url: u.pathname + u.search, body, headers, query, params: {},
      config: { transactions: true },
    }, repo);
    return [getStatus(outcome), resource ?? outcome];
  };

  const admin = async (req, res, path) => {
    if (req.method === 'GET' && path === 'findings') return send(res, 200, findings);
    if (req.method === 'GET' && path === 'received') return send(res, 200, received);
    if (req.method === 'POST' && path === 'reset') {
      repo = new MemoryRepository();
      received = [];
      findings = [];
      rejectInvalid = false;
      return send(res, 204, '');
    }
    if (req.method === 'POST' && path === 'config') {
      const body = JSON.parse((await readText(req)) || '{}');
      rejectInvalid = Boolean(body.rejectInvalid);
      return send(res, 204, '');
    }
    if (req.method === 'POST' && path === 'validate') {
      return send(res, 200, validate(JSON.parse(await readText(req))));
    }
    return send(res, 404, { error: `no admin route ${path}` });
  };

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (url.pathname.startsWith('/__admin/')) return await admin(req, res, url.pathname.slice(9));
      const cors = corsHeaders(req.headers.origin, allowOrigins, req.method === 'OPTIONS');
      if (req.method === 'OPTIONS') return send(res, 204, '', cors);
      if (!url.pathname.startsWith('/fhir')) return send(res, 404, { error: 'not found' }, cors);
      const path = url.pathname.slice('/fhir'.length) || '/';
      let body;
      if (req.method === 'POST' || req.method === 'PUT') {
        const text = await readText(req);
        const type = req.headers['content-type'] ?? '';
        try {
          body = JSON.parse(text);
        } catch {
          findings.push({ validator: 'server', where: path, message: 'body is not JSON' });
          return send(res, 400, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'structure', diagnostics: 'not JSON' }] }, cors);
        }
        received.push({ at: new Date().toISOString(), path, contentType: type, body });
        if (!/^application\/(fhir\+)?json\b/.test(type)) {
          findings.push({ validator: 'server', where: path, message: `Content-Type ${type} is not FHIR JSON` });
        }
        const found = validate(body).map((f) => ({ ...f, request: received.length - 1 }));
        findings.push(...found);
        if (rejectInvalid && found.length) {
          return send(res, 422, { resourceType: 'OperationOutcome', issue: found.map((f) => ({ severity: 'error', code: 'invalid', diagnostics: `${f.validator}: ${f.where}: ${f.message}` })) }, cors);
        }
      }
      const [status, resource] = await route(req.method, path + url.search, body, req.headers);
      return send(res, status, resource, cors);
    } catch (e) {
      return send(res, 500, { resourceType: 'OperationOutcome', issue: [{ severity: 'fatal', code: 'exception', diagnostics: String(e?.stack ?? e) }] });
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    fhir: `${base}/fhir`,
    admin: `${base}/__admin`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  if (typeof globalThis.WebSocket === 'undefined') {
    console.error('Start this with `node --experimental-websocket` on Node 20 (Medplum needs WebSocket).');
    process.exit(2);
  }
  const started = await serveFhir({
    port: Number(opt('--port', '0')),
    allowOrigins: opt('--allow-origin', '*').split(','),
  });
  console.log(JSON.stringify({ fhir: started.fhir, admin: started.admin }));
  const stop = () => started.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
