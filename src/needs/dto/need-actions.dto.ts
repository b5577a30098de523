import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsString, Length, Min } from 'class-validator';
import { NAF_LEVELS } from '../../reference/data/naf.types.js';
import { IsNafCode, IsUseCase } from '../../reference/validation/reference.validators.js';
import { CLOSE_OUTCOMES, type CloseOutcome } from '../need.entity.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

/** Every transition may carry the version the caller read: a stale one gets 409 STALE_VERSION. */
export class NeedTransitionDto {
  @ApiPropertyOptional({ example: 2, description: 'The version you read; when given and stale, 409 STALE_VERSION.' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  version?: number;
}

/** A curator publishes, and may correct the classification on the way (audited with before/after). */
export class PublishNeedDto extends NeedTransitionDto {
  @ApiPropertyOptional({ type: [String], example: ['DOC_PROCESSING', 'CUSTOMER_SERVICE_CHATBOT'], description: 'Replaces the use cases.' })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(18)
  @ArrayUnique()
  @IsUseCase({ each: true })
  useCases?: string[];

  @ApiPropertyOptional({ example: '84.11Z', description: 'Replaces the sector (a NAF rév. 2 code of any level).' })
  @IsOmittable()
  @IsNafCode({ levels: NAF_LEVELS })
  sector?: string;
}

export class RequestNeedChangesDto extends NeedTransitionDto {
  @ApiProperty({ example: 'Précisez le volume de courriers et les services destinataires.', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @IsNotBlank()
  message!: string;
}

export class RejectNeedDto extends NeedTransitionDto {
  @ApiProperty({ example: "Le besoin ne relève pas de l'intelligence artificielle.", maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @IsNotBlank()
  reason!: string;
}

export class CloseNeedDto extends NeedTransitionDto {
  @ApiProperty({
    enum: CLOSE_OUTCOMES,
    example: 'won',
    description: 'won: a vendor was chosen; no_fit: none suited; abandoned: the project stopped.',
  })
  @IsIn(CLOSE_OUTCOMES)
  outcome!: CloseOutcome;
}
