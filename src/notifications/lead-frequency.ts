/** How often a vendor's member hears of new leads (issue 18); daily unless they chose otherwise. */
export const LEAD_FREQUENCIES = ['instant', 'daily', 'weekly', 'off'] as const;
export type LeadFrequency = (typeof LEAD_FREQUENCIES)[number];
export const DEFAULT_LEAD_FREQUENCY: LeadFrequency = 'daily';

export const LEAD_FREQUENCY_LABELS: Readonly<Record<LeadFrequency, string>> = {
  instant: 'À chaque nouveau besoin',
  daily: 'Un résumé par jour',
  weekly: 'Un résumé par semaine (le lundi)',
  off: 'Jamais (je consulte mes pistes dans mon espace)',
};
