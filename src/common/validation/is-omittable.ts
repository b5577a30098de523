import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * An optional body field that, when sent, must be a real value. class-validator's `@IsOptional()`
 * also lets `null` through unchecked, which a service then dereferences (a 500 instead of a 400):
 * use this for fields where null means nothing, and `@IsOptional()` only where null means "clear".
 */
export const IsOmittable = (options?: ValidationOptions): PropertyDecorator => ValidateIf((_object, value) => value !== undefined, options);
