import { launchChromium } from './lib/chromium.mjs';
import { serveStatic } from './lib/static-server.mjs';
const server = await serveStatic(process.argv[2], { withHeaders: true });
const browser = await launchChromium();
for (const [device, viewport] of Object.entries({
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
})) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  for (const [name, url] of Object.entries({ front: '/category/economy/1/', numbered: '/category/economy/2/' })) {
    const page = await context.newPage();
    await page.goto(server.origin + url, { waitUntil: 'networkidle' });
    await page.locator('.pagination').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/b/shot-${name}-${device}.png` });
    await page.close();
  }
  await context.close();
}
await browser.close();
await server.close();
