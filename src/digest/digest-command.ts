/**
 * `npm run digest -- …`, for operators:
 *   --preview [--week YYYY-MM-DD] [--team T…] [--out file.png]   print the digest, write the chart; post nothing
 *   --post [--force] [--team T…]                                  post now (once per period unless --force)
 *   --preview --demo                                              a sample team in a throwaway embedded database
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { addDays, isIsoDate, todayIn } from '../domain/dates.js';
import { jobWebClient } from '../jobs/job-client.js';
import { runClaimed } from '../jobs/scheduler.js';
import { buildDigest } from './build-digest.js';
import { DEMO_PEOPLE, DEMO_TEAM_ID, seedDemoTeam } from './demo.js';
import { DIGEST_LEASE_MS, DIGEST_POST_JOB } from './digest-job.js';
import { postDigest } from './post-digest.js';
import { digestTeams, type DigestTeam } from './queries/teams.js';
import { renderChart } from './render-chart.js';
import { windowBefore, windowEndingOn, type DigestWindow } from './schedule.js';
import { digestText } from './views/digest-message.js';

export const DIGEST_USAGE = `Usage:
  npm run digest -- --preview --demo                      try it: a sample team, no Slack app or database needed
  npm run digest -- --preview [--week 2026-11-29] [--team T0123] [--out chart.png]
  npm run digest -- --post [--force] [--team T0123]`;

/** A mistake in how the command was called: printed with the usage, never as a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const environment = z.object({
  DATABASE_URL: z.string().trim().optional().transform((v) => (v ? v : undefined)),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  SLACK_BOT_TOKEN: z.string().trim().optional(),
  SLACK_API_URL: z.string().trim().default('https://slack.com/api/'),
});

export async function digestCommand(args: string[], log: (line: string) => void = console.log): Promise<void> {
  const options = parse(args);
  if (options.demo) return demo(options, log);
  const env = environment.parse(process.env);
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 2 });
  try {
    await migrateToLatest(database.db);
    const team = await chooseTeam(database, options.team);
    if (options.preview) {
      const window = options.week ? windowEndingOn(options.week) : windowBefore(todayIn(team.schedule.timeZone));
      await preview(database, team.teamId, window, team.schedule.timeZone, new Map(), options.out, log);
      return;
    }
    if (!env.SLACK_BOT_TOKEN?.startsWith('xoxb-')) throw new UsageError('--post needs SLACK_BOT_TOKEN (xoxb-…) in .env or the environment.');
    const client = jobWebClient({ token: env.SLACK_BOT_TOKEN, slackApiUrl: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/` });
    const now = new Date();
    const window = windowBefore(todayIn(team.schedule.timeZone, now));
    const logger = consoleLogger(log);
    // --force posts again under a period of its own, so the scheduled run's record stays as it was.
    const period = `${team.teamId}:${window.to}${options.force ? `:forced:${now.toISOString()}` : ''}`;
    let posted = '';
    const outcome = await runClaimed({ db: database.db, client, logger }, { job: DIGEST_POST_JOB, period, now, leaseMs: DIGEST_LEASE_MS }, async (run) => {
      const result = await postDigest({ db: database.db, client, logger, teamId: team.teamId, channelId: team.channelId, window, timeZone: team.schedule.timeZone, run });
      posted = `Posted the digest for ${window.from}..${window.to} to ${result.channel} (ts ${result.ts}); chart: ${result.chart}.`;
    });
    if (outcome === 'claimed elsewhere') log(`The digest for ${window.from}..${window.to} was already posted (or is being posted). Add --force to post it again.`);
    else if (outcome === 'failed') throw new Error('The digest could not be posted; the reason is logged above.');
    else log(posted);
  } finally {
    await database.close();
  }
}

interface DigestOptions {
  preview: boolean;
  post: boolean;
  demo: boolean;
  force: boolean;
  week?: string;
  team?: string;
  out?: string;
}

function parse(args: string[]): DigestOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: args.filter((arg) => arg !== '--'),
      options: {
        preview: { type: 'boolean', default: false },
        post: { type: 'boolean', default: false },
        demo: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        week: { type: 'string' },
        team: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const options: DigestOptions = { ...values } as DigestOptions;
  if (options.preview === options.post) throw new UsageError('Say --preview or --post (one of them).');
  if (options.week !== undefined && !isIsoDate(options.week)) throw new UsageError(`--week ${options.week} is not a date like 2026-11-29 (the last day of the seven to preview).`);
  if (options.week !== undefined && options.post) throw new UsageError('--week works with --preview; --post always covers the seven days before now.');
  if (options.demo && options.post) throw new UsageError('--demo works with --preview only: the sample team has no Slack workspace to post to.');
  if (options.force && !options.post) throw new UsageError('--force goes with --post.');
  return options;
}

async function chooseTeam(database: Database, teamId: string | undefined): Promise<DigestTeam> {
  const teams = await digestTeams(database.db, teamId);
  if (teams.length === 1) return teams[0]!;
  if (teamId !== undefined) throw new UsageError(`Team ${teamId} has no digest channel yet: an admin chooses one with /groundwork settings.`);
  if (teams.length === 0) throw new UsageError('No team has a digest channel yet: an admin chooses one with /groundwork settings. To see a sample digest, try --preview --demo.');
  throw new UsageError(`Several teams have a digest (${teams.map((t) => t.teamId).join(', ')}); choose one with --team.`);
}

async function preview(database: Database, teamId: string, window: DigestWindow, timeZone: string, names: ReadonlyMap<string, string>, out: string | undefined, log: (line: string) => void): Promise<void> {
  const digest = await buildDigest(database.db, teamId, window, timeZone);
  log(digestText(digest, names));
  if (digest.quiet) {
    log('\n(A quiet week: the digest would be posted without a chart.)');
    return;
  }
  const file = path.resolve(out ?? `digest-${teamId}-${window.to}.png`);
  await writeFile(file, await renderChart(digest.chart));
  log(`\nChart written to ${file}`);
}

/** A throwaway embedded database in a temporary folder, removed afterwards. */
async function demo(options: DigestOptions, log: (line: string) => void): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'groundwork-demo-'));
  const database = await openDatabase({ dataDir: folder, poolSize: 1 });
  try {
    await migrateToLatest(database.db);
    const timeZone = 'America/Chicago';
    const lastDay = options.week ?? addDays(todayIn(timeZone), -1);
    await seedDemoTeam(database.db, lastDay);
    log(`Sample team, the seven days ending ${lastDay} (a month of work was made up for it):`);
    await preview(database, DEMO_TEAM_ID, windowEndingOn(lastDay), timeZone, DEMO_PEOPLE, options.out ?? 'digest-demo.png', log);
  } finally {
    await database.close();
    await rm(folder, { recursive: true, force: true });
  }
}

function consoleLogger(log: (line: string) => void) {
  return {
    debug: () => {},
    info: (...m: unknown[]) => log(m.map(String).join(' ')),
    warn: (...m: unknown[]) => log(`warning: ${m.map(String).join(' ')}`),
    error: (...m: unknown[]) => log(`error: ${m.map(String).join(' ')}`),
    setLevel: () => {},
    getLevel: () => 'info' as never,
    setName: () => {},
  };
}
