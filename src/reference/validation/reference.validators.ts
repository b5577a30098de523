import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { isCommuneCode, isDepartementCode, isRegionCode } from '../geo/geography.js';
import { isNafCode } from '../sectors/naf.js';
import type { NafLevel } from '../data/naf.types.js';
import { isUseCaseCode } from '../data/use-case.types.js';

/*
 * Decorators for DTOs, checking codes against the loaded reference data (loaded on first use, so
 * they work in any DTO without Nest injection). Pass `{ each: true }` for arrays.
 */

function referenceDecorator(
  name: string,
  test: (value: unknown) => boolean,
  message: (args: ValidationArguments) => string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate: (value: unknown) => test(value) },
    });
  };
}

const each = (args: ValidationArguments): string => (Array.isArray(args.value) ? 'each value of ' : '');

/** A current INSEE commune code (5 characters: `06088`, `2A004`, `97105`). */
export function IsCommuneCode(options?: ValidationOptions): PropertyDecorator {
  return referenceDecorator(
    'isCommuneCode',
    (value) => isCommuneCode(value),
    (args) => `${each(args)}${args.property} must be the INSEE code of a current commune, such as 06088 (Nice)`,
    options,
  );
}

/** A département code (`06`, `2A`, `971`), never a région code. */
export function IsDepartementCode(options?: ValidationOptions): PropertyDecorator {
  return referenceDecorator(
    'isDepartementCode',
    (value) => isDepartementCode(value),
    (args) => `${each(args)}${args.property} must be a département code, such as 06 (Alpes-Maritimes), 2A or 971`,
    options,
  );
}

/** A région code (`93` is Provence-Alpes-Côte d'Azur), never a département code. */
export function IsRegionCode(options?: ValidationOptions): PropertyDecorator {
  return referenceDecorator(
    'isRegionCode',
    (value) => isRegionCode(value),
    (args) => `${each(args)}${args.property} must be a région code, such as 93 (Provence-Alpes-Côte d'Azur) or 01 (Guadeloupe)`,
    options,
  );
}

const NAF_EXAMPLES: Record<NafLevel, string> = { section: 'J', division: '62', groupe: '62.0', classe: '62.01', 'sous-classe': '62.01Z' };

/**
 * A NAF rév. 2 code of the given levels, written as INSEE and Sirene do. Defaults to the
 * sous-classe, the level of an APE code (`62.01Z`); offerings targeting broader sectors pass
 * `{ levels: ['section', 'division'] }`.
 */
export function IsNafCode(naf: { levels?: readonly NafLevel[] } = {}, options?: ValidationOptions): PropertyDecorator {
  const levels = naf.levels ?? (['sous-classe'] as const);
  const examples = levels.map((level) => `${NAF_EXAMPLES[level]} (${level})`).join(', ');
  return referenceDecorator(
    'isNafCode',
    (value) => isNafCode(value, levels),
    (args) => `${each(args)}${args.property} must be a NAF rév. 2 code such as ${examples}`,
    options,
  );
}

/** One of the 18 AI use-case codes (GET /reference/use-cases). */
export function IsUseCase(options?: ValidationOptions): PropertyDecorator {
  return referenceDecorator(
    'isUseCase',
    (value) => isUseCaseCode(value),
    (args) => `${each(args)}${args.property} must be an AI use-case code such as DOC_PROCESSING (see GET /reference/use-cases)`,
    options,
  );
}
