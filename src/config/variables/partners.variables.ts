import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { toBoolean, toInt } from '../env-transforms.js';

/** Partner intake: API keys, invitations, webhooks. */
export class PartnerVariables {
  /** Requests per minute allowed to each partner API key on the partner routes (decision 029). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PARTNER_KEY_RATE_LIMIT_PER_MINUTE = 120;

  /** Days a buyer has to claim a draft a partner brought before the invitation link expires. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  NEED_INVITATION_TTL_DAYS = 14;

  /** Consecutive failed deliveries after which a partner's webhook is switched off until the partner sets it again. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  PARTNER_WEBHOOK_DISABLE_AFTER = 10;

  /** Milliseconds a partner's webhook endpoint has to answer before the delivery counts as failed. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  PARTNER_WEBHOOK_TIMEOUT_MS = 5000;

  /**
   * Let webhook URLs reach loopback, private, link-local and other non-public addresses, over plain
   * http too (tests and local development only). False: https to public addresses only (SSRF).
   */
  @Transform(toBoolean)
  @IsBoolean()
  PARTNER_WEBHOOK_ALLOW_PRIVATE = false;
}
