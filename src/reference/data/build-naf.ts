import { CURRENT_NAF_VERSION, NAF_LEVELS, type NafEntry, type NafLevel, type NafNomenclature } from './naf.types.js';

/** `{ id, label }` rows of `@socialgouv/codes-naf` (divisions to sous-classes, no sections). */
export interface RawNafCode {
  id: string;
  label: string;
}
export interface RawNafSections {
  sections: { code: string; label: string; divisions: string[] }[];
}

const LEVEL_PATTERNS: [NafLevel, RegExp][] = [
  ['section', /^[A-U]$/],
  ['division', /^\d{2}$/],
  ['groupe', /^\d{2}\.\d$/],
  ['classe', /^\d{2}\.\d{2}$/],
  ['sous-classe', /^\d{2}\.\d{2}[A-Z]$/],
];

/** The level a code's shape denotes, or undefined when it is not shaped like a NAF rév. 2 code. */
export function nafLevelOfShape(code: string): NafLevel | undefined {
  return LEVEL_PATTERNS.find(([, pattern]) => pattern.test(code))?.[0];
}

/** Parent by shape below the division; a division's parent (its section) needs the mapping. */
function shapeParent(code: string, level: NafLevel): string | null {
  switch (level) {
    case 'sous-classe':
      return code.slice(0, 5);
    case 'classe':
      return code.slice(0, 4);
    case 'groupe':
      return code.slice(0, 2);
    default:
      return null;
  }
}

export function buildNaf(codes: RawNafCode[], sections: RawNafSections): NafNomenclature {
  const sectionOfDivision = new Map<string, string>();
  for (const section of sections.sections) {
    for (const division of section.divisions) sectionOfDivision.set(division, section.code);
  }

  const byCode = new Map<string, NafEntry>();
  for (const section of sections.sections) {
    byCode.set(section.code, {
      code: section.code,
      label: section.label,
      level: 'section',
      parentCode: null,
      sectionCode: section.code,
      nafVersion: CURRENT_NAF_VERSION,
    });
  }
  for (const { id, label } of codes) {
    const level = nafLevelOfShape(id);
    if (!level || level === 'section') throw new Error(`Unexpected NAF code shape: ${id}`);
    const sectionCode = sectionOfDivision.get(id.slice(0, 2));
    if (!sectionCode) throw new Error(`NAF division ${id.slice(0, 2)} has no section`);
    const parentCode = level === 'division' ? sectionCode : shapeParent(id, level);
    byCode.set(id, { code: id, label, level, parentCode, sectionCode, nafVersion: CURRENT_NAF_VERSION });
  }
  for (const entry of byCode.values()) {
    if (entry.parentCode && !byCode.has(entry.parentCode)) throw new Error(`NAF code ${entry.code} has no parent ${entry.parentCode}`);
  }

  const byLevel = new Map<NafLevel, NafEntry[]>(NAF_LEVELS.map((level) => [level, []]));
  const sorted = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const entry of sorted) byLevel.get(entry.level)?.push(entry);
  return { version: CURRENT_NAF_VERSION, byCode, byLevel };
}
