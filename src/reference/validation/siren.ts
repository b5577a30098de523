/** SIREN and SIRET checks (domain/REFERENCE.md §3), including La Poste's SIRET exception. */

export const LA_POSTE_SIREN = '356000000';

/** Drops the spaces, non-breaking spaces and dots people type in these numbers. */
export const compactDigits = (input: string): string => input.replace(/[\s\u00A0.]/g, '');

export function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

export function isValidSiren(input: string): boolean {
  const s = compactDigits(input);
  // 000000000 passes Luhn but is no company.
  return /^\d{9}$/.test(s) && s !== '000000000' && luhnOk(s);
}

export function isValidSiret(input: string): boolean {
  const s = compactDigits(input);
  if (!/^\d{14}$/.test(s) || !isValidSiren(s.slice(0, 9))) return false;
  if (luhnOk(s)) return true;
  // La Poste has more sites than Luhn-valid NICs: its SIRETs only need a digit sum divisible by 5.
  if (s.startsWith(LA_POSTE_SIREN)) return [...s].reduce((sum, c) => sum + (c.charCodeAt(0) - 48), 0) % 5 === 0;
  return false;
}

/** An INSEE commune code: 5 characters, digits, or 2A/2B (Corsica) then 3 digits. */
