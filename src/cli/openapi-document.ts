import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module.js';
import { createFastifyAdapter } from '../app.setup.js';
import { createLogger } from '../common/logging/logger.js';
import { loadConfig } from '../config/app-config.js';
import { buildOpenApiDocument } from '../openapi/openapi-document.js';

/**
 * `npm run openapi:document [file]`: writes the OpenAPI document /docs serves (default
 * dist/openapi.json) without a database: Nest's preview mode reads the routes and DTOs without
 * instantiating a provider, so nothing connects.
 */
async function main(): Promise<void> {
  const target = path.resolve(process.argv[2] ?? 'dist/openapi.json');
  const config = { ...loadConfig(), LOG_LEVEL: 'silent' as const };
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, databaseUrl: 'postgres://preview.invalid/none' }),
    createFastifyAdapter(config, createLogger(config)),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    const document = buildOpenApiDocument(app, config.APP_PUBLIC_URL);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `${JSON.stringify(document, null, 2)}\n`);
    console.log(`OpenAPI document: ${Object.keys(document.paths).length} paths written to ${path.relative(process.cwd(), target)}`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(`OpenAPI document failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
