import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getMetadataStorage, validate } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import { IsNotBlank } from './not-blank.js';

/*
 * A text field that requires something (`@Length(1, …)`, `@MinLength(1)`) must not take only
 * spaces: a person named "   " was stored as "", and an offering titled " " was published (an
 * outside review). Every such field of every DTO carries @IsNotBlank.
 */
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('text fields that require something', () => {
  it('refuse a value of spaces only, and leave other types to their own checks', async () => {
    class Probe {
      @IsNotBlank() name: unknown;
      @IsNotBlank({ each: true }) tags: unknown;
    }
    const problems = async (name: unknown, tags: unknown = ['a']) =>
      (await validate(Object.assign(new Probe(), { name, tags }))).map((e) => e.property);
    expect(await problems('  \t ')).toEqual(['name']);
    expect(await problems('\u00a0')).toEqual(['name']);
    expect(await problems(' Camille ')).toEqual([]);
    expect(await problems(42)).toEqual([]);
    expect(await problems('x', ['ok', ' '])).toEqual(['tags']);
  });

  it('every @Length or @MinLength with a minimum of at least one, in every DTO, comes with @IsNotBlank', async () => {
    const files = (readdirSync(SRC, { recursive: true }) as string[])
      .filter((f) => /(^|\/)dto\/[^/]+\.ts$/.test(f) && !f.endsWith('.spec.ts'))
      .map((f) => path.join(SRC, f));
    for (const file of files) await import(file);
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<{ name: string }, ValidationMetadata[]> };
    const unchecked: string[] = [];
    let required = 0;
    for (const [target, metadatas] of storage.validationMetadatas) {
      for (const m of metadatas) {
        const min = m.name === 'isLength' || m.name === 'minLength' ? Number(m.constraints?.[0]) : 0;
        if (min < 1) continue;
        required += 1;
        if (!metadatas.some((v) => v.propertyName === m.propertyName && v.name === 'isNotBlank')) {
          unchecked.push(`${target.name}.${m.propertyName}`);
        }
      }
    }
    expect(required).toBeGreaterThan(30);
    expect(unchecked).toEqual([]);
  });
});
