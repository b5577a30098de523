import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module.js';
import { createFastifyAdapter } from '../app.setup.js';
import { createLogger } from '../common/logging/logger.js';
import type { AppConfig } from '../config/app-config.js';
import { buildOpenApiDocument } from './openapi-document.js';

/**
 * The document /docs would serve, built without a database: Nest's preview mode reads routes and
 * DTOs without instantiating a provider, so nothing connects. For `npm run openapi:document` and
 * the tests' response validator.
 */
export async function buildPreviewOpenApiDocument(config: AppConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, databaseUrl: 'postgres://preview.invalid/none' }),
    createFastifyAdapter(config, createLogger({ ...config, LOG_LEVEL: 'silent' })),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    return buildOpenApiDocument(app, config.APP_PUBLIC_URL);
  } finally {
    await app.close();
  }
}
