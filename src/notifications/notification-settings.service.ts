import { Injectable } from '@nestjs/common';
import type { Caller } from '../identity/caller.js';
import type { NotificationSettingsDto, UpdateNotificationSettingsDto } from './dto/notification-settings.dto.js';
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS } from './notification-kinds.js';
import { NotificationsRepository } from './notifications.repository.js';

@Injectable()
export class NotificationSettingsService {
  constructor(private readonly repository: NotificationsRepository) {}

  async get(caller: Caller): Promise<NotificationSettingsDto> {
    const muted = new Set(await this.repository.mutedKinds(caller.userId));
    return { kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, label: NOTIFICATION_KIND_LABELS[kind], muted: muted.has(kind) })) };
  }

  async update(caller: Caller, dto: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    await this.repository.setMuted(caller.userId, dto.muted);
    return this.get(caller);
  }
}
