import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildGeography, type RawAdjacency, type RawCommune, type RawDepartement, type RawRegion } from './build-geography.js';
import type { Geography } from './geo.types.js';
import { buildNaf, type RawNafCode, type RawNafSections } from './build-naf.js';
import type { NafNomenclature } from './naf.types.js';
import { buildUseCases, type RawUseCases, type UseCase } from './use-case.types.js';

/** Bump when the shape of what the reference routes return changes, so caches let go of it. */
const REFERENCE_FORMAT = 1;

export interface ReferenceData {
  readonly geography: Geography;
  readonly naf: NafNomenclature;
  readonly useCases: readonly UseCase[];
  /** Changes whenever a package version, a data file or the response format changes. */
  readonly version: string;
  readonly sources: readonly { readonly name: string; readonly version: string }[];
}

const require = createRequire(import.meta.url);

/**
 * Files are read and parsed here rather than `import`ed: the module cache would otherwise keep
 * the whole 8.6 MB commune file alive, when only a slim copy of the current communes is kept.
 * Paths resolve from this file, so the same code runs from `src/` (Jest) and `dist/` (build).
 */
const readJson = <T>(path: string | URL): { value: T; text: string } => {
  const text = readFileSync(path, 'utf8');
  return { value: JSON.parse(text) as T, text };
};
const packageFile = (specifier: string): string => require.resolve(specifier);
const localFile = (name: string): URL => new URL(`./${name}`, import.meta.url);
const packageVersion = (name: string): string =>
  (JSON.parse(readFileSync(packageFile(`${name}/package.json`), 'utf8')) as { version: string }).version;

/** Reads and checks every reference file. Throws when the data are inconsistent. */
export function loadReferenceData(): ReferenceData {
  const adjacency = readJson<RawAdjacency>(localFile('adjacency-fr.json'));
  const sections = readJson<RawNafSections>(localFile('naf-rev2-sections.json'));
  const useCases = readJson<RawUseCases>(localFile('use-cases.json'));
  const geography = buildGeography({
    regions: readJson<RawRegion[]>(packageFile('@etalab/decoupage-administratif/data/regions.json')).value,
    departements: readJson<RawDepartement[]>(packageFile('@etalab/decoupage-administratif/data/departements.json')).value,
    communes: readJson<RawCommune[]>(packageFile('@etalab/decoupage-administratif/data/communes.json')).value,
    adjacency: adjacency.value,
  });
  const naf = buildNaf(readJson<RawNafCode[]>(packageFile('@socialgouv/codes-naf/index.json')).value, sections.value);

  const sources = [
    { name: '@etalab/decoupage-administratif', version: packageVersion('@etalab/decoupage-administratif') },
    { name: '@socialgouv/codes-naf', version: packageVersion('@socialgouv/codes-naf') },
  ];
  const hash = createHash('sha256').update(`format:${REFERENCE_FORMAT}`);
  for (const s of sources) hash.update(`${s.name}@${s.version}\n`);
  for (const file of [adjacency, sections, useCases]) hash.update(file.text);

  return Object.freeze({
    geography,
    naf,
    useCases: buildUseCases(useCases.value),
    version: hash.digest('hex').slice(0, 20),
    sources: Object.freeze(sources),
  });
}

let loaded: ReferenceData | undefined;

/**
 * The one copy of the reference data, loaded on first use. Shared by the Nest `ReferenceService`
 * and the class-validator decorators, which run outside dependency injection.
 */
export function referenceData(): ReferenceData {
  loaded ??= loadReferenceData();
  return loaded;
}
