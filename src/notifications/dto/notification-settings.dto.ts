import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { LEAD_FREQUENCIES, type LeadFrequency } from '../lead-frequency.js';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notification-kinds.js';

export class NotificationKindSettingDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'need_published' })
  kind!: NotificationKind;

  @ApiProperty({ example: 'Mon besoin est publié' })
  label!: string;

  @ApiProperty({ example: false })
  muted!: boolean;
}

export class LeadFrequencyOptionDto {
  @ApiProperty({ enum: LEAD_FREQUENCIES, example: 'daily' })
  value!: LeadFrequency;

  @ApiProperty({ example: 'Un résumé par jour' })
  label!: string;
}

export class NotificationSettingsDto {
  @ApiProperty({ type: [NotificationKindSettingDto] })
  kinds!: NotificationKindSettingDto[];

  @ApiProperty({
    enum: LEAD_FREQUENCIES,
    example: 'daily',
    description: 'How often new leads (needs that fit one of my organisation’s offerings) are e-mailed: vendors’ members only use it.',
  })
  leadAlerts!: LeadFrequency;

  @ApiProperty({ type: [LeadFrequencyOptionDto] })
  leadAlertOptions!: LeadFrequencyOptionDto[];
}

/**
 * `muted`: the full set of muted kinds (replaces the previous one; [] receives everything again).
 * `leadAlerts`: the lead alert frequency. Either may be left out; the other is kept.
 */
export class UpdateNotificationSettingsDto {
  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS, isArray: true, example: ['introduction_reminder'] })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @IsIn(NOTIFICATION_KINDS, { each: true })
  muted?: NotificationKind[];

  @ApiPropertyOptional({ enum: LEAD_FREQUENCIES, example: 'instant' })
  @IsOmittable()
  @IsIn(LEAD_FREQUENCIES)
  leadAlerts?: LeadFrequency;
}
