// A fault-injecting HTTP proxy, programmable from tests, in front of the FHIR server or the
// JSON receiver. Each POST takes the next planned fault (then passes through once the plan is
// used up); preflights (OPTIONS) and GETs always pass, so faults hit only the sends.
//
//   const proxy = await startProxy({ target: fhir.origin });
//   proxy.plan({ status: 500 }, { status: 503, retryAfter: '1' }, 'hang', 'drop', 'lose-reply');
//   // the app's endpoint is proxy.origin + '/fhir'
//
// Faults:
//   'pass'                      forward as it is
//   { status, retryAfter?, body? }  answer this status (with CORS headers and, if given,
//                                Retry-After) without forwarding: the service stored nothing
//   'hang'                      hold the request, never answer (past any client timeout);
//                                the socket is closed when the client gives up or the proxy stops
//   'drop'                      destroy the connection before forwarding: nothing stored
//   'lose-reply'                forward, wait for the service's full answer (it has stored
//                                the submission), then destroy the connection: "accepted but
//                                the reply is lost"
// proxy.offline(true) refuses every request (connection destroyed at once) until
// proxy.offline(false): the device or the service unreachable.
//
// Run alone: node e2e/fhir/proxy.mjs --target http://127.0.0.1:PORT [--port N]; then
// POST /__proxy/plan with a JSON array of faults, POST /__proxy/offline {"offline": bool},
// GET /__proxy/log.
import http from 'node:http';
import { collect } from './body.mjs';
import { corsHeaders } from './cors.mjs';

/** Forwards one request to `target` and collects the whole answer. */
function forward(target, req, body) {
  return new Promise((resolve, reject) => {
    const url = new URL(req.url, target);
    const headers = { ...req.headers, host: url.host };
    delete headers.connection;
    const out = http.request(url, { method: req.method, headers }, (answer) => {
      collect(answer).then((body) => resolve({ status: answer.statusCode, headers: answer.headers, body }), reject);
    });
    out.on('error', reject);
    out.end(body);
  });
}

export async function startProxy({ target, port = 0, allowOrigins = ['*'] }) {
  let planned = [];
  let down = false;
  const log = [];
  const hanging = new Set();

  const apply = async (req, res, fault) => {
    const origin = req.headers.origin;
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault === 'hang') {
      hanging.add(req.socket);
      req.socket.on('close', () => hanging.delete(req.socket));
      return;
    }
    const body = await collect(req);
    if (typeof fault === 'object') {
      const headers = { 'content-type': 'application/json', ...corsHeaders(origin, allowOrigins, false) };
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      res.writeHead(fault.status, headers);
      res.end(fault.body === undefined ? '' : typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body));
      return;
    }
    const answer = await forward(target, req, body);
    if (fault === 'lose-reply') {
      req.socket.destroy();
      return;
    }
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  };

  const control = async (req, res, path) => {
    const reply = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body ?? {}));
    };
    if (req.method === 'POST' && path === 'plan') {
      planned.push(...JSON.parse((await collect(req)).toString() || '[]'));
      return reply(200, { planned });
    }
    if (req.method === 'POST' && path === 'offline') {
      down = Boolean(JSON.parse((await collect(req)).toString() || '{}').offline);
      return reply(200, { offline: down });
    }
    if (req.method === 'GET' && path === 'log') return reply(200, log);
    return reply(404, { error: `no control route ${path}` });
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname.startsWith('/__proxy/')) return control(req, res, url.pathname.slice(9));
    if (down) {
      log.push({ at: Date.now(), method: req.method, path: url.pathname, fault: 'offline' });
      req.socket.destroy();
      return;
    }
    const fault = req.method === 'POST' ? (planned.shift() ?? 'pass') : 'pass';
    log.push({ at: Date.now(), method: req.method, path: url.pathname, fault });
    try {
      await apply(req, res, fault);
    } catch (e) {
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`proxy: ${e.message}`);
      }
    }
  });
  // Keep-alive sockets would outlive close(); the tests want a clean stop.
  server.keepAliveTimeout = 1000;
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /** Queues faults for the next POSTs, in order. */
    plan: (...faults) => planned.push(...faults),
    /** Faults not used yet. */
    pending: () => [...planned],
    /** Refuses every connection while `true`. */
    offline: (value) => { down = value; },
    /** Every request seen: { at, method, path, fault }. */
    log,
    close: () => new Promise((ok) => {
      for (const s of hanging) s.destroy();
      server.closeAllConnections?.();
      server.close(ok);
    }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const target = opt('--target');
  if (!target) {
    console.error('usage: node e2e/fhir/proxy.mjs --target http://127.0.0.1:PORT [--port N]');
    process.exit(2);
  }
  const p = await startProxy({ target, port: Number(opt('--port', '0')) });
  console.log(JSON.stringify({ proxy: p.origin }));
}
