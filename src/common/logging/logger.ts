import type { LoggerService } from '@nestjs/common';
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../../config/app-config.js';
import { chooseLogFormat } from './log-format.js';

type LoggerConfig = Pick<AppConfig, 'LOG_LEVEL'> & Partial<Pick<AppConfig, 'LOG_FORMAT' | 'NODE_ENV'>>;

/**
 * One logger for Fastify's request logs and Nest's own messages: JSON lines for machines, or
 * coloured lines for a person at a development terminal (see `chooseLogFormat`).
 */
export function createLogger(config: LoggerConfig): Logger {
  const options = {
    level: config.LOG_LEVEL,
    base: { service: 'circuit-ia' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.passwordHash', '*.refreshToken'],
      censor: '[redacted]',
    },
  };
  const format = chooseLogFormat({
    setting: config.LOG_FORMAT ?? 'json',
    nodeEnv: config.NODE_ENV ?? 'production',
    isTty: Boolean(process.stdout.isTTY),
  });
  const pretty = format === 'pretty' ? prettyStream() : undefined;
  const logger = pretty ? pino(options, pretty) : pino(options);
  if (format === 'pretty' && !pretty && config.LOG_FORMAT === 'pretty') {
    logger.warn('LOG_FORMAT=pretty, but pino-pretty is not installed (production dependencies only): logging JSON.');
  }
  return logger;
}

/**
 * pino-pretty is a development dependency, absent from the Docker image (`npm ci --omit=dev`),
 * so it is required only when wanted, and its absence means JSON rather than a crash. It runs as
 * a stream in this thread, not as a transport worker, so nothing is lost when the process exits.
 */
function prettyStream(): DestinationStream | undefined {
  let build: (options: Record<string, unknown>) => DestinationStream;
  try {
    build = createRequire(import.meta.url)('pino-pretty') as typeof build;
  } catch {
    return undefined;
  }
  return build({
    colorize: true,
    translateTime: 'SYS:HH:MM:ss.l',
    // Same on every line, or already said at boot: noise for a reader.
    ignore: 'pid,hostname,service',
    singleLine: false,
  });
}

/** Adapts pino to Nest's LoggerService so framework messages go through the same logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
