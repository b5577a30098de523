export type LogFormatSetting = 'auto' | 'pretty' | 'json';

export interface LogFormatContext {
  setting: LogFormatSetting;
  nodeEnv: string;
  /** Whether standard output is a terminal someone reads. */
  isTty: boolean;
}

/**
 * Pretty lines only for a person watching a development terminal. Production, tests, pipes and
 * files get JSON: collectors parse it, and colour codes would pollute it. An explicit setting wins.
 */
export function chooseLogFormat({ setting, nodeEnv, isTty }: LogFormatContext): 'pretty' | 'json' {
  if (setting !== 'auto') return setting;
  return nodeEnv === 'development' && isTty ? 'pretty' : 'json';
}
