/**
 * The Web API client scheduled jobs post with. Slack's default client retries for about half an hour,
 * which would hold a job (and its claim) that long; and it retries after a timeout, when a post may
 * already have landed. So jobs get a client that never retries on its own and rejects rate-limited
 * calls at once, and `retryRateLimited` waits out a 429 a bounded number of times: a 429 means the
 * call was not done, so it is the one failure safe to repeat.
 */
import { ErrorCode, WebClient, type WebAPIRateLimitedError } from '@slack/web-api';

export interface JobClientOptions {
  token: string;
  slackApiUrl: string;
  /** Per request; a request that takes longer fails (and the run gives its claim back). */
  timeoutMs?: number;
}

export function jobWebClient(options: JobClientOptions): WebClient {
  return new WebClient(options.token, {
    slackApiUrl: options.slackApiUrl,
    timeout: options.timeoutMs ?? 10_000,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
}

export interface RateLimitPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** A Retry-After longer than this is not waited for: the call fails and the job's next tick tries again. */
  maxWaitSeconds: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Posting one digest: a few short waits at most, well inside the claim's lease. */
export const JOB_RATE_LIMIT_POLICY: RateLimitPolicy = { attempts: 3, maxWaitSeconds: 30 };

/** Slack answered 429: the call was not done (a job's client rejects it at once instead of waiting). */
export function isRateLimited(error: unknown): error is WebAPIRateLimitedError {
  return (error as Partial<WebAPIRateLimitedError> | null)?.code === ErrorCode.RateLimitedError;
}

/** Runs `call`, and runs it again after Slack's Retry-After when it was rate limited, within `policy`. */
export async function retryRateLimited<T>(call: () => Promise<T>, policy: RateLimitPolicy = JOB_RATE_LIMIT_POLICY): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!isRateLimited(error) || attempt >= policy.attempts) throw error;
      const wait = error.retryAfter ?? 1;
      if (wait > policy.maxWaitSeconds) throw error;
      await sleep(wait * 1000);
    }
  }
}
