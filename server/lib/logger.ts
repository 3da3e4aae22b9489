import pino from 'pino';

export type Logger = pino.Logger;

export type LogCategory = 'lifecycle' | 'http' | 'socket' | 'sms' | 'db' | 'mail' | 'rules';

/**
 * The one logger: JSON in production, pretty in development, silent in tests unless LOG_LEVEL
 * says otherwise. Callers take a child per category; never log phone numbers, message text,
 * passwords, tokens or carrier SDK `config` objects.
 */
export function createLogger(options: { level?: string; pretty?: boolean } = {}): Logger {
  const level = options.level ?? 'info';
  if (options.pretty) {
    return pino({
      level,
      transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } },
    });
  }
  return pino({
    level,
    redact: {
      paths: ['*.password', '*.token', '*.authorization', '*.headers.authorization', '*.config'],
      censor: '[redacted]',
    },
  });
}

/** A child logger for one category of facts. */
export function category(logger: Logger, name: LogCategory): Logger {
  return logger.child({ category: name });
}
