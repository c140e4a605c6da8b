import { pino, type Logger } from 'pino';

/** Structured JSON logs on stderr, so stdout stays clean for `--json` output. Secrets are redacted by key. */
export function createLogger(name: string, level: string = process.env.PROVHUNT_LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      name,
      level,
      redact: { paths: ['password', '*.password', 'apiKey', '*.apiKey', 'authorization', '*.authorization'], censor: '[redacted]' },
    },
    pino.destination(2),
  );
}

export type { Logger };
