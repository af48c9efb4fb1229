/**
 * The named segments staff pick people from, as data: who is in each, read from the per-person
 * summary (person_activity: offline and online counts, first and last day acted) and from skills.
 * Pure: the definitions and the id a button carries; the SQL that applies them is queries/segments.ts.
 */
import { z } from 'zod';
import { TACTIC_IDS, TACTICS, isTacticId, type TacticId } from '../domain/tactics.js';

/** "Most …" segments are the top this many people (ties broken by Slack id, so the list is stable). */
export const TOP_SEGMENT_SIZE = 50;
/** Online-only people with at least this many online actions are ready to be asked to something offline. */
export const READY_ONLINE_ACTIONS = 3;
/** Lapsed: acted before, and nothing in this many days (four weeks). */
export const LAPSED_AFTER_DAYS = 28;

export const FIXED_SEGMENT_IDS = ['most_online', 'most_offline', 'bridgers', 'online_ready', 'offline_only', 'lapsed'] as const;
export type FixedSegmentId = (typeof FIXED_SEGMENT_IDS)[number];
export type SegmentId = FixedSegmentId | `skill:${TacticId}`;

export interface SegmentDefinition {
  label: string;
  /** Who is in it, in a sentence staff can check a name against. */
  rule: string;
}

export const FIXED_SEGMENTS: Record<FixedSegmentId, SegmentDefinition> = {
  most_online: { label: 'Most online actions', rule: `the ${TOP_SEGMENT_SIZE} people with the most online actions, all time` },
  most_offline: { label: 'Most offline actions', rule: `the ${TOP_SEGMENT_SIZE} people with the most offline actions, all time` },
  bridgers: { label: 'Bridgers', rule: 'people who have acted both offline and online' },
  online_ready: {
    label: 'Online-only, ready for an offline ask',
    rule: `online-only people with ${READY_ONLINE_ACTIONS} or more online actions who acted in the last ${LAPSED_AFTER_DAYS} days`,
  },
  offline_only: { label: 'Offline-only', rule: 'people who have acted offline and never online' },
  lapsed: { label: 'Lapsed', rule: `people who acted before and not in the last ${LAPSED_AFTER_DAYS} days` },
};

export function segmentDefinition(id: SegmentId): SegmentDefinition {
  if (id.startsWith('skill:')) {
    const tactic = TACTICS[id.slice('skill:'.length) as TacticId];
    return { label: `Skill: ${tactic.name}`, rule: `people trained or recorded as skilled in ${tactic.name.toLowerCase()}` };
  }
  return FIXED_SEGMENTS[id as FixedSegmentId];
}

/** A segment id as a button carries it; null for anything we never wrote. */
export function parseSegmentId(value: string): SegmentId | null {
  if ((FIXED_SEGMENT_IDS as readonly string[]).includes(value)) return value as FixedSegmentId;
  const skill = value.startsWith('skill:') ? value.slice('skill:'.length) : '';
  return isTacticId(skill) ? `skill:${skill}` : null;
}

/** A segment id read from a button value or private_metadata: only the ids the modals write. */
export const segmentIdValue = z
  .string()
  .max(60)
  .transform((value, ctx) => parseSegmentId(value) ?? (ctx.addIssue({ code: 'custom', message: 'unknown segment' }), z.NEVER));

export const SKILL_SEGMENT_IDS: readonly SegmentId[] = TACTIC_IDS.map((id) => `skill:${id}` as const);
