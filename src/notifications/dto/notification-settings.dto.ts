import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notification-kinds.js';

export class NotificationKindSettingDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'need_published' })
  kind!: NotificationKind;

  @ApiProperty({ example: 'Mon besoin est publié' })
  label!: string;

  @ApiProperty({ example: false })
  muted!: boolean;
}

export class NotificationSettingsDto {
  @ApiProperty({ type: [NotificationKindSettingDto] })
  kinds!: NotificationKindSettingDto[];
}

/** The full set of muted kinds (replaces the previous one); send [] to receive everything again. */
export class UpdateNotificationSettingsDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS, isArray: true, example: ['introduction_reminder'] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @IsIn(NOTIFICATION_KINDS, { each: true })
  muted!: NotificationKind[];
}
