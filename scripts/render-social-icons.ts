/**
 * Makes the social icons once (`npm run render:social-icons`); the PNGs are committed in
 * server/media/social-icons/ and served at /media/social/<network>.png. Each is a circle in the
 * network's colour with its mark in white, from simple-icons (CC0), drawn by Chromium at 64×64 (shown
 * at 32×32). LinkedIn asked simple-icons to remove its mark, so its icon is the letters "in" set in
 * a plain bold sans-serif instead. PNG because Gmail and Outlook show no SVG.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { siFacebook, siInstagram, siTiktok, siX, siYoutube } from 'simple-icons';
import { SOCIAL_ICON_SIZE, SOCIAL_NETWORKS, type SocialNetworkId } from '../src/template/social-networks.ts';
import { findChromium } from '../test/support/chromium-binary.ts';

const OUT_DIR = fileURLToPath(new URL('../server/media/social-icons/', import.meta.url));
const SIZE = SOCIAL_ICON_SIZE.drawn;

const circle = (color: string) => `<circle cx="12" cy="12" r="12" fill="#${color}"/>`;
// The 24×24 mark scaled to 58% and centred in the circle.
const mark = (path: string) => `<path transform="translate(5.04 5.04) scale(0.58)" fill="#ffffff" d="${path}"/>`;

const ICONS: Record<SocialNetworkId, string> = {
  facebook: circle(siFacebook.hex) + mark(siFacebook.path),
  instagram: circle(siInstagram.hex) + mark(siInstagram.path),
  x: circle(siX.hex) + mark(siX.path),
  linkedin:
    circle('0A66C2') +
    '<text x="12" y="16.6" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-weight="700" font-size="13" fill="#ffffff">in</text>',
  youtube: circle(siYoutube.hex) + mark(siYoutube.path),
  tiktok: circle(siTiktok.hex) + mark(siTiktok.path),
};

const { path: executablePath } = await findChromium();
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  mkdirSync(OUT_DIR, { recursive: true });
  for (const network of SOCIAL_NETWORKS) {
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 24 24">${ICONS[network.id]}</svg></body></html>`,
    );
    writeFileSync(`${OUT_DIR}${network.id}.png`, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } }));
  }
} finally {
  await browser.close();
}
