import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AS_DECLARED, type AsDeclared } from '../survey-answer.js';

/** The buyer's answers, as the survey page sends them. */
export class OutcomeSurveyAnswerDto {
  @IsBoolean()
  inUse!: boolean;

  @IsIn(AS_DECLARED)
  asDeclared!: AsDeclared;

  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction!: number;

  @IsBoolean()
  wouldRecommend!: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}
