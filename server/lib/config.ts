import { existsSync, readFileSync } from 'node:fs';

import { z } from 'zod';

/** Everything the server reads from the environment, validated once at start. */
export interface Config {
  port: number;
  /** Bind address; null binds every interface. */
  host: string | null;
  /** A file that receives the bound port once listening (scripts that start with PORT=0). */
  portFile: string | null;
  databasePath: string;
  publicUrl: string;
  adminEmail: string | null;
  adminPassword: string | null;
  vonage: VonageConfig | null;
  vonageSignatureSecret: string | null;
  vonageApiHost: string | null;
  smtpUrl: string | null;
  logLevel: string;
  logPretty: boolean;
  assistant: { url: string; apiKey: string | null; model: string } | null;
}

export type VonageConfig =
  | { kind: 'jwt'; applicationId: string; privateKey: string }
  | { kind: 'basic'; apiKey: string; apiSecret: string };

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const optional = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value ? value : undefined));

const url = (name: string) =>
  optional.refine((value) => value === undefined || URL.canParse(value), `${name} must be a URL`);

const envSchema = z.object({
  PORT: optional
    .refine(
      (value) => value === undefined || (/^\d{1,5}$/.test(value) && Number(value) <= 65535),
      'PORT must be a number from 0 to 65535',
    )
    .transform((value) => (value === undefined ? undefined : Number(value))),
  HOST: optional.refine(
    (value) => value === undefined || /^[\w.:-]{1,255}$/.test(value),
    'HOST must be a host name or an IP address',
  ),
  PORT_FILE: optional,
  DATABASE_PATH: optional,
  PUBLIC_URL: url('PUBLIC_URL'),
  ADMIN_EMAIL: optional.pipe(z.email('ADMIN_EMAIL must be an email address').optional()),
  ADMIN_PASSWORD: optional.pipe(
    z.string().min(10, 'ADMIN_PASSWORD must have at least 10 characters').optional(),
  ),
  VONAGE_APPLICATION_ID: optional,
  VONAGE_PRIVATE_KEY: optional,
  VONAGE_API_KEY: optional,
  VONAGE_API_SECRET: optional,
  VONAGE_SIGNATURE_SECRET: optional,
  VONAGE_API_HOST: url('VONAGE_API_HOST'),
  SMTP_URL: optional.refine(
    (value) => value === undefined || /^smtps?:\/\//.test(value),
    'SMTP_URL must start with smtp:// or smtps://',
  ),
  LOG_LEVEL: optional.pipe(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  ),
  NODE_ENV: optional,
  ASSISTANT_API_URL: url('ASSISTANT_API_URL'),
  ASSISTANT_API_KEY: optional,
  ASSISTANT_MODEL: optional,
});

/** Reads and checks the environment; throws ConfigError with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;

  if (Boolean(e.ADMIN_EMAIL) !== Boolean(e.ADMIN_PASSWORD)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together.');
  }

  const vonage = readVonage(e);
  if (vonage && !e.VONAGE_SIGNATURE_SECRET) {
    throw new ConfigError(
      'Vonage credentials are set but VONAGE_SIGNATURE_SECRET is not: without it anyone could ' +
        'post fake texts to the webhooks. Set the signature secret from the Vonage dashboard.',
    );
  }

  const port = e.PORT ?? 3000;
  return {
    port,
    host: e.HOST ?? null,
    portFile: e.PORT_FILE ?? null,
    databasePath: e.DATABASE_PATH ?? './data/switchboard.db',
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    adminEmail: e.ADMIN_EMAIL ?? null,
    adminPassword: e.ADMIN_PASSWORD ?? null,
    vonage,
    vonageSignatureSecret: e.VONAGE_SIGNATURE_SECRET ?? null,
    vonageApiHost: e.VONAGE_API_HOST?.replace(/\/+$/, '') ?? null,
    smtpUrl: e.SMTP_URL ?? null,
    logLevel: e.LOG_LEVEL ?? 'info',
    logPretty: e.NODE_ENV !== 'production' && process.stdout.isTTY === true,
    assistant: e.ASSISTANT_API_URL
      ? {
          url: e.ASSISTANT_API_URL,
          apiKey: e.ASSISTANT_API_KEY ?? null,
          model: e.ASSISTANT_MODEL ?? 'gpt-4o-mini',
        }
      : null,
  };
}

function readVonage(e: z.infer<typeof envSchema>): VonageConfig | null {
  if (e.VONAGE_APPLICATION_ID || e.VONAGE_PRIVATE_KEY) {
    if (!e.VONAGE_APPLICATION_ID || !e.VONAGE_PRIVATE_KEY) {
      throw new ConfigError('VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY must be set together.');
    }
    return {
      kind: 'jwt',
      applicationId: e.VONAGE_APPLICATION_ID,
      privateKey: readPrivateKey(e.VONAGE_PRIVATE_KEY),
    };
  }
  if (e.VONAGE_API_KEY || e.VONAGE_API_SECRET) {
    if (!e.VONAGE_API_KEY || !e.VONAGE_API_SECRET) {
      throw new ConfigError('VONAGE_API_KEY and VONAGE_API_SECRET must be set together.');
    }
    return { kind: 'basic', apiKey: e.VONAGE_API_KEY, apiSecret: e.VONAGE_API_SECRET };
  }
  return null;
}

function readPrivateKey(value: string): string {
  if (value.includes('-----BEGIN')) return value.replace(/\\n/g, '\n');
  if (!existsSync(value)) {
    throw new ConfigError('VONAGE_PRIVATE_KEY is neither PEM text nor a readable file path.');
  }
  return readFileSync(value, 'utf8');
}
