import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';

/*
 * `@ValidateNested()` checks a nested object's fields but lets through a missing object, `[]` or a
 * string: the service then reads `undefined.title` (a 500; found by an outside review on
 * POST /partner/needs and /partner/diagnostics). Every nested field of every DTO must also check
 * its shape: `@IsObject()` for one object, `@IsArray()` for a list (`each: true`).
 */
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function dtoFiles(): string[] {
  return (readdirSync(SRC, { recursive: true }) as string[])
    .filter((f) => /(^|\/)dto\/[^/]+\.ts$/.test(f) && !f.endsWith('.spec.ts'))
    .map((f) => path.join(SRC, f));
}

describe('nested DTO fields', () => {
  it('each @ValidateNested() also checks that the value is an object, or a list for each: true', async () => {
    const files = dtoFiles();
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) await import(file);
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<{ name: string }, ValidationMetadata[]> };
    const unchecked: string[] = [];
    let nested = 0;
    for (const [target, metadatas] of storage.validationMetadatas) {
      for (const m of metadatas.filter((v) => v.type === 'nestedValidation')) {
        nested += 1;
        const wanted = m.each ? 'isArray' : 'isObject';
        if (!metadatas.some((v) => v.propertyName === m.propertyName && v.name === wanted)) {
          unchecked.push(`${target.name}.${m.propertyName} (needs @${m.each ? 'IsArray' : 'IsObject'}())`);
        }
      }
    }
    expect(nested).toBeGreaterThan(20);
    expect(unchecked).toEqual([]);
  });
});
