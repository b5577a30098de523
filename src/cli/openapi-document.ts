import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/app-config.js';
import { buildPreviewOpenApiDocument } from '../openapi/preview-document.js';

/** `npm run openapi:document [file]`: writes the OpenAPI document /docs serves (default dist/openapi.json), no database needed. */
async function main(): Promise<void> {
  const target = path.resolve(process.argv[2] ?? 'dist/openapi.json');
  const document = await buildPreviewOpenApiDocument(loadConfig());
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`OpenAPI document: ${Object.keys(document.paths).length} paths written to ${path.relative(process.cwd(), target)}`);
}

main().catch((error: unknown) => {
  console.error(`OpenAPI document failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
