import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { VERIFICATION_STATES, type VerificationAction, type VerificationState } from '../vendor-verification.js';
import { IsNotBlank } from '../../common/validation/not-blank.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A curator's reason or question, or the vendor's answer: plain text, shown as typed. */
export class VerificationMessageDto {
  @ApiProperty({
    example: "Votre site ne mentionne pas d'activité d'IA : pouvez-vous nous indiquer une référence client ?",
    maxLength: 2000,
  })
  @Transform(trimmed)
  @IsString()
  @Length(1, 2000)
  @IsNotBlank()
  message!: string;
}

/** What the company registry answered at sign-up (API Recherche d'entreprises). */
export class RegistryCheckDto {
  @ApiProperty({ example: '2026-12-06T09:30:00.000Z', description: 'When the registry was asked.' })
  checkedAt!: string;

  @ApiProperty({ example: true, description: 'false: the registry does not know this SIREN.' })
  found!: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'AZUR DONNEES' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '62.01Z' })
  nafCode!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '06088', description: 'INSEE code of the head office commune.' })
  communeCode!: string | null;

  @ApiProperty({ type: Boolean, nullable: true, example: false, description: 'true: the company has ceased trading.' })
  closed!: boolean | null;
}

const ACTIONS: readonly VerificationAction[] = ['verify', 'refuse', 'request_information', 'answer'];

export class VendorVerificationDto {
  @ApiProperty({ format: 'uuid', example: '0b6c3c0e-5d0c-4a8e-9d55-2f8f1b0c6a11' })
  vendorId!: string;

  @ApiProperty({
    enum: VERIFICATION_STATES,
    example: 'waiting_vendor',
    description: 'pending: in the curators’ queue; waiting_vendor: a curator asked a question; refused; verified.',
  })
  state!: VerificationState;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Pouvez-vous nous indiquer une référence client ?',
    description: "The curator's question or reason for refusing.",
  })
  message!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Oui : la mairie de Nice, depuis 2024.', description: "The vendor's answer." })
  answer!: string | null;

  @ApiProperty({ type: RegistryCheckDto, nullable: true, description: 'Null when no registry was configured or it did not answer.' })
  registry!: RegistryCheckDto | null;

  @ApiProperty({ enum: ACTIONS, isArray: true, example: ['verify', 'refuse', 'answer'], description: 'What may be done next.' })
  allowedActions!: VerificationAction[];
}
