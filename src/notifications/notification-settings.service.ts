import { Injectable } from '@nestjs/common';
import { CommonErrors } from '../common/errors/common.errors.js';
import type { Caller } from '../identity/caller.js';
import type { NotificationSettingsDto, UpdateNotificationSettingsDto } from './dto/notification-settings.dto.js';
import { LEAD_FREQUENCIES, LEAD_FREQUENCY_LABELS } from './lead-frequency.js';
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS } from './notification-kinds.js';
import { NotificationsRepository } from './notifications.repository.js';

@Injectable()
export class NotificationSettingsService {
  constructor(private readonly repository: NotificationsRepository) {}

  async get(caller: Caller): Promise<NotificationSettingsDto> {
    const [mutedKinds, leadAlerts] = await Promise.all([
      this.repository.mutedKinds(caller.userId),
      this.repository.leadFrequencyOf(caller.userId),
    ]);
    const muted = new Set(mutedKinds);
    return {
      kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, label: NOTIFICATION_KIND_LABELS[kind], muted: muted.has(kind) })),
      leadAlerts,
      leadAlertOptions: LEAD_FREQUENCIES.map((value) => ({ value, label: LEAD_FREQUENCY_LABELS[value] })),
    };
  }

  async update(caller: Caller, dto: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    if (dto.muted === undefined && dto.leadAlerts === undefined) {
      throw CommonErrors.VALIDATION_FAILED('Send muted, leadAlerts or both.', [
        { field: 'muted', messages: ['muted or leadAlerts is required'] },
      ]);
    }
    if (dto.muted) await this.repository.setMuted(caller.userId, dto.muted);
    if (dto.leadAlerts) await this.repository.setLeadFrequency(caller.userId, dto.leadAlerts);
    return this.get(caller);
  }
}
