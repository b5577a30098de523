import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * A text with something in it besides spaces. `@Length(1, …)` counts spaces: a title or a name of
 * only spaces passed, was trimmed later to "" (a person named "", an offering published with a
 * blank title: an outside review). Every `@Length(1, …)` field carries this too
 * (src/web/shared/dto-rules.spec.ts checks every DTO).
 */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNotBlank',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${options?.each ? 'each value of ' : ''}$property must not be blank`, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || value.trim() !== '' },
    });
}
