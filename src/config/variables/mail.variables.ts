import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { blankToUndefined } from '../env-transforms.js';

/** Outgoing e-mail. */
export class MailVariables {
  /** SMTP server for e-mails (smtp:// or smtps:// URL); unset = e-mails only go to mail_log and the log. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of the platform's e-mails. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Circuit IA <no-reply@circuit-ia.local>';
}
