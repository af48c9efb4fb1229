/**
 * The one way listeners read what a Slack payload carries: modal inputs (`view.state.values`),
 * `private_metadata` and button values, each checked with zod against the exact form Groundwork
 * wrote. Reading never throws: a payload of the wrong shape becomes a field error keyed by block id
 * (shown on that field) or `null` (the caller refuses at once), so Slack is always answered within
 * its 3 s instead of waiting on a listener that crashed before its ack. Pure: no Slack calls.
 */
import { z } from 'zod';

/** Human messages keyed by block id, as `response_action: 'errors'` wants them. */
export type FieldErrors = Record<string, string>;

/**
 * Every field read, or an error for every field that could not be; `partial` holds the fields that
 * were read, so a caller can check those too and name every problem at once.
 */
export type InputsRead<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; partial: Partial<T> };

type FieldRead<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads one input block of `view.state.values`; make one with the element readers below. */
export interface InputReader<T> {
  /** The element's action_id inside its block. */
  readonly actionId: string;
  /** `block` is the block's entry in the state values, undefined when the block is absent. */
  read(block: unknown): FieldRead<T>;
}

/** What a reader yields for a field that was read. */
export type ReaderValue<R> = R extends InputReader<infer T> ? T : never;

export interface FieldOptions {
  /** The element's action_id; every Groundwork input uses 'value' unless its block dispatches actions. */
  actionId?: string;
  /** Said when the field is left empty; without it the field is optional and empty reads as null (or []). */
  required?: string;
  /** Said when the field holds something its element cannot produce (an option that was never offered). */
  invalid?: string;
}

/** Optional fields read as `T | null` (single) or `T[]` (multi); required ones never empty. */
type Single<O extends FieldOptions, T> = O extends { required: string } ? T : T | null;

/** Said when a field's value is not of the kind its element sends: nothing the person typed is wrong. */
export const UNREADABLE_FIELD = "I couldn't read this field. Fill it in again; if that doesn't help, close the form and open it again.";

/** Slack's ids: channels (C…, private G…, DM D…), people (U…, W… on Enterprise Grid), user groups (S…). */
export const channelId = z.string().regex(/^[CGD][A-Z0-9]{2,30}$/);
export const userId = z.string().regex(/^[UW][A-Z0-9]{2,30}$/);
export const usergroupId = z.string().regex(/^S[A-Z0-9]{2,30}$/);

/**
 * A database row id exactly as `String(id)` wrote it: digits with no sign, space, leading zero,
 * exponent or fraction, and small enough to be a safe integer. Anything else was not written by us.
 */
export const rowId = z
  .string()
  .regex(/^[1-9]\d{0,15}$/)
  .transform(Number)
  .refine(Number.isSafeInteger);

/**
 * A whole number as Slack's number_input sends it ("12"). Nine digits are more than any count holds
 * (the domain says how much is too much) and keep far from where Number() loses precision.
 */
const WHOLE_NUMBER = z
  .string()
  .regex(/^\d+$/, { error: 'Enter a whole number, 0 or more, like 12.' })
  .max(9, { error: 'That number is too big for a count. Enter a whole number, like 12.' })
  .transform(Number);

/** A single-line or multi-line text input; the text is trimmed, and blank reads as empty. */
export function textInput<O extends FieldOptions>(options: O = {} as O): InputReader<Single<O, string>> {
  return element({ type: 'plain_text_input', key: 'value', value: z.string().trim(), empty: null, isEmpty: (text) => text === '' }, options);
}

/** A number input without decimals: exactly the digits Slack sends, else a field error. */
export function wholeNumberInput<O extends FieldOptions>(options: O = {} as O): InputReader<Single<O, number>> {
  return element({ type: 'number_input', key: 'value', value: WHOLE_NUMBER, empty: null }, options);
}

/** A datepicker: "YYYY-MM-DD", a real calendar day. */
export function datePicker<O extends FieldOptions>(options: O = {} as O): InputReader<Single<O, string>> {
  return element({ type: 'datepicker', key: 'selected_date', value: z.iso.date(), empty: null }, options);
}

/** A timepicker: "HH:MM" on a 24-hour clock. */
export function timePicker<O extends FieldOptions>(options: O = {} as O): InputReader<Single<O, string>> {
  return element({ type: 'timepicker', key: 'selected_time', value: z.iso.time({ precision: -1 }), empty: null }, options);
}

/** A static select; `value` says which option values were offered (and may turn one into what it means). */
export function staticSelect<T, O extends FieldOptions>(value: z.ZodType<T, string>, options: O = {} as O): InputReader<Single<O, T>> {
  return element({ type: 'static_select', key: 'selected_option', value: optionValue(value), empty: null }, options);
}

/** Radio buttons: the chosen option's value (`value` says which were offered). */
export function radioButtons<T, O extends FieldOptions>(value: z.ZodType<T, string>, options: O = {} as O): InputReader<Single<O, T>> {
  return element({ type: 'radio_buttons', key: 'selected_option', value: optionValue(value), empty: null }, options);
}

/** A multi static select: the values of the chosen options, [] when none. */
export function multiStaticSelect<T>(value: z.ZodType<T, string>, options: FieldOptions = {}): InputReader<T[]> {
  return element({ type: 'multi_static_select', key: 'selected_options', value: optionValues(value), empty: [], isEmpty: isEmptyList }, options);
}

/** Checkboxes: the values of the ticked boxes, [] when none. */
export function checkboxes<T>(value: z.ZodType<T, string>, options: FieldOptions = {}): InputReader<T[]> {
  return element({ type: 'checkboxes', key: 'selected_options', value: optionValues(value), empty: [], isEmpty: isEmptyList }, options);
}

/** A conversations select: the chosen channel's id. */
export function conversationSelect<O extends FieldOptions>(options: O = {} as O): InputReader<Single<O, string>> {
  return element({ type: 'conversations_select', key: 'selected_conversation', value: channelId, empty: null }, options);
}

/** A users select: the chosen person's id. */
export function userSelect<O extends FieldOptions>(options: O = {} as O): InputReader<Single<O, string>> {
  return element({ type: 'users_select', key: 'selected_user', value: userId, empty: null }, options);
}

/** A multi users select: the chosen people's ids, [] when none. */
export function multiUserSelect(options: FieldOptions = {}): InputReader<string[]> {
  return element({ type: 'multi_users_select', key: 'selected_users', value: z.array(userId).max(100), empty: [], isEmpty: isEmptyList }, options);
}

/**
 * For a block the modal only sometimes shows: absent reads as undefined (the caller keeps what it
 * had), present is read by `reader`. Any other absent block is a field error: Slack's state carries
 * every input block of the view, empty ones included (value null, selected_options []).
 */
export function whenPresent<T>(reader: InputReader<T>): InputReader<T | undefined> {
  return { actionId: reader.actionId, read: (block) => (block === undefined ? { ok: true, value: undefined } : reader.read(block)) };
}

/**
 * The state values of a submitted view, or null when there are none at all (not a field error:
 * the caller refuses the submission as a whole).
 */
export function stateValuesOf(view: unknown): Readonly<Record<string, unknown>> | null {
  const state = isRecord(view) ? view.state : undefined;
  const values = isRecord(state) ? state.values : undefined;
  return isRecord(values) ? values : null;
}

/**
 * Reads each block named in `spec` from the state values: every field, or an error for every
 * field that failed, so the person sees all their problems at once.
 */
export function readInputs<S extends Record<string, InputReader<unknown>>>(
  values: Readonly<Record<string, unknown>>,
  spec: S,
): InputsRead<{ [K in keyof S]: ReaderValue<S[K]> }> {
  const data: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const [blockId, reader] of Object.entries(spec)) {
    const read = reader.read(Object.hasOwn(values, blockId) ? values[blockId] : undefined);
    if (read.ok) data[blockId] = read.value;
    else errors[blockId] = read.message;
  }
  type Data = { [K in keyof S]: ReaderValue<S[K]> };
  if (Object.keys(errors).length > 0) return { ok: false, errors, partial: data as Partial<Data> };
  return { ok: true, data: data as Data };
}

/** A modal's `private_metadata` (JSON we wrote) checked against its schema; null when it is not that. */
export function readMetadata<T>(schema: z.ZodType<T>, privateMetadata: unknown): T | null {
  if (typeof privateMetadata !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(privateMetadata);
  } catch {
    return null;
  }
  const read = schema.safeParse(parsed);
  return read.success ? read.data : null;
}

/**
 * A button's value, or a select's chosen option value, in exactly the form we wrote it (e.g.
 * `rowId`); null for anything else.
 */
export function readActionValue<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const read = schema.safeParse(value);
  return read.success ? read.data : null;
}

interface ElementSpec<T, E> {
  /** The element type Slack reports, which must be the one the modal built. */
  type: string;
  /** Where the element keeps its value: `value`, `selected_option`, ... */
  key: string;
  value: z.ZodType<T>;
  /** What an empty optional field reads as. */
  empty: E;
  /** Whether a parsed value counts as empty (null always does). */
  isEmpty?: (value: T) => boolean;
}

/**
 * The reader every element shares. `R` is what the public reader declares (`Single<O, T>` or `T[]`):
 * that `options.required` rules out the empty value is known here at run time, not to the compiler.
 */
function element<T, E, R>(spec: ElementSpec<T, E>, options: FieldOptions): InputReader<R> {
  const actionId = options.actionId ?? 'value';
  const invalid = options.invalid ?? UNREADABLE_FIELD;
  const whenEmpty = (): FieldRead<R> => (options.required ? { ok: false, message: options.required } : { ok: true, value: spec.empty as unknown as R });
  const shape = z.looseObject({ type: z.literal(spec.type) });
  return {
    actionId,
    read(block) {
      const state = isRecord(block) && Object.hasOwn(block, actionId) ? shape.safeParse(block[actionId]) : undefined;
      if (!state?.success) return { ok: false, message: UNREADABLE_FIELD };
      // Slack sends an empty input as null (or []), never by leaving the key out.
      if (!Object.hasOwn(state.data, spec.key)) return { ok: false, message: UNREADABLE_FIELD };
      const raw = state.data[spec.key];
      if (raw === null) return whenEmpty();
      // Checks without a message of their own (a wrong type, an option never offered) say `invalid`.
      const read = spec.value.safeParse(raw, { error: () => invalid });
      if (!read.success) return { ok: false, message: read.error.issues[0]?.message ?? invalid };
      return spec.isEmpty?.(read.data) ? whenEmpty() : { ok: true, value: read.data as unknown as R };
    },
  };
}

function optionValue<T>(value: z.ZodType<T, string>) {
  return z
    .looseObject({ value: z.string() })
    .transform((option) => option.value)
    .pipe(value);
}

/** Slack caps a select at 100 options, so a longer list was not sent by Slack. */
function optionValues<T>(value: z.ZodType<T, string>) {
  return z.array(optionValue(value)).max(100);
}

function isEmptyList(list: readonly unknown[]): boolean {
  return list.length === 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
