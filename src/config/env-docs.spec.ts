import { readFileSync } from 'node:fs';
import { EnvironmentVariables, OPTIONAL_VARIABLES } from './app-config.js';

const declared = [...new Set([...Object.keys(new EnvironmentVariables()), ...OPTIONAL_VARIABLES])].sort();

describe('configuration documentation', () => {
  it('lists in .env.example exactly the variables the app declares', () => {
    const example = readFileSync('.env.example', 'utf8');
    const listed = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(declared);
  });

  it('documents every declared variable in the README configuration table', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = [...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]).sort();
    expect(table).toEqual(declared);
  });
});
