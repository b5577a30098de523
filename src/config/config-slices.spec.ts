import { DECLARED_VARIABLES, loadConfig, OPTIONAL_VARIABLES } from './app-config.js';
import { chooseBackend, configSlices } from './config-slices.js';

describe('declared variables', () => {
  it('finds the variables without a default from their decorators alone', () => {
    expect([...OPTIONAL_VARIABLES].sort()).toEqual(
      [
        'ADMIN_EMAIL',
        'ADMIN_PASSWORD',
        'COMPANY_REGISTRY_URL',
        'DATABASE_URL',
        'DEMO_DATA',
        'MEILI_API_KEY',
        'MEILI_URL',
        'PG_BIN_DIR',
        'SEARCH_BACKEND',
        'SMTP_URL',
      ].sort(),
    );
  });

  it('reads an optional variable from the environment like any other', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }).SMTP_URL).toBe('smtp://127.0.0.1:2525');
    expect(DECLARED_VARIABLES).toContain('PORT');
  });
});

describe('configuration slices', () => {
  it('hands each feature its own names for the variables it reads', () => {
    const slices = configSlices(
      loadConfig({ OUTBOX_POLL_MS: '250', REMINDER_DAYS: '7', MEILI_URL: 'http://127.0.0.1:7700', MEILI_API_KEY: 'k'.repeat(16) }),
    );
    expect(slices.outbox).toEqual({ enabled: true, pollMs: 250, batchSize: 100 });
    expect(slices.reminders).toEqual({ enabled: true, days: 7 });
    expect(slices.search).toEqual({
      backend: 'meilisearch',
      meiliUrl: 'http://127.0.0.1:7700',
      meiliApiKey: 'k'.repeat(16),
      meiliTimeoutMs: 5000,
      cacheEntries: 1000,
    });
    expect(slices.auth).toMatchObject({ accessTtlSeconds: 900, refreshTtlDays: 30 });
  });

  it.each([
    [{}, 'postgres'],
    [{ MEILI_URL: 'http://m:7700' }, 'meilisearch'],
    [{ MEILI_URL: 'http://m:7700', SEARCH_BACKEND: 'postgres' as const }, 'postgres'],
  ])('chooses the search backend from %j', (config, backend) => {
    expect(chooseBackend(config)).toBe(backend);
  });
});
