import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { RefreshTokenEntity } from '../credentials/refresh-token.entity.js';
import { IntroductionEntity } from '../introductions/introduction.entity.js';
import { NeedEntity } from '../needs/need.entity.js';
import { OfferingClaimEntity, OfferingEntity } from '../offerings/offering.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { OutboxEventEntity } from '../outbox/outbox-event.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** Every entity of the app. ESM has no __dirname globbing: list them here. */
export const entities = [
  OutboxEventEntity,
  OrganisationEntity,
  UserEntity,
  RefreshTokenEntity,
  AuditEventEntity,
  NeedEntity,
  OfferingEntity,
  OfferingClaimEntity,
  IntroductionEntity,
];
