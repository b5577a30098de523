import { validate } from 'class-validator';
import { IsNotBlank } from './not-blank.js';

/*
 * A text field that requires something (`@Length(1, …)`, `@MinLength(1)`) must not take only
 * spaces: a person named "   " was stored as "", and an offering titled " " was published (an
 * outside review). Every such field of every DTO carries @IsNotBlank (src/web/shared/dto-rules.spec.ts).
 */
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
});
