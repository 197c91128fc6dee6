// The large directory the benchmark serves: the shipped sample repeated, made exactly as
// the Rust core's fixture (`src/domain/directory/fixture.rs`) makes it, so the browser and
// native timings are of the same file. With DIRECTORY_FIXTURE set (the test command writes
// the Rust-made file there), that file is served instead.
import { readFile } from 'node:fs/promises';

const DISTRICTS = ['WX1', 'WX2', 'WX3', 'WX4', 'WX5', 'WX6', 'WX7', 'WX8', 'WX9', 'WX10', 'WX11', 'WX12', 'WY1', 'WY2', 'WZ1'];

/** A directory file of `count` services as JSON text. */
export async function generatedDirectory(count) {
  if (process.env.DIRECTORY_FIXTURE) return readFile(process.env.DIRECTORY_FIXTURE, 'utf8');
  const sample = JSON.parse(await readFile(new URL('../public/directory.json', import.meta.url), 'utf8'));
  const records = Array.from({ length: count }, (_, k) => {
    const r = structuredClone(sample[k % sample.length]);
    r.id = `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;
    r.name = `${r.name} ${k + 1}`;
    const address = r.service_at_locations?.[0]?.location?.addresses?.[0];
    if (address) address.postal_code = `${DISTRICTS[k % DISTRICTS.length]} ${k % 10}AB`;
    return r;
  });
  return JSON.stringify(records);
}
