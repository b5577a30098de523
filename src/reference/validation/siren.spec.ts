import { compactDigits, isValidSiren, isValidSiret, luhnOk } from './siren.js';

describe('isValidSiren', () => {
  it.each([
    ['210600888', true, 'Ville de Nice'],
    ['356000000', true, 'La Poste'],
    ['552100554', true, 'a Luhn-valid company'],
    ['210 600 888', true, 'grouped with spaces'],
    ['210\u00A0600\u00A0888', true, 'grouped with non-breaking spaces'],
    ['123456789', false, 'Luhn-invalid'],
    ['210600887', false, 'last digit off by one'],
    ['000000000', false, 'all zeros, Luhn-valid but no company'],
    ['21060088', false, '8 digits'],
    ['2106008880', false, '10 digits'],
    ['21060088A', false, 'a letter'],
    ['', false, 'empty'],
  ])('%s → %p (%s)', (input, expected) => {
    expect(isValidSiren(input)).toBe(expected);
  });
});

describe('isValidSiret', () => {
  it.each([
    ['21060088800015', true, 'Nice city hall, Luhn-valid'],
    ['210 600 888 00015', true, 'grouped'],
    ['35600000000048', true, 'La Poste, Luhn-valid'],
    ['35600000000006', true, 'La Poste, Luhn-valid'],
    ['35600000000001', true, 'La Poste, Luhn-invalid but digit sum 15 is a multiple of 5'],
    ['35600000000010', true, 'La Poste, Luhn-invalid, digit sum 15'],
    ['35600000000002', false, 'La Poste, digit sum 16: neither rule'],
    ['21060088800016', false, 'Luhn-invalid outside La Poste'],
    ['21060088800011', false, 'digit sum 35 does not help outside La Poste'],
    ['12345678900014', false, 'SIREN part invalid'],
    ['00000000000000', false, 'all zeros'],
    ['2106008880001', false, '13 digits'],
    ['210600888000150', false, '15 digits'],
  ])('%s → %p (%s)', (input, expected) => {
    expect(isValidSiret(input)).toBe(expected);
  });
});

describe('luhnOk and compactDigits', () => {
  it.each([
    ['0', true],
    ['18', true],
    ['19', false],
    ['79927398713', true],
    ['79927398710', false],
  ])('luhnOk(%s) → %p', (digits, expected) => {
    expect(luhnOk(digits)).toBe(expected);
  });

  it('drops spaces, non-breaking spaces and dots', () => {
    expect(compactDigits(' 210.600\u00A0888 ')).toBe('210600888');
  });
});
