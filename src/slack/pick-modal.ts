/**
 * "Which one?" for a staff command typed without a number (`/shift roster`, `/training attendance` …):
 * the rows in a static select, submitted to the feature's own listener, or why there are none. Pure.
 */
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { formatInZone } from '../domain/zoned-time.js';
import { readMetadata, rowId, staticSelect } from './read-payload.js';

/** Slack's limit on a static select's options. */
export const PICK_MAX_OPTIONS = 100;

export interface PickRow {
  id: number;
  title: string;
  startsAt: Date;
}

export interface PickModalOptions {
  callbackId: string;
  blockId: string;
  /** At most 24 characters (Slack's modal title limit). */
  title: string;
  label: string;
  /** Under the select: how to reach a row the list leaves out. */
  hint: string;
  /** The whole modal when there is nothing to choose. */
  empty: string;
  rows: readonly PickRow[];
  timeZone: string;
  /** What the submission needs to know (the purpose, where to answer), as the feature wrote it. */
  metadata: string;
}

export function pickModal(options: PickModalOptions): ModalView {
  const { rows, timeZone } = options;
  const title = { type: 'plain_text' as const, text: options.title.slice(0, 24) };
  if (rows.length === 0) {
    return { type: 'modal', title, close: { type: 'plain_text', text: 'OK' }, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: options.empty } }] };
  }
  return {
    type: 'modal',
    callback_id: options.callbackId,
    title,
    submit: { type: 'plain_text', text: 'Next' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: options.metadata,
    blocks: [
      {
        type: 'input',
        block_id: options.blockId,
        label: { type: 'plain_text', text: options.label },
        hint: { type: 'plain_text', text: options.hint },
        element: {
          type: 'static_select',
          action_id: 'value',
          options: rows.slice(0, PICK_MAX_OPTIONS).map((row) => ({
            // Option text is plain text (no mrkdwn), so a title needs no escaping here, only Slack's 75-character limit.
            text: { type: 'plain_text', text: `#${row.id} ${row.title}`.slice(0, 40) + ` · ${formatInZone(row.startsAt, timeZone)}`.slice(0, 35) },
            value: String(row.id),
          })),
        },
      },
    ],
  };
}

/** What a pick modal's submission needs: what the command was for, and where to answer it. */
export interface PickRequest<P extends string> {
  purpose: P;
  responseUrl?: string;
}

export function pickMetadata<P extends string>(request: PickRequest<P>): string {
  return JSON.stringify({ purpose: request.purpose, ...(request.responseUrl ? { responseUrl: request.responseUrl } : {}) });
}

/** Reads back what pickMetadata wrote, for one of `purposes`; null when it is not that. */
export function pickMetadataReader<P extends string>(purposes: readonly [P, ...P[]]): (privateMetadata: unknown) => PickRequest<P> | null {
  const schema = z.object({ purpose: z.enum(purposes), responseUrl: z.string().max(2000).optional() });
  return (privateMetadata) => {
    const read = readMetadata(schema, privateMetadata);
    return read && { purpose: read.purpose as P, ...(read.responseUrl ? { responseUrl: read.responseUrl } : {}) };
  };
}

/** The list's one field, a row number from its options; `noun` names the rows in the error. */
export function pickInputs(blockId: string, noun: string) {
  const problem = `Choose a ${noun} from the list.`;
  return { [blockId]: staticSelect(rowId, { required: problem, invalid: problem }) };
}
