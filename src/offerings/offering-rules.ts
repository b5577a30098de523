import { listDepartements, regionOfDepartement } from '../reference/geo/geography.js';
import type { DepartementCode, RegionCode } from '../reference/data/geo.types.js';
import type { OfferingStatus } from './offering.entity.js';

/** Pure rules of the offering lifecycle and catalogue (no Nest, no TypeORM). */

export type OfferingAction = 'publish' | 'archive';

/** DESIGN §4: draft → published → archived; a draft may also be archived (abandoned) directly. */
const TRANSITIONS: Readonly<Record<OfferingStatus, Partial<Record<OfferingAction, OfferingStatus>>>> = {
  draft: { publish: 'published', archive: 'archived' },
  published: { archive: 'archived' },
  archived: {},
};

export function allowedActions(status: OfferingStatus): OfferingAction[] {
  return Object.keys(TRANSITIONS[status]) as OfferingAction[];
}

/** The status an action leads to, or null when it is not allowed from `status`. */
export function nextStatus(status: OfferingStatus, action: OfferingAction): OfferingStatus | null {
  return TRANSITIONS[status][action] ?? null;
}

/** Vendors edit drafts and published offerings; archived ones are frozen. */
export const isEditable = (status: OfferingStatus): boolean => status !== 'archived';

export interface PublishableFields {
  title: string;
  summary: string | null;
  description: string | null;
  useCases: readonly string[];
  serviceNational: boolean;
  serviceRegions: readonly string[];
  serviceDepartements: readonly string[];
  remoteDelivery: boolean;
  pricingModel: string | null;
  targetBuyerTypes: readonly string[];
  hasSovereignty: boolean;
}

export interface MissingField {
  field: string;
  messages: string[];
}

/** What a draft still lacks to be published; empty when complete. */
export function missingForPublication(o: PublishableFields): MissingField[] {
  const missing: MissingField[] = [];
  const need = (ok: boolean, field: string, message: string): void => {
    if (!ok) missing.push({ field, messages: [message] });
  };
  // A draft stored before titles were checked for blanks could still have one of spaces.
  need(!!o.title.trim(), 'title', 'a title is required to publish');
  need(!!o.summary?.trim(), 'summary', 'a summary is required to publish');
  need(!!o.description?.trim(), 'description', 'a description is required to publish');
  need(o.useCases.length > 0, 'useCases', 'at least one use case is required to publish');
  need(
    o.serviceNational || o.serviceRegions.length > 0 || o.serviceDepartements.length > 0 || o.remoteDelivery,
    'serviceArea',
    'the service area must be national, list régions or départements, or offer remote delivery',
  );
  need(o.pricingModel !== null, 'pricing.model', 'a pricing model is required to publish');
  need(o.targetBuyerTypes.length > 0, 'targetBuyerTypes', 'at least one target buyer type is required to publish');
  need(o.hasSovereignty, 'sovereignty', 'the sovereignty profile is required to publish');
  return missing;
}

export interface ServiceArea {
  regions: readonly string[];
  departements: readonly string[];
}

/**
 * Régions and départements an offering serves, as search filters need them: declared régions plus
 * the régions of declared départements; declared départements plus every département of declared
 * régions. Sorted, without duplicates. The national flag
 * is kept apart (search filters test it), so a national offering does not list all 101 départements.
 */
export function expandServiceArea(area: ServiceArea): { regions: string[]; departements: string[] } {
  const regions = new Set<string>(area.regions);
  const departements = new Set<string>(area.departements);
  for (const code of area.departements) {
    const region = regionOfDepartement(code as DepartementCode);
    if (region) regions.add(region);
  }
  for (const code of area.regions) {
    for (const d of listDepartements(code as RegionCode)) departements.add(d.departementCode);
  }
  return { regions: [...regions].sort(), departements: [...departements].sort() };
}
