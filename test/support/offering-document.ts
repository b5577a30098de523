import type { OfferingDocument } from '../../src/search/offering-document.js';

const pad = (v: number): string => String(v).padStart(2, '0');

/** A search document for tests of the search backends: offering n (its id; published in month n, then later), empty texts, the given fields. */
export function offeringDocument(n: number, fields: Partial<OfferingDocument>): OfferingDocument {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    version: 1,
    title: '',
    summary: '',
    description: '',
    vendorId: '00000000-0000-4000-8000-00000000000a',
    vendorName: 'Azur Vision',
    useCases: [],
    useCaseLabels: [],
    sectors: [],
    sectorLabels: [],
    national: false,
    regions: [],
    departements: [],
    remoteDelivery: false,
    grade: 'C',
    sovereigntyScore: 50,
    gradeVerified: false,
    dataResidency: 'FR',
    requirementsMet: [],
    minBudgetEur: null,
    maxBudgetEur: null,
    publishedAt: `2026-${pad(((n - 1) % 12) + 1)}-${pad((Math.floor((n - 1) / 12) % 28) + 1)}T00:00:00.000Z`,
    ...fields,
  };
}
