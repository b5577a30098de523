import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OutcomeSurveysService } from '../../outcome-surveys/outcome-surveys.service.js';
import { ConsoleController } from '../shared/console-controller.decorator.js';
import { WebViews } from '../shared/views.js';
import { parseSurvey, surveyChoices } from './outcome-survey.form.js';

const TITLE = 'Trois mois après : votre avis';

/**
 * The buyer's three-month survey (decision 033): the signed link in the e-mail is the credential,
 * so no sign-in; under /app for the console's CSRF check on the answer.
 */
@ConsoleController('app/enquete')
export class WebOutcomeSurveyController {
  constructor(
    private readonly views: WebViews,
    private readonly surveys: OutcomeSurveysService,
  ) {}

  @Get(':token')
  async show(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('token') token: string): Promise<void> {
    const survey = await this.surveys.preview(token);
    this.views.send(reply, request, 'public/outcome-survey', TITLE, { survey, token, choices: surveyChoices(), values: {}, errors: {} });
  }

  @Post(':token')
  async answer(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('token') token: string): Promise<void> {
    const survey = await this.surveys.preview(token);
    const parsed = await parseSurvey(request.body);
    if (!parsed.dto) {
      const data = { survey, token, choices: surveyChoices(), values: parsed.values, errors: parsed.errors };
      this.views.send(reply, request, 'public/outcome-survey', TITLE, data, 400);
      return;
    }
    await this.surveys.answer(token, parsed.dto);
    this.views.send(reply, request, 'public/outcome-survey', 'Merci pour votre réponse', { survey, token, thanks: true });
  }
}
