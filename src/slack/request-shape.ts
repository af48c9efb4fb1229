/**
 * The shapes of request bodies Groundwork takes on /slack/events, checked before Bolt sees them.
 * Bolt 5.1's HTTPReceiver reads fields of a parsed body outside any try (a body of `null` takes the
 * whole process down) and routes on others without checking their types; listeners then read the
 * fields they were promised. So a body is parsed here exactly as Bolt parses it, classified by the
 * same rules Bolt routes by, and refused unless it carries what Bolt and our listeners read.
 * Pure: a raw body in, a verdict out.
 */
import { parse as parseForm } from 'node:querystring';
import { z } from 'zod';

/** Bolt treats a body as a form only for this exact content type; anything else is parsed as JSON. */
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

export type BodyVerdict =
  | { ok: true; kind: 'ssl_check' | 'url_verification' | 'event' | 'command' | 'interaction' }
  | { ok: true; kind: 'rate_limited'; teamId: string; minute: number }
  | { ok: false; problem: string };

const id = z.string().min(1);

const slashCommand = z.looseObject({
  command: z.string().startsWith('/'),
  text: z.string(),
  team_id: id,
  user_id: id,
  channel_id: id,
  trigger_id: id,
  response_url: z.string(),
});

const urlVerification = z.looseObject({ type: z.literal('url_verification'), challenge: z.string() });

const rateLimited = z.looseObject({ type: z.literal('app_rate_limited'), team_id: id, minute_rate_limited: z.number() });

const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  team_id: id,
  event_id: z.string().optional(),
  // Bolt looks for a channel with `in` on the event and on its item, which throws on anything but an object.
  event: z.looseObject({ type: id, item: z.looseObject({}).optional() }),
  authorizations: z.array(z.looseObject({ team_id: z.string().nullable().optional() })).optional(),
});

// Bolt reads team.id, and user.team_id when team is null (org-wide installs); user is always there.
const who = {
  user: z.looseObject({ id, team_id: z.string().optional() }),
  team: z.looseObject({ id }).nullable().optional(),
};

const viewShape = z.looseObject({
  id,
  callback_id: z.string(),
  // Bolt routes on the callback id only; what the state and metadata hold is each listener's to read,
  // through the validated reader (src/slack/read-payload.ts), so a wrong shape gets a field error there.
  private_metadata: z.unknown().optional(),
  hash: z.string().optional(),
  state: z.unknown().optional(),
  app_installed_team_id: z.string().optional(),
});

const interaction = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('block_actions'),
    ...who,
    trigger_id: id,
    actions: z.array(z.looseObject({ action_id: z.string(), type: z.string() })).min(1),
    view: viewShape.partial({ callback_id: true }).optional(),
    channel: z.looseObject({ id }).optional(),
    response_url: z.string().optional(),
  }),
  z.looseObject({ type: z.literal('view_submission'), ...who, view: viewShape }),
  z.looseObject({ type: z.literal('view_closed'), ...who, view: viewShape }),
  z.looseObject({ type: z.literal('block_suggestion'), ...who, action_id: z.string(), value: z.string() }),
  z.looseObject({ type: z.literal('shortcut'), ...who, callback_id: z.string(), trigger_id: id }),
  z.looseObject({ type: z.literal('message_action'), ...who, callback_id: z.string(), trigger_id: id, channel: z.looseObject({ id }).optional() }),
]);

/** Parses a raw body the way Bolt does and says whether Groundwork takes it. */
export function checkRequestBody(raw: string, contentType: string | undefined): BodyVerdict {
  let body: unknown;
  try {
    body = parseLikeBolt(raw, contentType);
  } catch (error) {
    return refuse(error instanceof SyntaxError ? `not JSON (${error.message})` : String(error));
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuse(`a body must be an object, not ${describe(body)}`);
  const fields = body as Record<string, unknown>;

  // In the order Bolt tries them: receiver checks first, then App.processEvent's routing.
  if (fields.ssl_check !== undefined) return fields.ssl_check === '1' ? { ok: true, kind: 'ssl_check' } : refuse('ssl_check must be 1');
  if (fields.type === 'url_verification') return verdict(urlVerification, fields, 'url_verification');
  if (fields.type === 'app_rate_limited') {
    const parsed = rateLimited.safeParse(fields);
    return parsed.success ? { ok: true, kind: 'rate_limited', teamId: parsed.data.team_id, minute: parsed.data.minute_rate_limited } : refuse(issues(parsed.error));
  }
  if (fields.event !== undefined) return verdict(eventCallback, fields, 'event');
  if (fields.command !== undefined) return verdict(slashCommand, fields, 'command');
  if (fields.name !== undefined && fields.type !== 'block_suggestion') return refuse('legacy dialog suggestions are not taken');
  return verdict(interaction, fields, 'interaction');
}

function parseLikeBolt(raw: string, contentType: string | undefined): unknown {
  if (contentType !== FORM_CONTENT_TYPE) return JSON.parse(raw);
  const form = parseForm(raw);
  if (form.payload === undefined) return form;
  if (typeof form.payload !== 'string') throw new Error('payload must appear once');
  return JSON.parse(form.payload);
}

function verdict(schema: z.ZodType, fields: Record<string, unknown>, kind: 'url_verification' | 'event' | 'command' | 'interaction'): BodyVerdict {
  const parsed = schema.safeParse(fields);
  if (!parsed.success) return refuse(issues(parsed.error));
  if (kind === 'interaction' && !teamOfInteraction(fields)) return refuse('names no workspace (team.id or user.team_id)');
  return { ok: true, kind };
}

function teamOfInteraction(fields: Record<string, unknown>): string | undefined {
  const { team, user } = fields as { team?: { id: string } | null; user: { team_id?: string } };
  return team?.id ?? user.team_id;
}

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function refuse(problem: string): BodyVerdict {
  return { ok: false, problem };
}
