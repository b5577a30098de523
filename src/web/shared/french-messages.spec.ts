import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import { CONSTRAINT_MESSAGES } from './french-messages.js';

/*
 * A console form shows a DTO's refusals in French, by constraint name; a name without a French
 * message showed « Valeur refusée (desiredStart must be …) », English in a French page (the new
 * date validators did, until this test).
 */
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('French messages of the console forms', () => {
  it('exist for every validation constraint any DTO uses', async () => {
    const files = (readdirSync(SRC, { recursive: true }) as string[])
      .filter((f) => /(^|\/)dto\/[^/]+\.ts$/.test(f) && !f.endsWith('.spec.ts'))
      .map((f) => path.join(SRC, f));
    for (const file of files) await import(file);
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<{ name: string }, ValidationMetadata[]> };
    const names = new Set<string>();
    for (const metadatas of storage.validationMetadatas.values()) {
      for (const m of metadatas) if (m.type === 'customValidation' && m.name) names.add(m.name);
    }
    expect(names.size).toBeGreaterThan(20);
    expect([...names].filter((n) => !(n in CONSTRAINT_MESSAGES)).sort()).toEqual([]);
  });
});
