import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { dataFolderSecret, JWT_SECRET_FILE, resolveJwtSecret } from '../src/credentials/jwt-secret.js';
import { DEV_JWT_SECRET } from '../src/config/app-config.js';
import { bearer, registerVendor } from './support/auth.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Issue 17 item 4: with `npm start` defaults, the published development secret signed tokens. */
describe('The JWT secret without JWT_SECRET', () => {
  const folders: string[] = [];
  const folder = () => {
    const f = mkdtempSync(join(tmpdir(), 'circuit-ia-secret-'));
    folders.push(f);
    return f;
  };
  afterAll(() => {
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  });

  it('is generated once per data folder, mode 0600, and never the development value', () => {
    const data = folder();
    const config = { JWT_SECRET: DEV_JWT_SECRET, NODE_ENV: 'development' as const, EMBEDDED_PG_DIR: join(data, 'postgres') };
    const secret = resolveJwtSecret(config);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(secret).not.toBe(DEV_JWT_SECRET);
    expect(statSync(join(data, JWT_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(resolveJwtSecret(config)).toBe(secret);
    expect(resolveJwtSecret({ ...config, EMBEDDED_PG_DIR: join(folder(), 'postgres') })).not.toBe(secret);
  });

  it('uses JWT_SECRET when set, and tightens a secret file someone made readable', () => {
    expect(resolveJwtSecret({ JWT_SECRET: 'x'.repeat(40), NODE_ENV: 'development', EMBEDDED_PG_DIR: join(folder(), 'postgres') })).toBe(
      'x'.repeat(40),
    );
    const data = folder();
    writeFileSync(join(data, JWT_SECRET_FILE), `${'a'.repeat(64)}\n`, { mode: 0o644 });
    expect(dataFolderSecret(data)).toBe('a'.repeat(64));
    expect(statSync(join(data, JWT_SECRET_FILE)).mode & 0o777).toBe(0o600);
    writeFileSync(join(data, JWT_SECRET_FILE), 'short');
    expect(() => dataFolderSecret(data)).toThrow(/no usable secret/);
  });

  describe('an app started in development without JWT_SECRET', () => {
    let t: TestApp;
    let data: string;
    beforeAll(async () => {
      data = folder();
      t = await createTestApp({ env: { NODE_ENV: 'development', EMBEDDED_PG_DIR: join(data, 'postgres') } });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('refuses an admin token forged with the published development secret, and accepts its own', async () => {
      const vendor = await registerVendor(t);
      await request(t.server).get('/me').set(bearer(vendor)).expect(200);
      const sid = (new JwtService({}).decode(vendor.accessToken) as { sid: string }).sid;
      const forged = new JwtService({ secret: DEV_JWT_SECRET }).sign({ sub: vendor.userId, role: 'admin', sid });
      await request(t.server).get('/me').set(bearer(forged)).expect(401);
      const own = new JwtService({ secret: readFileSync(join(data, JWT_SECRET_FILE), 'utf8').trim() }).sign({
        sub: vendor.userId,
        role: 'vendor',
        sid,
      });
      await request(t.server).get('/me').set(bearer(own)).expect(200);
    });
  });
});
