// The receivers the sending tests use, in one place:
//
//   import { startFhirServer, startProxy, startJsonReceiver } from './fhir/index.mjs';
//
//   const fhir = await startFhirServer({ allowOrigins: [app.origin] }); // about 6 s: R4 definitions
//   const proxy = await startProxy({ target: fhir.origin });
//   // configure the app with { "send": { "endpoint": `${proxy.origin}/fhir`, "format": "fhir-r4" } }
//   proxy.plan('lose-reply', { status: 503, retryAfter: '1' });
//   ...
//   assert.equal((await fhir.search('ServiceRequest', { identifier: `${SYSTEM.referral}|${id}` })).total, 1);
//   await fhir.assertNoFindings();                    // both validators and the code check
//   await fhir.reset();                               // between tests
//   await Promise.all([proxy.close(), fhir.close()]);
//
// The FHIR server runs as a child process because @medplum/core needs a global WebSocket,
// which Node 20 gives only with --experimental-websocket; the test process needs no flag.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

export { startProxy } from './proxy.mjs';
export { startJsonReceiver, checkEnvelope } from './json-receiver.mjs';
export { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, CORS_EXPOSE_HEADERS } from './cors.mjs';

/** The identifier systems the app's Bundles use (src/domain/fhir.rs). */
const BASE = 'https://flourish.example/fhir';
export const SYSTEM = {
  person: `${BASE}/id/person`,
  referral: `${BASE}/id/referral`,
  reference: `${BASE}/id/reference`,
  goal: `${BASE}/id/goal`,
  questionnaireResponse: `${BASE}/id/questionnaire-response`,
};

const SERVER = fileURLToPath(new URL('./server.mjs', import.meta.url));

/** Starts the FHIR server (Medplum, in memory) in a child process and returns its client. */
export async function startFhirServer({ allowOrigins = ['*'], port = 0 } = {}) {
  const child = spawn(process.execPath, [
    '--experimental-websocket', '--no-warnings', SERVER,
    '--port', String(port), '--allow-origin', allowOrigins.join(','),
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (d) => { errors += d; });
  const ready = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`FHIR server: ${line}\n${errors}`));
      }
    });
    child.once('exit', (code) => reject(new Error(`FHIR server exited (${code}):\n${errors}`)));
  });
  const json = async (res) => {
    const text = await res.text();
    if (!res.ok) throw new Error(`${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const admin = (path, init) => fetch(`${ready.admin}/${path}`, init).then(json);
  return {
    /** The FHIR base URL: the app's endpoint when no proxy is wanted. */
    url: ready.fhir,
    /** scheme://host:port, for a proxy's target. */
    origin: new URL(ready.fhir).origin,
    /** A search, e.g. search('ServiceRequest', { identifier: 'system|value' }): a Bundle. */
    search: (type, params = {}) => fetch(`${ready.fhir}/${type}?${new URLSearchParams({ ...params, _total: 'accurate' })}`).then(json),
    /** How many resources of `type` the server holds. */
    count: async (type) => (await fetch(`${ready.fhir}/${type}?_summary=count`).then(json)).total,
    /** What the validators and the code check found in every Bundle received since the last reset. */
    findings: () => admin('findings'),
    /** Fails (with every finding listed) unless all Bundles received so far passed every check. */
    async assertNoFindings() {
      const found = await admin('findings');
      if (found.length) {
        throw new Error(`FHIR validation findings:\n${found.map((f) => `  ${f.validator}: ${f.where}: ${f.message}`).join('\n')}`);
      }
    },
    /** Every POST body received, with its time and content type. */
    received: () => admin('received'),
    /** Validates a resource or Bundle without storing it. */
    validate: (resource) => admin('validate', { method: 'POST', body: JSON.stringify(resource) }),
    /** Answers 422 (an OperationOutcome) to a Bundle with any finding, as a strict server would. */
    rejectInvalid: (on = true) => admin('config', { method: 'POST', body: JSON.stringify({ rejectInvalid: on }) }),
    /** Forgets every resource, request and finding. */
    reset: () => admin('reset', { method: 'POST' }),
    close: () => new Promise((ok) => {
      if (child.exitCode !== null) return ok();
      child.once('exit', ok);
      child.kill('SIGTERM');
    }),
  };
}
