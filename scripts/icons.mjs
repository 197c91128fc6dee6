// Renders the app icons from public/icon.svg with Debian's Chromium (playwright-core), so the
// PNGs never drift from the SVG: 192 and 512 px as drawn, and a 512 px maskable icon whose
// drawing sits inside the central 80% safe zone on the brand colour. Run it after changing
// the SVG: `node scripts/icons.mjs`, then commit the PNGs.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS } from '../e2e/helpers.mjs';

const svg = readFileSync('public/icon.svg', 'utf8');
const BRAND = '#1d4f45';
const icons = [
  { file: 'public/icon-192.png', size: 192, inset: 0 },
  { file: 'public/icon-512.png', size: 512, inset: 0 },
  // Launchers crop maskable icons to a circle or squircle: keep the drawing in the middle 80%.
  { file: 'public/icon-maskable-512.png', size: 512, inset: 0.1 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
try {
  for (const { file, size, inset } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const pad = Math.round(size * inset);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:${inset ? BRAND : 'transparent'}}
      svg{display:block;margin:${pad}px;width:${size - 2 * pad}px;height:${size - 2 * pad}px}</style>${svg}`);
    await page.screenshot({ path: file, omitBackground: !inset });
    await page.close();
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
}
