import { ESLint } from 'eslint';

describe('the lint boundary around the pure scoring core', () => {
  const eslint = new ESLint();

  it.each(
    ['@nestjs/common', 'typeorm', 'pg'].flatMap((pkg) => [
      [pkg, 'src/matches/scoring'],
      [pkg, 'src/sovereignty'],
    ]),
  )('refuses an import of %s under %s', async (pkg, folder) => {
    const [result] = await eslint.lintText(`import { x } from '${pkg}';\nexport const y = x;\n`, {
      filePath: `${folder}/example.ts`,
    });
    expect(result.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
  });

  it('allows the same import elsewhere', async () => {
    const [result] = await eslint.lintText(`import { Injectable } from '@nestjs/common';\nexport const y = Injectable;\n`, {
      filePath: 'src/needs/example.ts',
    });
    expect(result.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });
});
