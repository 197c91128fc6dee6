// The whole body of a request or a reply, as every test server here reads it.

/** Everything a readable stream (a request or a reply) carries, as one Buffer. */
export function collect(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** A request's body as UTF-8 text. */
export async function readText(req) {
  return (await collect(req)).toString('utf8');
}
