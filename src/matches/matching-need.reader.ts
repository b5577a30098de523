import { Injectable } from '@nestjs/common';
import type { NeedEntity } from '../needs/need.entity.js';
import type { MatchingNeed } from './match-view.js';
import { BuyerTypesRepository } from './repositories/buyer-types.repository.js';

/** A need as matching reads it: the need with its buyer's type (the fit criterion). */
@Injectable()
export class MatchingNeedReader {
  constructor(private readonly buyers: BuyerTypesRepository) {}

  /** The buyer type from the organisation read with the need, else one query. */
  async withBuyerType(need: NeedEntity): Promise<MatchingNeed> {
    const buyerType = need.organisation ? need.organisation.buyerType : await this.buyers.buyerTypeOf(need.organisationId);
    return { ...need, buyerType };
  }
}
