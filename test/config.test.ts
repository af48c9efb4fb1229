import { describe, expect, it } from 'vitest';
import { ConfigError, connectionMode, loadConfig } from '../src/config.js';

const valid = { SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_SIGNING_SECRET: 'shh' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the settings to be refused');
}

describe('loadConfig', () => {
  it('fills in every default', () => {
    expect(loadConfig(valid)).toEqual({
      ...valid,
      SLACK_APP_TOKEN: undefined,
      SLACK_API_URL: 'https://slack.com/api/',
      PORT: 3000,
      DATABASE_URL: undefined,
      DATA_DIR: './data',
      DATABASE_POOL_SIZE: 10,
      LOG_LEVEL: 'info',
    });
  });

  it('chooses Socket Mode when an app token is set, HTTP otherwise', () => {
    expect(connectionMode(loadConfig(valid))).toBe('http');
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-abc' });
    expect(connectionMode(socket)).toBe('socket');
  });

  it('adds the trailing slash a Web API base URL needs', () => {
    expect(loadConfig({ ...valid, SLACK_API_URL: 'https://slack-gov.com/api' }).SLACK_API_URL).toBe('https://slack-gov.com/api/');
  });

  it('treats an empty DATABASE_URL as unset (the embedded database)', () => {
    expect(loadConfig({ ...valid, DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{}, ['SLACK_BOT_TOKEN is missing: OAuth & Permissions → Bot User OAuth Token', 'SLACK_SIGNING_SECRET is missing: Basic Information → App Credentials → Signing Secret']],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 's' }, ['SLACK_BOT_TOKEN must start with xoxb-']],
    [{ ...valid, SLACK_APP_TOKEN: 'xoxb-wrong' }, ['SLACK_APP_TOKEN must start with xapp-: Basic Information → App-Level Tokens']],
    [{ ...valid, PORT: '70000' }, ['PORT must be between 0 (any free port) and 65535']],
    [{ ...valid, PORT: 'http' }, ['PORT must be a port number such as 3000']],
    [{ ...valid, DATABASE_URL: 'mysql://db/groundwork' }, ['DATABASE_URL must be a PostgreSQL URL']],
    [{ ...valid, SLACK_API_URL: 'slack' }, ['SLACK_API_URL must be a URL']],
    [{ ...valid, LOG_LEVEL: 'loud' }, ['LOG_LEVEL must be one of debug, info, warn, error']],
    [{ ...valid, DATABASE_POOL_SIZE: '0' }, ['DATABASE_POOL_SIZE must be at least 1']],
  ])('names every problem in %j', (env, expected) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(problems[i]).toContain(text));
  });

  it('never repeats a secret value in its message', () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: 'xoxp-very-secret', SLACK_SIGNING_SECRET: 'signing-secret-value', PORT: 'x' });
    expect(problems.join('\n')).not.toContain('very-secret');
    expect(problems.join('\n')).not.toContain('signing-secret-value');
  });
});
