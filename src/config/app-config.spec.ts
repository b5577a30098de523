import { ConfigValidationError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, NODE_ENV: 'development', MIGRATIONS_RUN: true, EMBEDDED_PG_DIR: './.data/postgres' });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', '8080', 8080],
    ['MIGRATIONS_RUN', 'false', false],
    ['TRUST_PROXY', 'yes', true],
    ['DATABASE_URL', 'postgres://u:p@db:5432/circuit', 'postgres://u:p@db:5432/circuit'],
    ['DATABASE_URL', '', undefined],
  ])('reads %s=%s as %p', (key, raw, expected) => {
    expect((loadConfig({ [key]: raw }) as unknown as Record<string, unknown>)[key]).toEqual(expected);
  });

  it('fails listing every invalid variable at once', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', NODE_ENV: 'staging', DATABASE_URL: 'mysql://x', MIGRATIONS_RUN: 'maybe', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigValidationError);
    const problems = (caught as ConfigValidationError).problems.map((p) => p.split(':')[0]);
    expect(new Set(problems)).toEqual(new Set(['PORT', 'NODE_ENV', 'DATABASE_URL', 'MIGRATIONS_RUN', 'LOG_LEVEL']));
    expect((caught as Error).message).toContain('PORT');
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ SOMETHING_ELSE: '1', HOME: '/root' })).not.toThrow();
  });
});

describe('loadConfig: authentication variables', () => {
  it('refuses the development JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toBe('x'.repeat(32));
  });

  it('refuses a JWT secret shorter than 32 characters', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'admin@example.fr' })).toThrow(/ADMIN_EMAIL/);
    expect(loadConfig({ ADMIN_EMAIL: 'admin@example.fr', ADMIN_PASSWORD: 'long enough secret phrase' }).ADMIN_EMAIL).toBe(
      'admin@example.fr',
    );
  });

  it('defaults token lifetimes and the auth rate limit', () => {
    expect(loadConfig({})).toMatchObject({ JWT_ACCESS_TTL_SECONDS: 900, REFRESH_TOKEN_TTL_DAYS: 30, AUTH_RATE_LIMIT_PER_MINUTE: 10 });
  });

  it('defaults introduction reminders to on, after 5 days', () => {
    expect(loadConfig({})).toMatchObject({ REMINDERS_ENABLED: true, REMINDER_DAYS: 5 });
    expect(loadConfig({ REMINDER_DAYS: '14', REMINDERS_ENABLED: 'false' })).toMatchObject({ REMINDER_DAYS: 14, REMINDERS_ENABLED: false });
  });

  it.each(['0', '91', 'five', '2.5'])('refuses REMINDER_DAYS=%s', (raw) => {
    expect(() => loadConfig({ REMINDER_DAYS: raw })).toThrow(/REMINDER_DAYS/);
  });
});
