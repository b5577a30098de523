import {
  allowedActions,
  expandServiceArea,
  isEditable,
  missingForPublication,
  nextStatus,
  type PublishableFields,
} from './offering-rules.js';
import type { OfferingStatus } from './offering.entity.js';

describe('offering lifecycle', () => {
  it.each<[OfferingStatus, 'publish' | 'archive', OfferingStatus | null]>([
    ['draft', 'publish', 'published'],
    ['draft', 'archive', 'archived'],
    ['published', 'archive', 'archived'],
    ['published', 'publish', null],
    ['archived', 'publish', null],
    ['archived', 'archive', null],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each<[OfferingStatus, string[], boolean]>([
    ['draft', ['publish', 'archive'], true],
    ['published', ['archive'], true],
    ['archived', [], false],
  ])('%s allows %j and editable=%p', (status, actions, editable) => {
    expect(allowedActions(status)).toEqual(actions);
    expect(isEditable(status)).toBe(editable);
  });
});

describe('missingForPublication', () => {
  const complete: PublishableFields = {
    title: 'Assistant documentaire',
    summary: 'Un assistant',
    description: 'Décrit',
    useCases: ['DOC_PROCESSING'],
    serviceNational: false,
    serviceRegions: [],
    serviceDepartements: ['06'],
    remoteDelivery: false,
    pricingModel: 'subscription',
    targetBuyerTypes: ['pme'],
    hasSovereignty: true,
  };

  it.each<[string, Partial<PublishableFields>, string[]]>([
    ['complete', {}, []],
    ['no summary', { summary: null }, ['summary']],
    ['blank description', { description: '   ' }, ['description']],
    ['blank title', { title: ' ' }, ['title']],
    ['no use case', { useCases: [] }, ['useCases']],
    ['no area at all', { serviceDepartements: [] }, ['serviceArea']],
    ['national only', { serviceDepartements: [], serviceNational: true }, []],
    ['remote delivery only', { serviceDepartements: [], remoteDelivery: true }, []],
    ['no pricing model', { pricingModel: null }, ['pricing.model']],
    ['no target buyers', { targetBuyerTypes: [] }, ['targetBuyerTypes']],
    ['no profile', { hasSovereignty: false }, ['sovereignty']],
    [
      'an empty draft',
      {
        summary: null,
        description: null,
        useCases: [],
        serviceDepartements: [],
        pricingModel: null,
        targetBuyerTypes: [],
        hasSovereignty: false,
      },
      ['summary', 'description', 'useCases', 'serviceArea', 'pricing.model', 'targetBuyerTypes', 'sovereignty'],
    ],
  ])('%s → %j', (_name, override, fields) => {
    expect(missingForPublication({ ...complete, ...override }).map((m) => m.field)).toEqual(fields);
  });
});

describe('expandServiceArea', () => {
  it.each<[string, { regions: string[]; departements: string[] }, { regions: string[]; departements: string[] }]>([
    ['nothing declared', { regions: [], departements: [] }, { regions: [], departements: [] }],
    ['one département adds its région', { regions: [], departements: ['06'] }, { regions: ['93'], departements: ['06'] }],
    ['Corsica', { regions: [], departements: ['2A'] }, { regions: ['94'], departements: ['2A'] }],
    ['overseas département', { regions: [], departements: ['971'] }, { regions: ['01'], departements: ['971'] }],
    ['a région adds all its départements', { regions: ['94'], departements: [] }, { regions: ['94'], departements: ['2A', '2B'] }],
    ['PACA', { regions: ['93'], departements: [] }, { regions: ['93'], departements: ['04', '05', '06', '13', '83', '84'] }],
    [
      'both, deduplicated and sorted',
      { regions: ['94'], departements: ['2B', '06'] },
      { regions: ['93', '94'], departements: ['06', '2A', '2B'] },
    ],
  ])('%s', (_name, area, expected) => {
    expect(expandServiceArea(area)).toEqual(expected);
  });
});
