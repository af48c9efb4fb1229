/**
 * Posts one team's digest exactly once, inside a claimed run (see src/jobs/scheduler.ts): the message
 * first, recorded with its ts before anything else happens, then the chart uploaded into the same
 * channel. A run taken over after a crash reads what was recorded and only finishes what is left.
 * If the chart cannot be made or uploaded, the digest stands without it.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { retryRateLimited } from '../jobs/job-client.js';
import type { ClaimedRun } from '../jobs/scheduler.js';
import { buildDigest, peopleNamed } from './build-digest.js';
import { mergeDaySlices } from './queries/week.js';
import { CHART_TITLE, renderChart } from './render-chart.js';
import type { DigestWindow } from './schedule.js';
import { digestMessage, type Names } from './views/digest-message.js';

export interface PostDigestOptions {
  db: Kysely<DB>;
  client: WebClient;
  logger: Logger;
  teamId: string;
  channelId: string;
  window: DigestWindow;
  timeZone: string;
  run: ClaimedRun;
}

export interface PostedDigest {
  channel: string;
  ts: string;
  chart: 'uploaded' | 'failed' | 'none';
}

export async function postDigest(options: PostDigestOptions): Promise<PostedDigest> {
  const { db, client, logger, teamId, channelId, window, timeZone, run } = options;
  const previous = run.previous ?? {};
  const digest = await buildDigest(db, teamId, window, timeZone);
  let posted = { channel: typeof previous.channel === 'string' ? previous.channel : channelId, ts: typeof previous.ts === 'string' ? previous.ts : '' };
  if (posted.ts === '') {
    const message = digestMessage(digest, await displayNames(client, peopleNamed(digest)));
    const answer = await retryRateLimited(() => client.chat.postMessage({ channel: channelId, ...message, unfurl_links: false, unfurl_media: false }));
    posted = { channel: answer.channel ?? channelId, ts: answer.ts ?? '' };
    // Before anything else: whoever finishes this run must know the digest is already out.
    await run.record(posted);
  }
  let chart = previous.chart as PostedDigest['chart'] | undefined;
  if (chart === undefined) {
    chart = digest.quiet ? 'none' : await uploadChart(client, logger, posted.channel, digest.chart, window);
    await run.record({ chart });
  }
  // Housekeeping once the digest is out: the days it covered are over.
  await mergeDaySlices(db, teamId, window.from).catch((error: unknown) => logger.warn(`Could not merge the day slices of ${teamId}: ${String(error)}`));
  return { ...posted, chart };
}

async function uploadChart(client: WebClient, logger: Logger, channel: string, points: Parameters<typeof renderChart>[0], window: DigestWindow): Promise<'uploaded' | 'failed'> {
  try {
    const png = await renderChart(points);
    await retryRateLimited(() =>
      client.filesUploadV2({
        channel_id: channel,
        file: png,
        filename: `digest-${window.to}.png`,
        title: CHART_TITLE,
        alt_text: `${CHART_TITLE}: grouped bars of offline and online actions for Recruit, Engage and Campaign, one pair per week.`,
      }),
    );
    return 'uploaded';
  } catch (error) {
    logger.warn(`The digest for ${window.from}..${window.to} was posted without its chart: ${String(error)}`);
    return 'failed';
  }
}

/** How many users.info calls run at once when naming the digest's people. */
const NAME_LOOKUPS_AT_ONCE = 4;

/**
 * Display names, so the digest names people without pinging each of them every week. Someone whose
 * name Slack does not give is left out of the map (the view then mentions them).
 */
export async function displayNames(client: WebClient, userIds: readonly string[]): Promise<Names> {
  const names = new Map<string, string>();
  const queue = [...userIds];
  const worker = async () => {
    for (let userId = queue.shift(); userId !== undefined; userId = queue.shift()) {
      const user = await client.users
        .info({ user: userId })
        .then((answer) => answer.user)
        .catch(() => undefined);
      const name = user?.profile?.display_name || user?.profile?.real_name || user?.real_name || user?.name;
      if (name) names.set(userId, name);
    }
  };
  await Promise.all(Array.from({ length: NAME_LOOKUPS_AT_ONCE }, worker));
  return names;
}
