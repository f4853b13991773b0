#!/usr/bin/env node
// Renders the web app manifest's PNG icons from static/favicon.svg with the test Chromium:
// `node scripts/icons.mjs`. The maskable icon draws the same picture inside the 80% safe zone on a
// full-bleed background, since launchers cut their own shape out of it.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const dir = path.join(import.meta.dirname, '..', 'static');
const svg = fs.readFileSync(path.join(dir, 'favicon.svg'), 'utf8');
const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true }
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const { file, size, maskable } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inner = maskable ? Math.round(size * 0.8) : size;
    const picture = `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${inner}" height="${inner}">`;
    await page.setContent(
      `<body style="margin:0;display:grid;place-items:center;height:${size}px;background:${maskable ? '#1f5fbf' : 'transparent'}">${picture}</body>`
    );
    await page.screenshot({ path: path.join(dir, file), omitBackground: !maskable });
    await page.close();
    console.log(`${file}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
