// Renders public/favicon.svg (the source) to public/favicon.png, the icon the pages link. A PNG
// because Chromium rasterises an SVG favicon in an SVG document of its own on the page's main
// thread (~7 ms here, its 汉字 shaped with the CJK font), and that lands just as the catalog's first
// list is being drawn; a PNG is decoded off that thread.
//
//   node scripts/render-favicon.mjs
import { chromium } from '@playwright/test';
import fs from 'node:fs';
const svg = fs.readFileSync('public/favicon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 64, height: 64 }, deviceScaleFactor: 1 });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="64" height="64" ')}</body></html>`);
await page.screenshot({ path: 'public/favicon.png', omitBackground: true });
await browser.close();
