/**
 * Every setting Groundwork reads, its default, and where a person finds the value.
 * Read once at start-up from the environment (and `.env` through dotenv); a bad setting stops
 * the app with one message that lists every problem, so nobody fixes them one restart at a time.
 */
import { z } from 'zod';

const WHERE = {
  SLACK_BOT_TOKEN: 'OAuth & Permissions → Bot User OAuth Token (starts with xoxb-)',
  SLACK_SIGNING_SECRET: 'Basic Information → App Credentials → Signing Secret',
  SLACK_APP_TOKEN: 'Basic Information → App-Level Tokens, with the connections:write scope (starts with xapp-)',
} as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const configSchema = z
  .object({
    SLACK_BOT_TOKEN: z
      .string({ error: `is missing: ${WHERE.SLACK_BOT_TOKEN}` })
      .trim()
      .min(1, `is missing: ${WHERE.SLACK_BOT_TOKEN}`)
      .startsWith('xoxb-', `must start with xoxb-: ${WHERE.SLACK_BOT_TOKEN}`),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), {
      message: `must start with xapp-: ${WHERE.SLACK_APP_TOKEN}`,
    }),
    SLACK_API_URL: z
      .url({ error: 'must be a URL such as https://slack.com/api/ (GovSlack: https://slack-gov.com/api/)' })
      .default('https://slack.com/api/')
      .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
    PORT: z.coerce
      .number({ error: 'must be a port number such as 3000' })
      .int('must be a whole port number such as 3000')
      .min(0, 'must be between 0 (any free port) and 65535')
      .max(65535, 'must be between 0 (any free port) and 65535')
      .default(3000),
    DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: 'must be a PostgreSQL URL such as postgres://user:password@host:5432/groundwork (leave it unset to use the embedded database)',
    }),
    DATA_DIR: z.string().trim().min(1).default('./data'),
    DATABASE_POOL_SIZE: z.coerce
      .number({ error: 'must be a whole number such as 10' })
      .int('must be a whole number such as 10')
      .min(1, 'must be at least 1')
      .max(100, 'must be at most 100')
      .default(10),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be one of debug, info, warn, error' }).default('info'),
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Groundwork cannot start; fix these settings in .env or the environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; throws a ConfigError naming every bad setting (never echoing its value). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.') || 'settings'} ${issue.message}`);
  // Checked on the raw values so it is reported alongside every other problem.
  if (!env.SLACK_APP_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim()) {
    problems.push(
      `SLACK_SIGNING_SECRET is missing: ${WHERE.SLACK_SIGNING_SECRET} (HTTP mode needs it; or set SLACK_APP_TOKEN for Socket Mode)`,
    );
  }
  if (result.success && problems.length === 0) return result.data;
  throw new ConfigError(problems);
}

export function connectionMode(config: Config): 'socket' | 'http' {
  return config.SLACK_APP_TOKEN ? 'socket' : 'http';
}
