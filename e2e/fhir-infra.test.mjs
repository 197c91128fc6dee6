// The receivers the sending journeys rely on, proven without the app: the FHIR server
// (Medplum) and its three checks, the fault-injecting proxy, and the JSON receiver. The
// Bundle and the envelope are the Rust code's own output (tests/fixtures/*.example.json, kept
// equal to the code by native tests), so these are the bytes the app sends.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { startFhirServer, startProxy, startJsonReceiver, checkEnvelope, SYSTEM } from './fhir/index.mjs';

const read = async (path) => JSON.parse(await readFile(new URL(`../${path}`, import.meta.url), 'utf8'));
const BUNDLE = await read('tests/fixtures/fhir-bundle.example.json');
const ENVELOPE = await read('tests/fixtures/submission.example.json');
const APP_ORIGIN = 'http://127.0.0.1:8080';
const REFERRAL_ID = ENVELOPE.referral.id;

let fhir;
let receiver;

before(async () => {
  [fhir, receiver] = await Promise.all([
    startFhirServer({ allowOrigins: [APP_ORIGIN] }),
    startJsonReceiver({ allowOrigins: [APP_ORIGIN] }),
  ]);
});

after(async () => {
  await Promise.all([fhir?.close(), receiver?.close()]);
});

beforeEach(async () => {
  await fhir.reset();
  receiver.reset();
});

/** One attempt, as the app's network code makes it: what came back, or why nothing did. */
async function attempt(url, body, { headers = {}, timeoutMs = 2000 } = {}) {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { origin: APP_ORIGIN, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), headers: res.headers, body: await res.text() };
  } catch (e) {
    return { failed: e.name === 'TimeoutError' ? 'timeout' : 'network' };
  }
}

const FHIR_HEADERS = { 'content-type': 'application/fhir+json', accept: 'application/fhir+json' };

/** Resends until a 2xx, as the outbox would (with short waits): every outcome seen, in order. */
async function sendUntilAccepted(url, body, headers, { timeoutMs = 500 } = {}) {
  const seen = [];
  for (let i = 0; i < 20; i++) {
    const r = await attempt(url, body, { headers, timeoutMs });
    seen.push(r.failed ?? r.status);
    if (r.status >= 200 && r.status < 300) return { seen, last: r };
    const wait = r.retryAfter ? Number(r.retryAfter) * 1000 : 50;
    await new Promise((ok) => setTimeout(ok, wait));
  }
  throw new Error(`never accepted: ${seen.join(', ')}`);
}

async function holdsExactlyOneOfEach() {
  const one = async (type, system, value) => {
    const found = await fhir.search(type, { identifier: `${system}|${value}` });
    assert.equal(found.total, 1, `${type} ${value}: ${found.total}`);
  };
  await one('ServiceRequest', SYSTEM.referral, REFERRAL_ID);
  await one('Patient', SYSTEM.person, ENVELOPE.person.key);
  for (const c of ENVELOPE.checkins) {
    for (const r of c.responses) await one('QuestionnaireResponse', SYSTEM.questionnaireResponse, `${c.id}/${r.instrument_id}`);
    await one('QuestionnaireResponse', SYSTEM.questionnaireResponse, `${c.id}/checkin-follow-up`);
  }
  const entries = (type) => BUNDLE.entry.filter((e) => e.resource.resourceType === type).length;
  for (const type of ['ServiceRequest', 'Patient', 'Goal', 'QuestionnaireResponse']) {
    assert.equal(await fhir.count(type), entries(type), `${type} count`);
  }
}

test('the Rust example Bundle passes the R4 schema, Medplum and the code check', async () => {
  assert.deepEqual(await fhir.validate(BUNDLE), []);
});

test('the published Questionnaires pass the R4 schema, Medplum and the code check', async () => {
  const dir = new URL('../public/fhir/', import.meta.url);
  const names = (await readdir(dir)).filter((n) => n.startsWith('Questionnaire-'));
  assert.equal(names.length, 4);
  for (const name of names) {
    const q = JSON.parse(await readFile(new URL(name, dir), 'utf8'));
    assert.deepEqual(await fhir.validate(q), [], name);
  }
});

test('each check catches what it is there for, and only the code check sees a bad code', async () => {
  const bad = structuredClone(BUNDLE);
  const sr = bad.entry.find((e) => e.resource.resourceType === 'ServiceRequest').resource;
  sr.status = 'bogus';
  const qr = bad.entry.find((e) => e.resource.resourceType === 'QuestionnaireResponse').resource;
  qr.item[0].answer[0].valueCoding.code = '9';
  const byValidator = (findings) => {
    const groups = {};
    for (const f of findings) (groups[f.validator] ??= []).push(f);
    return groups;
  };
  const codes = byValidator(await fhir.validate(bad));
  assert.deepEqual(Object.keys(codes), ['codes'], JSON.stringify(codes));
  assert.ok(codes.codes.some((f) => f.message.includes('ServiceRequest.status "bogus"')));
  assert.ok(codes.codes.some((f) => f.message.includes('is not an answer option')));

  const unknownProperty = structuredClone(BUNDLE);
  unknownProperty.entry[0].resource.colour = 'blue';
  assert.ok(byValidator(await fhir.validate(unknownProperty))['json-schema']?.length);

  const noSubject = structuredClone(BUNDLE);
  delete noSubject.entry.find((e) => e.resource.resourceType === 'ServiceRequest').resource.subject;
  assert.ok(byValidator(await fhir.validate(noSubject)).medplum?.length);

  const notConditional = structuredClone(BUNDLE);
  delete notConditional.entry[0].request.ifNoneExist;
  assert.ok(byValidator(await fhir.validate(notConditional)).codes?.length);
});

test('a Bundle sent twice creates nothing the second time', async () => {
  const first = await attempt(fhir.url, BUNDLE, { headers: FHIR_HEADERS });
  assert.equal(first.status, 200);
  const statuses = (r) => JSON.parse(r.body).entry.map((e) => e.response.status.slice(0, 3));
  assert.ok(statuses(first).every((s) => s === '201'), statuses(first).join());
  const again = await attempt(fhir.url, BUNDLE, { headers: FHIR_HEADERS });
  assert.ok(statuses(again).every((s) => s === '200'), statuses(again).join());
  await holdsExactlyOneOfEach();
  await fhir.assertNoFindings();
});

test('through every proxy fault in turn the Bundle arrives exactly once', async () => {
  const proxy = await startProxy({ target: fhir.origin, allowOrigins: [APP_ORIGIN] });
  try {
    proxy.plan({ status: 500 }, { status: 503, retryAfter: '1' }, 'hang', 'drop', 'lose-reply', { status: 429, retryAfter: '1' });
    const { seen, last } = await sendUntilAccepted(`${proxy.origin}/fhir`, BUNDLE, FHIR_HEADERS);
    assert.deepEqual(seen, [500, 503, 'timeout', 'network', 'network', 429, 200]);
    // The reply to the resend after the lost one: everything was already there.
    assert.ok(JSON.parse(last.body).entry.every((e) => e.response.status.startsWith('200')));
    await holdsExactlyOneOfEach();
    assert.deepEqual(await fhir.findings(), []);
    // The server stored it on the lost-reply attempt and answered the resend from its store.
    assert.equal((await fhir.received()).length, 2);
  } finally {
    await proxy.close();
  }
});

test('a 503 from the proxy carries Retry-After where a browser may read it', async () => {
  const proxy = await startProxy({ target: fhir.origin, allowOrigins: [APP_ORIGIN] });
  try {
    proxy.plan({ status: 503, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' });
    const r = await attempt(`${proxy.origin}/fhir`, BUNDLE, { headers: FHIR_HEADERS });
    assert.equal(r.status, 503);
    assert.equal(r.retryAfter, 'Wed, 21 Oct 2026 07:28:00 GMT');
    assert.equal(r.headers.get('access-control-allow-origin'), APP_ORIGIN);
    assert.match(r.headers.get('access-control-expose-headers'), /Retry-After/i);
  } finally {
    await proxy.close();
  }
});

test('offline, nothing reaches the server; back online, it arrives once', async () => {
  const proxy = await startProxy({ target: fhir.origin });
  try {
    proxy.offline(true);
    assert.equal((await attempt(`${proxy.origin}/fhir`, BUNDLE, { headers: FHIR_HEADERS })).failed, 'network');
    assert.equal(await fhir.count('ServiceRequest'), 0);
    proxy.offline(false);
    assert.equal((await attempt(`${proxy.origin}/fhir`, BUNDLE, { headers: FHIR_HEADERS })).status, 200);
    await holdsExactlyOneOfEach();
  } finally {
    await proxy.close();
  }
});

test('the FHIR server answers a preflight from the app origin only, with the headers a service must send', async () => {
  const preflight = (origin) => fetch(fhir.url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  const ok = await preflight(APP_ORIGIN);
  assert.equal(ok.status, 204);
  assert.equal(ok.headers.get('access-control-allow-origin'), APP_ORIGIN);
  assert.match(ok.headers.get('access-control-allow-methods'), /POST/);
  assert.match(ok.headers.get('access-control-allow-headers'), /content-type/);
  assert.match(ok.headers.get('access-control-allow-headers'), /idempotency-key/);
  const other = await preflight('http://elsewhere.example');
  assert.equal(other.headers.get('access-control-allow-origin'), null);
});

test('a strict server refuses a Bundle with findings with an OperationOutcome, and the finding fails the test', async () => {
  await fhir.rejectInvalid(true);
  const bad = structuredClone(BUNDLE);
  bad.entry.find((e) => e.resource.resourceType === 'ServiceRequest').resource.intent = 'wish';
  const r = await attempt(fhir.url, bad, { headers: FHIR_HEADERS });
  await assert.rejects(fhir.assertNoFindings(), /codes: .*ServiceRequest.intent "wish"/);
  assert.equal(r.status, 422);
  const outcome = JSON.parse(r.body);
  assert.equal(outcome.resourceType, 'OperationOutcome');
  assert.equal(outcome.issue[0].severity, 'error');
  assert.equal(await fhir.count('ServiceRequest'), 0);
});

const JSON_HEADERS = { 'content-type': 'application/json', 'idempotency-key': ENVELOPE.id };

test('the example envelope has exactly the documented shape', () => {
  assert.deepEqual(checkEnvelope(ENVELOPE), []);
  assert.deepEqual(checkEnvelope({ ...ENVELOPE, surprise: 1 }), ['$.surprise: not a documented field']);
  const noKey = structuredClone(ENVELOPE);
  delete noKey.person.key;
  assert.deepEqual(checkEnvelope(noKey), ['$.person.key: missing']);
});

test('the JSON receiver stores a key once: 201, then 200 for a resend', async () => {
  const first = await attempt(receiver.url, ENVELOPE, { headers: JSON_HEADERS });
  const again = await attempt(receiver.url, ENVELOPE, { headers: JSON_HEADERS });
  assert.deepEqual([first.status, again.status], [201, 200]);
  assert.equal(receiver.stored().size, 1);
  assert.deepEqual(receiver.findings, []);
});

test('the JSON receiver refuses a missing or different Idempotency-Key and says so', async () => {
  const none = await attempt(receiver.url, ENVELOPE, { headers: { 'content-type': 'application/json' } });
  const other = await attempt(receiver.url, ENVELOPE, { headers: { ...JSON_HEADERS, 'idempotency-key': 'not-the-id' } });
  assert.deepEqual([none.status, other.status], [400, 400]);
  assert.equal(receiver.stored().size, 0);
  assert.equal(receiver.findings.length, 2);
});

test('through the proxy\'s faults the envelope is stored exactly once', async () => {
  const proxy = await startProxy({ target: receiver.origin });
  try {
    proxy.plan('lose-reply', { status: 500 }, 'drop', 'lose-reply');
    const { seen } = await sendUntilAccepted(`${proxy.origin}/submissions`, ENVELOPE, JSON_HEADERS);
    assert.deepEqual(seen, ['network', 500, 'network', 'network', 200]);
    assert.equal(receiver.stored().size, 1);
    assert.deepEqual(receiver.received.map((r) => r.status), [201, 200, 200]);
    assert.deepEqual(receiver.findings, []);
  } finally {
    await proxy.close();
  }
});
