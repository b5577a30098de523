import { Inject, Injectable } from '@nestjs/common';
import { JWT_SIGNING_SECRET } from '../credentials/jwt-secret.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import type { OutcomeSurveyAnswerDto } from './dto/outcome-survey-answer.dto.js';
import { OutcomeSurveysErrors } from './outcome-surveys.errors.js';
import { OutcomeSurveysRepository, type SurveyTarget } from './outcome-surveys.repository.js';
import { verifySurveyToken } from './survey-token.js';

export interface SurveyView {
  needTitle: string;
  offeringTitle: string;
  answered: boolean;
}

/** The three-month survey after a won deal (decision 033): the signed link is the credential. */
@Injectable()
export class OutcomeSurveysService {
  constructor(
    private readonly surveys: OutcomeSurveysRepository,
    private readonly transactions: TransactionRunner,
    @Inject(JWT_SIGNING_SECRET) private readonly secret: string,
  ) {}

  async preview(token: string): Promise<SurveyView> {
    const { needTitle, offeringTitle, answered } = await this.target(token);
    return { needTitle, offeringTitle, answered };
  }

  /** Stores the answers once; 409 when the survey was already answered. */
  async answer(token: string, answer: OutcomeSurveyAnswerDto): Promise<void> {
    const target = await this.target(token);
    const recorded = await this.transactions.run((manager) => this.surveys.record(manager, target, answer));
    if (!recorded) throw OutcomeSurveysErrors.SURVEY_ALREADY_ANSWERED();
  }

  /** 404 alike for a forged link and for an introduction never surveyed: nothing tells which. */
  private async target(token: string): Promise<SurveyTarget> {
    const id = verifySurveyToken(this.secret, token);
    const target = id ? await this.surveys.findTarget(id) : null;
    if (!target) throw OutcomeSurveysErrors.SURVEY_LINK_INVALID();
    return target;
  }
}
