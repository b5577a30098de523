/**
 * The house's dependency rules (issue 16, docs/decisions/014): checked by `npm run lint`.
 * CommonJS because dependency-cruiser reads its configuration with require().
 */
const PURE_CORES =
  '^src/(sovereignty|matches/scoring|meetings/scheduling)/|^src/reference/(data|geo|sectors|sovereignty)/|^src/(needs/need-lifecycle|needs/need-requirements|introductions/introduction-lifecycle|stats/stats-figures|meetings/event-lifecycle)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Feature folders depend on each other in one direction only.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-import-from-controllers',
      comment: 'A controller holds handlers only: constants and helpers live in their own files; modules register controllers.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.module\\.ts$' },
      to: { path: '\\.controller\\.ts$' },
    },
    {
      name: 'typeorm-only-in-repositories',
      comment:
        'TypeORM values (not types) only in repositories, entities, modules, database/, persistence/ and the adapters that hand its pool to a library (PostgreSQL search, the login and partner-key throttle stores).',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot:
          '\\.repository\\.ts$|\\.entity\\.ts$|^src/(database|persistence)/|\\.module\\.ts$|^src/search/postgres/|^src/credentials/auth-throttle\\.service\\.ts$|^src/partners/partner-key-throttle\\.service\\.ts$|^src/demo/|\\.spec\\.ts$',
      },
      to: { path: '^node_modules/(typeorm|@nestjs/typeorm)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pure-cores-stay-pure',
      comment: 'The scoring and sovereignty cores and the state machines import no framework, ORM or I/O.',
      severity: 'error',
      from: { path: PURE_CORES, pathNot: '\\.spec\\.ts$' },
      to: { path: '^node_modules/(@nestjs|typeorm|pg|meilisearch|fastify|nodemailer)/' },
    },
    {
      name: 'pure-cores-import-only-pure-code',
      severity: 'error',
      from: { path: PURE_CORES, pathNot: '\\.spec\\.ts$' },
      to: { path: '^src/', pathNot: `${PURE_CORES}|\\.errors\\.ts$|^src/common/errors/domain-error\\.ts$|^src/common/paris-day\\.ts$` },
    },
    {
      name: 'console-has-no-database',
      comment: 'The console calls services: no DataSource, EntityManager or repository in src/web.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^node_modules/(typeorm|@nestjs/typeorm)/|\\.repository\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
