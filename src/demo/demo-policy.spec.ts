import { demoDataWanted } from './demo-policy.js';
import { luhnSiren, luhnSiret } from './demo-data.js';
import { isValidSiren, isValidSiret } from '../reference/validation/siren.js';

describe('demoDataWanted', () => {
  it.each([
    [undefined, true, 'development', true],
    [undefined, false, 'development', false],
    [true, false, 'development', true],
    [false, true, 'development', false],
    [true, true, 'production', true],
    [undefined, true, 'test', false],
  ] as const)('DEMO_DATA=%p, embedded=%p, NODE_ENV=%s → %p', (DEMO_DATA, embedded, NODE_ENV, expected) => {
    expect(demoDataWanted({ DEMO_DATA, NODE_ENV }, embedded)).toBe(expected);
  });
});

describe('demo identifiers', () => {
  it.each([81000000, 81001379, 92000000, 12345678])('builds a valid SIREN and SIRET from %i', (body) => {
    const siren = luhnSiren(body);
    expect(isValidSiren(siren)).toBe(true);
    expect(isValidSiret(luhnSiret(siren, 21))).toBe(true);
  });
});
