/**
 * Image uploads on both drivers: stored under DATA_DIR by content hash (the same file once, at one
 * address), served publicly with year-long immutable caching and the type its bytes are, refused
 * when the bytes are not PNG/JPEG/GIF/WebP (whatever the name or declared type) or over the cap, and
 * only for roles holding media.write. The shipped social icons are served the same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { staffUsers } from '../../server/db/schema.ts';
import { openSession, SESSION_COOKIE } from '../../server/auth/sessions.ts';
import { MAX_IMAGE_BYTES } from '../../src/contract/media.ts';
import { SOCIAL_NETWORKS } from '../../src/template/social-networks.ts';
import { okBody } from '../support/fixtures.ts';
import { createMemberSite, type MemberSiteFixture } from '../support/member-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';

const ORIGIN = 'http://localhost:3000';
const PNG = readFileSync('server/media/social-icons/facebook.png');
// Only the leading bytes matter to the type check; the rest stands for the picture.
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('jpeg picture data')]);
const GIF = Buffer.from('GIF89a gif picture data');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 webp picture data')]);
const IMMUTABLE = 'public, max-age=31536000, immutable';

describe.each(TEST_DRIVERS)('image uploads on %s', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;
  let admin: string;
  let agent: string;

  const upload = (cookie: string, body: Buffer, contentType = 'image/png', method: InjectOptions['method'] = 'POST') =>
    t.app.inject({
      method,
      url: `/api/sites/${s.site.id}/media`,
      headers: { cookie: `${SESSION_COOKIE.staff}=${cookie}`, origin: ORIGIN, 'content-type': contentType },
      payload: body,
    });
  const pathOf = (url: string) => new URL(url).pathname;

  beforeAll(async () => {
    t = await startTestApp(driver);
    s = await createMemberSite(t, 'media');
    const staffRow = async (email: string, role: 'admin' | 'agent') =>
      (await t.ctx.db.insert(staffUsers).values({ siteId: s.site.id, email, role }).returning())[0].id;
    admin = (await openSession(t.ctx.db, 'staff', s.site.id, await staffRow('admin@media.example', 'admin'), t.clock.now)).token;
    agent = (await openSession(t.ctx.db, 'staff', s.site.id, await staffRow('agent@media.example', 'agent'), t.clock.now)).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores an upload under DATA_DIR by its sha256 and serves it publicly, cached for a year, with its real type', async () => {
    const res = await upload(admin, PNG);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    const sha256 = (await import('node:crypto')).createHash('sha256').update(PNG).digest('hex');
    expect(body).toEqual({ url: `${ORIGIN}/media/${sha256}.png`, sha256, contentType: 'image/png', bytes: PNG.length });
    expect(existsSync(join(t.config.dataDir, 'media', sha256.slice(0, 2), `${sha256}.png`))).toBe(true);

    // No credentials: a mail client fetches it.
    const served = await t.app.inject({ method: 'GET', url: pathOf(body.url) });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(PNG)).toBe(true);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe(IMMUTABLE);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect((await t.app.inject({ method: 'HEAD', url: pathOf(body.url) })).statusCode).toBe(200);
  });

  it('the same file uploaded twice is stored once, at the same address', async () => {
    const first = okBody(await upload(admin, JPEG, 'image/jpeg'), 201);
    const second = okBody(await upload(admin, JPEG, 'application/octet-stream'), 201);
    expect(second).toEqual(first);
    expect(first.contentType).toBe('image/jpeg');
    expect(first.url).toMatch(/\.jpg$/);
  });

  it('takes the type from the bytes: a GIF or WebP declared as PNG is stored and served as what it is', async () => {
    for (const [bytes, type, extension] of [[GIF, 'image/gif', 'gif'], [WEBP, 'image/webp', 'webp']] as const) {
      const stored = okBody(await upload(admin, bytes, 'image/png'), 201);
      expect(stored.contentType).toBe(type);
      expect(stored.url.endsWith(`.${extension}`)).toBe(true);
      expect((await t.app.inject({ method: 'GET', url: pathOf(stored.url) })).headers['content-type']).toBe(type);
    }
  });

  it('refuses a file that is not an image, whatever it claims to be: 415 with a clear message', async () => {
    for (const fake of [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), Buffer.from('<html>hi</html>'), Buffer.from('%PDF-1.7')]) {
      const res = await upload(admin, fake, 'image/png');
      expect(res.statusCode).toBe(415);
      expect(res.json().error).toMatchObject({ code: 'not_an_image', field: 'body' });
      expect(res.json().error.message).toContain('not a PNG, JPEG, GIF or WebP image');
    }
    expect((await upload(admin, Buffer.from('<svg/>'), 'image/svg+xml')).statusCode).toBe(415);
  });

  it('refuses an image over the size cap, naming the cap', async () => {
    const oversized = Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES + 1 - PNG.length)]);
    const res = await upload(admin, oversized);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'image_too_large', maxBytes: MAX_IMAGE_BYTES });
    expect(res.json().error.message).toBe(
      'This image is 5.0 MB; images can be at most 5 MB. Make it smaller (for example, save it 1200 pixels wide) and upload it again.',
    );
    expect((await upload(admin, Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES - PNG.length)]))).statusCode).toBe(201);
  });

  it('an empty body is refused naming what to send', async () => {
    const res = await upload(admin, Buffer.alloc(0));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('no_file');
  });

  it('needs media.write: an agent gets 403 naming it, and no credentials get 401', async () => {
    const refused = await upload(agent, GIF, 'image/gif');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'forbidden', permission: 'media.write' });
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/sites/${s.site.id}/media`, headers: { 'content-type': 'image/png' }, payload: PNG });
    expect(anonymous.statusCode).toBe(401);
    // An API key of a manager role may upload too.
    const keyUpload = await t.app.inject({
      method: 'POST',
      url: `/api/sites/${s.site.id}/media`,
      headers: { authorization: `Bearer ${'test-bootstrap-key-0123456789abcdef'}`, 'content-type': 'image/gif' },
      payload: GIF,
    });
    expect(keyUpload.statusCode).toBe(201);
  });

  it('answers 404 for names that are not stored or not content addresses, without touching the disk', async () => {
    for (const url of [`/media/${'0'.repeat(64)}.png`, '/media/..%2F..%2Fmaster.key', '/media/facebook.png', `/media/${'a'.repeat(64)}.svg`]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('serves every shipped social icon as a PNG at a stable public address', async () => {
    for (const network of SOCIAL_NETWORKS) {
      const res = await t.app.inject({ method: 'GET', url: `/media/social/${network.id}.png` });
      expect(res.statusCode, network.id).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(res.rawPayload.subarray(0, 8).equals(PNG.subarray(0, 8))).toBe(true);
    }
    expect((await t.app.inject({ method: 'GET', url: '/media/social/myspace.png' })).statusCode).toBe(404);
  });

  it('a social links row in a preview loads its icons from memberlink\'s public address, and an uploaded image is a valid src', async () => {
    const uploaded = okBody(await upload(admin, PNG), 201);
    const document = {
      subject: 'Follow us',
      previewText: '',
      body: {
        type: 'doc',
        content: [
          { type: 'image', attrs: { src: uploaded.url, alt: 'Our logo', width: 200, href: '{{magic_link.courses}}' } },
          { type: 'socialLinks', attrs: { links: [{ network: 'instagram', url: 'https://instagram.com/media_school' }] } },
        ],
      },
    };
    const res = await t.api('POST', `/api/sites/${s.site.id}/preview`, { channel: 'email', document });
    expect(res.statusCode, res.body).toBe(200);
    const { html, text } = res.json();
    expect(html).toContain(`src="${ORIGIN}/media/social/instagram.png"`);
    expect(html).toContain(`src="${uploaded.url}"`);
    expect(text).toContain('Instagram: https://instagram.com/media_school');
    const icon = new URL(html.match(/src="([^"]*instagram\.png)"/)[1]);
    expect((await t.app.inject({ method: 'GET', url: icon.pathname })).statusCode).toBe(200);
  });

  it('an image still without a description is previewed (as sent: empty alt), while saving it is refused naming the description', async () => {
    const uploaded = okBody(await upload(admin, PNG), 201);
    const content = { subject: 'New studio', previewText: '', body: { type: 'doc', content: [{ type: 'image', attrs: { src: uploaded.url, alt: '' } }] } };
    const preview = await t.api('POST', `/api/sites/${s.site.id}/preview`, { channel: 'email', document: content });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().html).toContain(`src="${uploaded.url}"`);
    const saved = await t.api('POST', `/api/sites/${s.site.id}/templates`, { name: 'Studio', channel: 'email', content });
    expect(saved.statusCode).toBe(400);
    expect(saved.json().error.field).toBe('content.body.content[0].attrs.alt');
    expect(saved.json().error.message).toMatch(/^Image has no description/);
  });

  it('describes the upload in the OpenAPI document with its permission and image body types', async () => {
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operation = openapi.paths['/api/sites/{siteId}/media'].post;
    expect(operation['x-permission']).toBe('media.write');
    expect(Object.keys(operation.requestBody.content)).toEqual(expect.arrayContaining(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/octet-stream']));
    expect(operation.responses['201']).toBeDefined();
  });
});
