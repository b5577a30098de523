import type { AppConfig } from '../config/app-config.js';

/**
 * Whether `npm start` may load the demo data (into an empty database only): DEMO_DATA when set;
 * unset, only on the embedded database — a DATABASE_URL server gets it on explicit request only.
 */
export function demoDataWanted(config: Pick<AppConfig, 'DEMO_DATA' | 'NODE_ENV'>, embedded: boolean): boolean {
  if (config.NODE_ENV === 'test') return false;
  return config.DEMO_DATA ?? embedded;
}
