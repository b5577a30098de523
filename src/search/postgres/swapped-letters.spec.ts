import { MAX_SWAP_VARIANTS, swappedLetterVariants } from './swapped-letters.js';

describe('swappedLetterVariants', () => {
  it('swaps each pair of adjacent letters of a word of five letters or more, never the first letter', () => {
    expect(swappedLetterVariants('chatobt')).toEqual(['cahtobt', 'chtaobt', 'chaotbt', 'chatbot', 'chatotb']);
    expect(swappedLetterVariants('chatobt')).not.toContain('hcatobt');
  });

  it('keeps the other words of a phrase and leaves short words alone', () => {
    const variants = swappedLetterVariants('agnet de la mairie');
    expect(variants).toContain('agent de la mairie');
    expect(variants.every((v) => v.endsWith(' de la mairie') || v.startsWith('agnet de la '))).toBe(true);
    expect(swappedLetterVariants('ia et rh')).toEqual([]);
  });

  it('handles accented letters as letters and skips swaps that change nothing', () => {
    expect(swappedLetterVariants('prédicitve')).toContain('prédictive');
    // a-p-p-e-l: the two p's swapped would give the same word.
    expect(swappedLetterVariants('appel')).toEqual(['apepl', 'apple']);
  });

  it('stops at the cap', () => {
    expect(swappedLetterVariants('reconnaissance anticonstitutionnellement documentaire')).toHaveLength(MAX_SWAP_VARIANTS);
  });
});
