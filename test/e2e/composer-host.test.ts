/**
 * The composer as a separate app installs it: `npm run build:lib`, `npm pack`, a copy of
 * examples/host installing the tarball from the registry cache, a Vite build of it, served on
 * 127.0.0.1 and driven in Chromium. Nothing here reaches into src/: if the package's exports,
 * declarations, CSS or dependencies are wrong, the install, the build or the page fails.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ROOT } from '../support/child-server.ts';
import { launchChromium, newContext, screenshotBothSizes } from '../support/e2e-browser.ts';
import { nodesOfType } from '../support/doc-nodes.ts';
import { waitForText } from '../support/e2e-page.ts';

const run = promisify(execFile);
const FOUR_MINUTES = 4 * 60_000;
const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

let workDir: string;
let server: Server;
let origin: string;
let browser: Browser;
let page: Page;

/** The built host app's files, nothing else (no directory listing, no paths outside dist). */
function serveStatic(dir: string): Server {
  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir)) return void response.writeHead(404).end();
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'memberlink-host-'));
  await run('npm', ['run', 'build:lib'], { cwd: ROOT });
  const { stdout } = await run('npm', ['pack', '--pack-destination', workDir], { cwd: ROOT });
  const tarball = join(workDir, stdout.trim().split('\n').at(-1)!);

  const app = join(workDir, 'host');
  cpSync(join(ROOT, 'examples/host'), app, { recursive: true, filter: (source) => !/node_modules|dist/.test(source.slice(ROOT.length)) });
  const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
  manifest.dependencies.memberlink = `file:${tarball}`;
  writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: app, maxBuffer: 16 << 20 });
  await run(join(app, 'node_modules/.bin/vite'), ['build'], { cwd: app });

  server = serveStatic(join(app, 'dist'));
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${port}`;
  browser = await launchChromium();
  page = await (await newContext(browser, origin)).newPage();
}, FOUR_MINUTES);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('a separate Vite + React app with the packed composer installed', () => {
  it('composes with a merge field and a magic-link button, shows the value and a preview', async () => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(origin);

    await page.getByRole('textbox', { name: 'Subject' }).click();
    await page.keyboard.type('Your lessons');
    await page.getByRole('textbox', { name: 'Email body' }).click();
    await page.keyboard.type('Hi {{first');
    await page.getByRole('option', { name: /First name/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type(', welcome.');
    await page.getByRole('button', { name: 'Magic link' }).click();
    const magic = page.getByRole('dialog', { name: 'Magic link' });
    await magic.getByLabel('Destination').selectOption({ label: 'Piano basics' });
    await magic.getByRole('button', { name: 'Insert as button' }).click();

    const shown = page.getByLabel('Composer value');
    await waitForText(shown, /magic_link\.course\.42/);
    const value = JSON.parse((await shown.textContent()) ?? '');
    expect(value.subject).toBe('Your lessons');
    expect(nodesOfType(value.body, 'mergeField').map((node) => node.attrs?.key)).toEqual(['contact.first_name']);
    expect(nodesOfType(value.body, 'button').map((node) => node.attrs?.href)).toEqual(['{{magic_link.course.42}}']);

    // The host's preview provider fills the catalog's samples into the text part.
    const preview = page.getByRole('region', { name: 'Preview' });
    await waitForText(preview, 'Your lessons');
    const frame = page.frameLocator('iframe[title="Email preview"]');
    await waitForText(frame, /Hi Ada, welcome\./);
    await waitForText(frame, 'Open Piano basics: https://academy.example.com/courses/42?token=preview');
    expect(pageErrors).toEqual([]);

    // Away from the button, so its settings popover closes before the screenshots.
    await page.getByRole('heading', { name: 'Value' }).click();
    const problems = await screenshotBothSizes(page, 'composer-host', preview);
    expect(problems).toEqual([]);
  });
});
