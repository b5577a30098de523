import { Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MatchingWeightsService } from '../../matches/matching-weights.service.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { WebViews } from '../shared/views.js';
import { rankingMethod, sovereigntyMethod } from './method-pages.js';

/** The public method pages (issue 22): how grades are computed and how offerings are ranked, from the code's own constants. */
@ConsoleController('app/methode')
export class WebMethodController {
  constructor(
    private readonly views: WebViews,
    private readonly weights: MatchingWeightsService,
  ) {}

  @Get('souverainete')
  sovereignty(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.views.send(reply, request, 'public/method-sovereignty', 'Comment nous évaluons la souveraineté', {
      method: sovereigntyMethod(),
      metaDescription:
        'Comment Circuit IA calcule la note de souveraineté A à E des offres : les cinq blocs, leurs points et ce que vérifie l’équipe.',
    });
  }

  @Get('classement')
  async ranking(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { weights } = await this.weights.inUse();
    this.views.send(reply, request, 'public/method-ranking', 'Comment nous classons les offres', {
      method: rankingMethod(weights),
      metaDescription:
        'Comment Circuit IA classe les offres pour un besoin et dans le catalogue : critères, poids en vigueur, exigences et seuil de pertinence.',
    });
  }
}
