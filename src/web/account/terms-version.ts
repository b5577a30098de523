/** "2026-12-06" as people read it: "6 décembre 2026". */
export const frenchDate = (isoDay: string): string =>
  new Date(`${isoDay}T12:00:00Z`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
