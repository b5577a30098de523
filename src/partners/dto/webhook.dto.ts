import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/not-blank.js';

export const WEBHOOK_EVENT_TYPES = ['need.status_changed', 'introduction.status_changed'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export class SetWebhookDto {
  @ApiProperty({
    example: 'https://crm.cote-azur.cci.fr/hooks/circuit-ia',
    description: 'HTTPS to a public address (no credentials in it); receives a POST per event.',
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(500)
  url!: string;

  @ApiProperty({
    example: 'whsec_7c1f0e8a9b2d4c6e8f0a1b3c5d7e9f1a',
    description: 'At least 32 characters, chosen by the partner; signs every delivery (X-Circuit-Signature). Never shown back.',
  })
  @IsString()
  @Length(32, 200)
  @IsNotBlank()
  secret!: string;
}

export class WebhookDto {
  @ApiProperty({ example: 'https://crm.cote-azur.cci.fr/hooks/circuit-ia' })
  url!: string;

  @ApiProperty({
    example: true,
    description: `False once PARTNER_WEBHOOK_DISABLE_AFTER deliveries in a row failed; PUT it again to resume.`,
  })
  enabled!: boolean;

  @ApiProperty({ example: 0 })
  consecutiveFailures!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  disabledAt!: Date | null;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'The event, as in X-Circuit-Delivery: retries of one event share it.' })
  eventId!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, example: 'need.status_changed' })
  eventType!: string;

  @ApiProperty({ example: 1 })
  attempt!: number;

  @ApiProperty({ enum: ['delivered', 'failed'], example: 'delivered' })
  status!: string;

  @ApiProperty({ type: Number, nullable: true, example: 200, description: 'Null when no answer came (timeout, refused connection).' })
  httpStatus!: number | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  error!: string | null;

  @ApiProperty({ example: '2026-12-06T10:00:00.000Z' })
  createdAt!: Date;
}

/** `data` of an event: the need, and for introduction.status_changed the introduction (no vendor is named). */
export class WebhookEventDataDto {
  @ApiProperty({ format: 'uuid' })
  needId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only in introduction.status_changed.' })
  introductionId?: string;

  @ApiProperty({
    example: 'published',
    description: "The new state: the need's (draft, submitted, published…) or the introduction's (proposed, connected, won, lost…).",
  })
  status!: string;
}

/** The JSON body POSTed to a partner's webhook. */
export class WebhookEventDto {
  @ApiProperty({ format: 'uuid', description: 'Unique per event; a retry sends the same id (deduplicate on it).' })
  id!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, example: 'need.status_changed' })
  type!: WebhookEventType;

  @ApiProperty({ example: '2026-12-06T10:00:00.000Z', description: 'When the change happened.' })
  createdAt!: string;

  @ApiProperty({ type: WebhookEventDataDto })
  data!: WebhookEventDataDto;
}

/** A secret the platform just chose (POST /partner/webhook/secret): shown this once, never again. */
export class WebhookSecretDto {
  @ApiProperty({ type: WebhookDto })
  webhook!: WebhookDto;

  @ApiProperty({
    example: 'whsec_Qm9uam91ciBsZXMgcGFydGVuYWlyZXMgZGUgQ2lyY3VpdCBJQQ',
    description: 'The new signing secret (256 random bits): keep it now, it is never shown again. The old one stopped signing.',
  })
  secret!: string;
}
