import { Inject, Injectable } from '@nestjs/common';
import { JWT_SIGNING_SECRET } from '../credentials/jwt-secret.js';
import { NotificationsRepository } from '../notifications/notifications.repository.js';
import { LeadAlertsErrors } from './lead-alerts.errors.js';
import { verifyUnsubscribeToken } from './unsubscribe-token.js';

/** One-click unsubscribe from lead alerts (RFC 8058): the signed link is the only credential. */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly settings: NotificationsRepository,
    @Inject(JWT_SIGNING_SECRET) private readonly secret: string,
  ) {}

  /** 404 for a link that was not signed here (nothing tells whether the user exists). */
  check(token: string): string {
    const userId = verifyUnsubscribeToken(this.secret, token);
    if (!userId) throw LeadAlertsErrors.UNSUBSCRIBE_LINK_INVALID();
    return userId;
  }

  /** Turns the user's lead alerts off; idempotent. An erased user's link does nothing, and says the same. */
  async unsubscribe(token: string): Promise<void> {
    const userId = this.check(token);
    await this.settings.setLeadFrequency(userId, 'off');
  }
}
