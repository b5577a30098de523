import { Inject } from '@nestjs/common';
import type { AppConfig } from './app-config.js';

/**
 * The validated variables handed out by feature (immich's config repository): a service injects
 * only the slice it needs, with names of its own, and never sees the rest.
 */
export interface ConfigSlices {
  auth: {
    jwtSecret: string;
    accessTtlSeconds: number;
    refreshTtlDays: number;
    rateLimitPerMinute: number;
    sessionCacheSeconds: number;
    loginSlowdownAfter: number;
    loginLockoutAfter: number;
    accountLockoutAfter: number;
    lockoutMinutes: number;
  };
  admin: { email?: string; password?: string };
  mail: { smtpUrl?: string; from: string };
  /** Where the app is reached from outside: links in e-mails, cookies' Secure flag. */
  publicUrl: { appPublicUrl: string };
  /** What the legal pages (mentions légales, données personnelles, accessibilité) show. */
  legal: { contactEmail: string };
  search: { backend: 'postgres' | 'meilisearch'; meiliUrl?: string; meiliApiKey?: string; meiliTimeoutMs: number; cacheEntries: number };
  /** The public company registry (API Recherche d'entreprises), off when `url` is unset. */
  companyRegistry: { url?: string; timeoutMs: number };
  outbox: { enabled: boolean; pollMs: number; batchSize: number };
  reminders: { enabled: boolean; days: number };
  leadAlerts: { topN: number; digestsEnabled: boolean; digestHour: number };
  retention: { enabled: boolean; months: number };
  evidenceExpiry: { enabled: boolean };
  eventDeadlines: { enabled: boolean };
  partners: {
    keyRateLimitPerMinute: number;
    invitationTtlDays: number;
    webhookDisableAfter: number;
    webhookTimeoutMs: number;
    webhookAllowPrivate: boolean;
  };
}

export type ConfigSliceName = keyof ConfigSlices;

/** The search backend: SEARCH_BACKEND when set, else Meilisearch exactly when MEILI_URL is. */
export function chooseBackend(config: Pick<AppConfig, 'SEARCH_BACKEND' | 'MEILI_URL'>): 'postgres' | 'meilisearch' {
  return config.SEARCH_BACKEND ?? (config.MEILI_URL ? 'meilisearch' : 'postgres');
}

export function configSlices(config: AppConfig): ConfigSlices {
  return {
    auth: {
      jwtSecret: config.JWT_SECRET,
      accessTtlSeconds: config.JWT_ACCESS_TTL_SECONDS,
      refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
      rateLimitPerMinute: config.AUTH_RATE_LIMIT_PER_MINUTE,
      sessionCacheSeconds: config.AUTH_SESSION_CACHE_SECONDS,
      loginSlowdownAfter: config.AUTH_LOGIN_SLOWDOWN_AFTER,
      loginLockoutAfter: config.AUTH_LOGIN_LOCKOUT_AFTER,
      accountLockoutAfter: config.AUTH_ACCOUNT_LOCKOUT_AFTER,
      lockoutMinutes: config.AUTH_LOCKOUT_MINUTES,
    },
    admin: { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD },
    mail: { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM },
    publicUrl: { appPublicUrl: config.APP_PUBLIC_URL },
    legal: { contactEmail: config.CONTACT_EMAIL },
    search: {
      backend: chooseBackend(config),
      meiliUrl: config.MEILI_URL,
      meiliApiKey: config.MEILI_API_KEY,
      meiliTimeoutMs: config.MEILI_TIMEOUT_MS,
      cacheEntries: config.SEARCH_CACHE_ENTRIES,
    },
    companyRegistry: { url: config.COMPANY_REGISTRY_URL, timeoutMs: config.COMPANY_REGISTRY_TIMEOUT_MS },
    outbox: { enabled: config.OUTBOX_WORKER_ENABLED, pollMs: config.OUTBOX_POLL_MS, batchSize: config.OUTBOX_BATCH_SIZE },
    reminders: { enabled: config.REMINDERS_ENABLED, days: config.REMINDER_DAYS },
    leadAlerts: { topN: config.LEAD_ALERT_TOP_N, digestsEnabled: config.LEAD_DIGESTS_ENABLED, digestHour: config.LEAD_DIGEST_HOUR },
    retention: { enabled: config.RETENTION_ENABLED, months: config.RETENTION_MONTHS },
    evidenceExpiry: { enabled: config.EVIDENCE_EXPIRY_ENABLED },
    eventDeadlines: { enabled: config.EVENT_DEADLINES_ENABLED },
    partners: {
      keyRateLimitPerMinute: config.PARTNER_KEY_RATE_LIMIT_PER_MINUTE,
      invitationTtlDays: config.NEED_INVITATION_TTL_DAYS,
      webhookDisableAfter: config.PARTNER_WEBHOOK_DISABLE_AFTER,
      webhookTimeoutMs: config.PARTNER_WEBHOOK_TIMEOUT_MS,
      webhookAllowPrivate: config.PARTNER_WEBHOOK_ALLOW_PRIVATE,
    },
  };
}

/** One injection token per slice. */
export const configToken = (name: ConfigSliceName): string => `CONFIG_${name}`;

/** `@InjectConfig('auth') private readonly auth: ConfigSlices['auth']`. */
export const InjectConfig = (name: ConfigSliceName): ParameterDecorator => Inject(configToken(name));
