/** Images for the e2e suite, made by the browser itself (no binary fixtures in the repository). */
import type { Page } from 'playwright-core';

/** A real PNG (a painted banner), painted in a page of `page`'s context. */
export async function bannerPng(page: Page, text: string, color: string): Promise<Buffer> {
  const painter = await page.context().newPage();
  await painter.setViewportSize({ width: 600, height: 240 });
  await painter.setContent(
    `<body style="margin:0"><div style="width:600px;height:240px;display:grid;place-items:center;background:linear-gradient(135deg,${color},#111827);color:#fff;font:700 40px sans-serif">${text}</div></body>`,
  );
  const png = await painter.screenshot({ type: 'png' });
  await painter.close();
  return png;
}
