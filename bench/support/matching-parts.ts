import type { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service.js';
import { MatchingNeedReader } from '../../src/matches/matching-need.reader.js';
import { MatchingWeightsService } from '../../src/matches/matching-weights.service.js';
import { NeedMatchesService } from '../../src/matches/need-matches.service.js';
import { OfferingExclusionsService } from '../../src/matches/offering-exclusions.service.js';
import { OtherLeadsService } from '../../src/matches/other-leads.service.js';
import { Ranker } from '../../src/matches/ranking/ranker.js';
import { TextRelevance } from '../../src/matches/ranking/text-relevance.js';
import { BuyerTypesRepository } from '../../src/matches/repositories/buyer-types.repository.js';
import { MatchingWeightsRepository } from '../../src/matches/repositories/matching-weights.repository.js';
import { OfferingCandidatesRepository } from '../../src/matches/repositories/offering-candidates.repository.js';
import { OfferingMatchRepository } from '../../src/matches/repositories/offering-match.repository.js';
import { OfferingTextRepository } from '../../src/matches/repositories/offering-text.repository.js';
import { NeedsRepository } from '../../src/needs/needs.repository.js';

/** The parts of matching the bench times, wired as MatchesModule wires them, on the bench's own data source (no Nest boot). */
export function matchingParts(ds: DataSource) {
  const candidates = new OfferingCandidatesRepository(ds);
  const projection = new OfferingMatchRepository(ds);
  const weightsRepository = new MatchingWeightsRepository(ds);
  const weights = new MatchingWeightsService(weightsRepository, new AuditService());
  const lexemes = new OfferingTextRepository(ds);
  const text = new TextRelevance(lexemes);
  const ranker = new Ranker(candidates, projection, weights, text);
  const needs = new NeedsRepository(ds);
  const matchingNeeds = new MatchingNeedReader(new BuyerTypesRepository(ds));
  const matches = new NeedMatchesService(
    needs,
    matchingNeeds,
    weights,
    ranker,
    new OfferingExclusionsService(candidates, matchingNeeds),
    new OtherLeadsService(candidates, text),
  );
  return { candidates, projection, weightsRepository, weights, ranker, needs, matchingNeeds, matches, text };
}
