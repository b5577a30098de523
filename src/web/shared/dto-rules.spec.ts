import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import { CONSTRAINT_MESSAGES } from './french-messages.js';

/*
 * Rules every DTO of the API and the console follows, checked over all of them, so a field added
 * later cannot forget them (each was a fault an outside review found, decision 039).
 */
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The validation metadata of every class of every `dto/` folder, per class. */
async function dtoMetadata(): Promise<[string, ValidationMetadata[]][]> {
  const files = (readdirSync(SRC, { recursive: true }) as string[])
    .filter((f) => /(^|\/)dto\/[^/]+\.ts$/.test(f) && !f.endsWith('.spec.ts'))
    .map((f) => path.join(SRC, f));
  expect(files.length).toBeGreaterThan(40);
  for (const file of files) await import(file);
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<{ name: string }, ValidationMetadata[]> };
  return [...storage.validationMetadatas].map(([target, metadatas]) => [target.name, metadatas]);
}

describe('rules every DTO follows', () => {
  let classes: [string, ValidationMetadata[]][];
  beforeAll(async () => {
    classes = await dtoMetadata();
  });
  const has = (metadatas: ValidationMetadata[], property: string, name: string) =>
    metadatas.some((v) => v.propertyName === property && v.name === name);

  it('each @ValidateNested() also checks the shape: @IsObject(), or @IsArray() with each: true', () => {
    // Without it a missing object, [] or a string passed, and the service read undefined.title (a 500).
    const nested = classes.flatMap(([name, metadatas]) =>
      metadatas.filter((m) => m.type === 'nestedValidation').map((m) => ({ name, metadatas, m })),
    );
    expect(nested.length).toBeGreaterThan(20);
    const unchecked = nested
      .filter(({ metadatas, m }) => !has(metadatas, m.propertyName, m.each ? 'isArray' : 'isObject'))
      .map(({ name, m }) => `${name}.${m.propertyName} (needs @${m.each ? 'IsArray' : 'IsObject'}())`);
    expect(unchecked).toEqual([]);
  });

  it('each @Length or @MinLength with a minimum of at least one comes with @IsNotBlank()', () => {
    // Spaces count for @Length: a person named "   " was stored as "", an offering titled " " published.
    const required = classes.flatMap(([name, metadatas]) =>
      metadatas
        .filter((m) => (m.name === 'isLength' || m.name === 'minLength') && Number(m.constraints?.[0]) >= 1)
        .map((m) => ({ name, metadatas, m })),
    );
    expect(required.length).toBeGreaterThan(30);
    expect(
      required
        .filter(({ metadatas, m }) => !has(metadatas, m.propertyName, 'isNotBlank'))
        .map(({ name, m }) => `${name}.${m.propertyName}`),
    ).toEqual([]);
  });

  it('each validation constraint has a French message for the console forms', () => {
    // Without one, a form showed « Valeur refusée (desiredStart must be …) », English in a French page.
    const names = new Set(
      classes.flatMap(([, metadatas]) => metadatas.filter((m) => m.type === 'customValidation' && m.name).map((m) => m.name!)),
    );
    expect(names.size).toBeGreaterThan(20);
    expect([...names].filter((n) => !(n in CONSTRAINT_MESSAGES)).sort()).toEqual([]);
  });
});
