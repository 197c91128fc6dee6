// A small receiver for the plain-JSON format (`flourish-submission`, version 1), as a service
// would write one: it requires the `Idempotency-Key` header, equal to the envelope's `id`;
// stores each key once; answers 201 the first time and 200 (storing nothing) on a repeat; and
// checks the envelope's shape field by field against the format documented in
// src/domain/submission.rs. Unknown fields are findings here (the app must send what it
// documents), although a real receiver should ignore them.
//
//   const receiver = await startJsonReceiver();
//   // the app's endpoint is receiver.url; afterwards:
//   receiver.stored()   // Map key -> envelope
//   receiver.received   // every request: { key, status, body }
//   receiver.findings   // shape problems, bad or missing keys
//
// Run alone: node e2e/fhir/json-receiver.mjs [--port N]; GET /__receiver/stored and
// /__receiver/findings show what it holds.
import http from 'node:http';
import { readText } from './body.mjs';
import { corsHeaders } from './cors.mjs';

const str = (v) => typeof v === 'string' && v.length > 0;
const int = (v) => Number.isInteger(v) && v >= 0;
const bool = (v) => typeof v === 'boolean';
const time = (v) => str(v) && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v) && !Number.isNaN(Date.parse(v));

// Each shape: field -> [required, check]; a check is a predicate or a nested shape.
const CODED = { id: [true, str], label: [true, str] };
const GOAL = { id: [true, str], text: [true, str] };
const PERSON = {
  key: [true, str], preferred_name: [false, str], contact_method: [false, CODED], phone: [false, str],
  email: [false, str], best_times: [false, str], language: [false, str], access_needs: [false, str],
  age_band: [false, CODED], postcode_district: [false, str],
};
const REFERRAL = {
  id: [true, str], reference: [true, (v) => str(v) && /^FL-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(v)],
  started_at: [false, time], submitted_at: [false, time], assisted: [true, bool],
  safety_concern: [false, bool], reasons: [true, [CODED]], reason_other: [false, str],
  activities: [true, [CODED]], barriers: [true, [CODED]], support: [false, CODED],
  goals: [true, [GOAL]], referred_by: [false, CODED], baseline_checkin_id: [false, str],
};
const ANSWER = { item: [true, str], question: [false, str], score: [false, int], label: [false, str] };
const DERIVED = {
  total: [false, int], total_max: [false, int],
  subscales: [false, [{ id: [true, str], score: [false, int], max: [true, int] }]],
  category: [false, (v) => ['flourishing', 'moderately-mentally-healthy', 'languishing'].includes(v)],
  bands: [false, [{ item: [true, str], band: [true, (v) => ['very-low', 'low', 'medium', 'high', 'very-high'].includes(v)] }]],
};
const RESPONSE = {
  instrument_id: [true, str], instrument_version: [true, str], instrument_name: [false, str],
  questionnaire: [true, (v) => str(v) && /^https:\/\/.+\|.+$/.test(v)],
  answers: [true, [ANSWER]], derived: [false, DERIVED],
};
const UPTAKE = (v, at, problems) => {
  if (v?.kind === 'none-yet') return check(v, { kind: [true, str] }, at, problems);
  if (v?.kind === 'went') {
    return check(v, { kind: [true, str], activities: [true, [CODED]], something_else: [false, str] }, at, problems);
  }
  problems.push(`${at}: kind must be none-yet or went`);
};
const CHECKIN = {
  id: [true, str], started_at: [true, time], finished_at: [true, time], assisted: [true, bool],
  responses: [true, [RESPONSE]], activities: [false, UPTAKE],
  goal_updates: [false, [{ goal_id: [true, str], goal: [false, str], status: [true, CODED] }]],
  new_goals: [false, [GOAL]], journey_step: [false, CODED],
};
const ENVELOPE = {
  format: [true, (v) => v === 'flourish-submission'], version: [true, (v) => v === 1],
  id: [true, str], kind: [true, (v) => v === 'referral' || v === 'check-ins'],
  created_at: [true, time], app_version: [true, str], person: [true, PERSON],
  referral: [false, REFERRAL], checkins: [true, [CHECKIN]],
};

function check(value, shape, at, problems) {
  if (typeof shape === 'function') {
    if (shape.length === 3) return shape(value, at, problems);
    if (!shape(value)) problems.push(`${at}: ${JSON.stringify(value)} is not allowed`);
    return;
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return problems.push(`${at}: not a list`);
    value.forEach((v, i) => check(v, shape[0], `${at}[${i}]`, problems));
    return;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return problems.push(`${at}: not an object`);
  for (const [field, [required, inner]] of Object.entries(shape)) {
    if (!(field in value)) {
      if (required) problems.push(`${at}.${field}: missing`);
    } else {
      check(value[field], inner, `${at}.${field}`, problems);
    }
  }
  for (const field of Object.keys(value)) {
    if (!(field in shape)) problems.push(`${at}.${field}: not a documented field`);
  }
}

/** Problems with an envelope's shape; empty when it is what the format documents. */
export function checkEnvelope(envelope) {
  const problems = [];
  check(envelope, ENVELOPE, '$', problems);
  if (envelope?.kind === 'referral' && !envelope.referral) problems.push('$.referral: missing for kind referral');
  if (envelope?.kind === 'check-ins' && envelope.referral) problems.push('$.referral: present for kind check-ins');
  if (envelope?.kind === 'check-ins' && !envelope.checkins?.length) problems.push('$.checkins: empty for kind check-ins');
  return problems;
}

export async function startJsonReceiver({ port = 0, allowOrigins = ['*'] } = {}) {
  const stored = new Map();
  const received = [];
  const findings = [];

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const reply = (status, body, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    if (url.pathname === '/__receiver/stored') return reply(200, Object.fromEntries(stored));
    if (url.pathname === '/__receiver/findings') return reply(200, findings);
    const cors = corsHeaders(req.headers.origin, allowOrigins, req.method === 'OPTIONS');
    if (req.method === 'OPTIONS') return reply(204, undefined, cors);
    if (req.method !== 'POST') return reply(405, { error: 'POST only' }, cors);
    const text = await readText(req);
    const key = req.headers['idempotency-key'];
    const refuse = (status, error) => {
      findings.push(`${key ?? '(no key)'}: ${error}`);
      received.push({ key, status, body: text });
      reply(status, { error }, cors);
    };
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
      return refuse(415, `Content-Type ${req.headers['content-type']} is not application/json`);
    }
    let envelope;
    try {
      envelope = JSON.parse(text);
    } catch {
      return refuse(400, 'the body is not JSON');
    }
    if (!key) return refuse(400, 'no Idempotency-Key header');
    if (key !== envelope.id) return refuse(400, `Idempotency-Key ${key} is not the envelope's id ${envelope.id}`);
    const problems = checkEnvelope(envelope);
    if (problems.length) return refuse(422, problems.join('; '));
    if (stored.has(key)) {
      if (JSON.stringify(stored.get(key)) !== JSON.stringify(envelope)) {
        findings.push(`${key}: a resend differs from what was first stored`);
      }
      received.push({ key, status: 200, body: text });
      return reply(200, { id: key, stored: 'before' }, cors);
    }
    stored.set(key, envelope);
    received.push({ key, status: 201, body: text });
    return reply(201, { id: key, stored: 'now' }, cors);
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /** The endpoint the app is configured with. */
    url: `${origin}/submissions`,
    stored: () => new Map(stored),
    received,
    findings,
    reset() {
      stored.clear();
      received.length = 0;
      findings.length = 0;
    },
    close: () => new Promise((ok) => {
      server.closeAllConnections?.();
      server.close(ok);
    }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--port');
  const r = await startJsonReceiver({ port: i > 0 ? Number(process.argv[i + 1]) : 0 });
  console.log(JSON.stringify({ url: r.url }));
}
