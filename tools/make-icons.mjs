// Renders the app's icons (web manifest, home screen) from apps/web/public/icons/icon.svg with the
// system Chromium: `node tools/make-icons.mjs` after changing the SVG; the PNGs are committed.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const dir = new URL('../apps/web/public/icons/', import.meta.url);
const svg = readFileSync(new URL('icon.svg', dir), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
// A maskable icon keeps its drawing inside the middle 80 %: the launcher may cut a circle out of it.
const variants = [
  { name: 'icon-192.png', size: 192, padding: 0, square: false },
  { name: 'icon-512.png', size: 512, padding: 0, square: false },
  { name: 'icon-maskable-512.png', size: 512, padding: 0.1, square: true },
  { name: 'apple-touch-icon.png', size: 180, padding: 0, square: true },
];
for (const { name, size, padding, square } of variants) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const body = square ? svg.replace(/rx="96"/, 'rx="0"') : svg;
  const inset = Math.round(size * padding);
  await page.setContent(
    `<html><body style="margin:0;background:${square ? '#087f5b' : 'transparent'}">` +
      `<div style="padding:${inset}px;width:${size - 2 * inset}px;height:${size - 2 * inset}px">` +
      body.replace('<svg ', '<svg width="100%" height="100%" ') +
      '</div></body></html>',
  );
  await page.screenshot({ path: new URL(name, dir).pathname, omitBackground: !square });
  await page.close();
}
await browser.close();
