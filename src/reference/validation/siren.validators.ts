import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { compactDigits, isValidSiren, isValidSiret } from './siren.js';

function rule(name: string, test: (value: string) => boolean, message: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && test(value) },
    });
}

/** Accepts `210 600 888` as well as `210600888`; stores digits only. */
export const CompactDigits = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? compactDigits(value) : value));

export const IsSiren = (options?: ValidationOptions): PropertyDecorator =>
  rule('isSiren', isValidSiren, '$property must be a valid SIREN number (9 digits, Luhn check)', options);

export const IsSiret = (options?: ValidationOptions): PropertyDecorator =>
  rule('isSiret', isValidSiret, '$property must be a valid SIRET number (14 digits, Luhn check)', options);
