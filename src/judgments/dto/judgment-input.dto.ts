import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, Matches, ValidateIf, registerDecorator, type ValidationArguments } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import {
  COMMENT_MAX_LENGTH,
  JUDGMENT_REASONS,
  REASONS_BY_VERDICT,
  VERDICTS,
  reasonFitsVerdict,
  type JudgmentReason,
  type Verdict,
} from '../judgment-vocabulary.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

/** The reason must be one its verdict offers; an unknown verdict or reason is reported by @IsIn alone. */
function IsReasonOfVerdict(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isReasonOfVerdict',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args: ValidationArguments) => {
          const verdict = (args.object as { verdict: Verdict }).verdict;
          return `${args.property} must be one of ${REASONS_BY_VERDICT[verdict].join(', ')} when verdict is ${verdict}`;
        },
      },
      validator: {
        validate: (reason: unknown, args: ValidationArguments) => {
          const verdict = (args.object as { verdict?: unknown }).verdict;
          const known = VERDICTS.includes(verdict as Verdict) && JUDGMENT_REASONS.includes(reason as JudgmentReason);
          return !known || reasonFitsVerdict(verdict, reason);
        },
      },
    });
}

/** PUT /needs/:needId/matches/:offeringId/judgment: the caller's mark replaces their previous one. */
export class JudgmentInputDto {
  @ApiProperty({ enum: VERDICTS, example: 'not_relevant', description: 'relevant: « pertinent »; not_relevant: « pas pertinent ».' })
  @IsIn(VERDICTS)
  verdict!: Verdict;

  @ApiProperty({
    enum: JUDGMENT_REASONS,
    example: 'too_generic',
    description:
      `For relevant: ${REASONS_BY_VERDICT.relevant.join(', ')}. ` +
      `For not_relevant: ${REASONS_BY_VERDICT.not_relevant.join(', ')}. other requires a comment.`,
  })
  @IsIn(JUDGMENT_REASONS)
  @IsReasonOfVerdict()
  reason!: JudgmentReason;

  @ApiPropertyOptional({
    example: "Plateforme généraliste : rien sur la prévision des ventes d'un commerce.",
    minLength: 1,
    maxLength: COMMENT_MAX_LENGTH,
    description: 'Optional, except when reason is other.',
  })
  @ValidateIf((o: JudgmentInputDto) => o.reason === 'other' || o.comment !== undefined)
  @IsString()
  @Length(1, COMMENT_MAX_LENGTH)
  @IsNotBlank()
  @Matches(/\S/, { message: '$property must not be blank' })
  comment?: string;
}

export class JudgmentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', example: '3f6d2a1e-8c0b-4c1e-9a57-2b1f0f3c9e11', description: 'Only the marks on this need.' })
  @IsOmittable()
  @IsUUID()
  needId?: string;
}
