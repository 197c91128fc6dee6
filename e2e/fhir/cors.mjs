// The CORS headers a service must send so that the app, served from another origin, can
// POST to it from the browser. The README's list for services is this file.
//
// Preflight (OPTIONS) answer, status 204:
//   Access-Control-Allow-Origin: <the app's origin>   (or * for a public endpoint)
//   Access-Control-Allow-Methods: POST, OPTIONS
//   Access-Control-Allow-Headers: content-type, accept, idempotency-key
//   Access-Control-Max-Age: 600                         (optional: fewer preflights)
//   Vary: Origin
// Every other answer, errors included (a 503 without them reaches the app as a network error):
//   Access-Control-Allow-Origin: <the app's origin>
//   Access-Control-Expose-Headers: Retry-After          (else the app cannot read it)
//   Vary: Origin

/** Request headers the app may send: Content-Type (application/fhir+json or application/json
 * are not CORS-safelisted values, so every send is preflighted), Accept, Idempotency-Key. */
export const CORS_ALLOW_HEADERS = 'content-type, accept, idempotency-key';
/** Methods the app uses. */
export const CORS_ALLOW_METHODS = 'POST, OPTIONS';
/** Response headers the app reads beyond the safelisted ones. */
export const CORS_EXPOSE_HEADERS = 'Retry-After';

/** The CORS headers for a request from `origin`, or none when `allowed` does not list it. */
export function corsHeaders(origin, allowed, preflight) {
  if (!origin || !(allowed.includes('*') || allowed.includes(origin))) return {};
  const headers = { 'access-control-allow-origin': origin, vary: 'Origin' };
  if (preflight) {
    headers['access-control-allow-methods'] = CORS_ALLOW_METHODS;
    headers['access-control-allow-headers'] = CORS_ALLOW_HEADERS;
    headers['access-control-max-age'] = '600';
  } else {
    headers['access-control-expose-headers'] = CORS_EXPOSE_HEADERS;
  }
  return headers;
}
