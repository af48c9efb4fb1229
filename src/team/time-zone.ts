/**
 * The zone scheduled times (shifts, trainings) are typed and shown in: the team's, from settings. Until
 * an admin sets one, the person scheduling uses their own Slack zone (the modal says so), and fallback
 * texts use UTC.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.js';
import { findWorkspaceSettings } from './queries/settings.js';

export async function teamTimeZone(db: Kysely<DB>, teamId: string): Promise<string | null> {
  return (await findWorkspaceSettings(db, teamId))?.timeZone ?? null;
}

/** The zone fallback texts name when Slack cannot show a reader their own. */
export async function displayTimeZone(db: Kysely<DB>, teamId: string): Promise<string> {
  return (await teamTimeZone(db, teamId)) ?? 'UTC';
}

/**
 * A time zone as the scheduling modals carry it in their metadata: any name this runtime can format
 * times in (the team's setting or a Slack profile's zone). Anything else was not written by us.
 */
export const timeZoneName = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  });
