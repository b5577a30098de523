import { chooseLogFormat } from './log-format.js';

describe('chooseLogFormat', () => {
  it.each([
    ['auto', 'development', true, 'pretty'],
    ['auto', 'development', false, 'json'], // piped or redirected: a machine reads it
    ['auto', 'production', true, 'json'],
    ['auto', 'test', true, 'json'],
    ['json', 'development', true, 'json'],
    ['pretty', 'production', false, 'pretty'],
    ['pretty', 'development', false, 'pretty'],
  ] as const)('LOG_FORMAT=%s, NODE_ENV=%s, terminal %s: %s', (setting, nodeEnv, isTty, expected) => {
    expect(chooseLogFormat({ setting, nodeEnv, isTty })).toBe(expected);
  });
});
