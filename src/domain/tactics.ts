/**
 * The tactic catalog: the organizing model from the seed article as one typed table.
 *
 * Three goals (Recruit, Engage, Campaign) × two channels (offline, online). Every action a
 * volunteer logs names exactly one tactic, so it lands in exactly one cell. Ids are stable:
 * they are stored in the database, so rename the label, never the id.
 */

export const GOALS = ['recruit', 'engage', 'campaign'] as const;
export type Goal = (typeof GOALS)[number];

export const CHANNELS = ['offline', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];

export const GOAL_LABELS: Record<Goal, string> = {
  recruit: 'Recruit',
  engage: 'Engage',
  campaign: 'Campaign',
};

/** What each goal is for, in the article's words. */
export const GOAL_DESCRIPTIONS: Record<Goal, string> = {
  recruit: 'grow the list, outreach, base building',
  engage: 'escalate engagement, find and develop leaders',
  campaign: 'win on specific interests',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  offline: 'offline',
  online: 'online',
};

/** A thing a tactic counts. `max` is the most one report may claim: above it we ask for a typo check. */
export interface Unit {
  id: UnitId;
  singular: string;
  plural: string;
  max: number;
}

export const UNIT_IDS = [
  'doors',
  'conversations',
  'signups',
  'signatures',
  'messages',
  'posts',
  'letters',
  'calls',
  'attendees',
  'hours',
  'organizations',
  'allies',
  'contributors',
  'press_hits',
  'trainings',
] as const;
export type UnitId = (typeof UNIT_IDS)[number];

export const UNITS: Record<UnitId, Unit> = {
  doors: { id: 'doors', singular: 'door knocked', plural: 'doors knocked', max: 5000 },
  conversations: { id: 'conversations', singular: 'conversation', plural: 'conversations', max: 2000 },
  signups: { id: 'signups', singular: 'sign-up', plural: 'sign-ups', max: 2000 },
  signatures: { id: 'signatures', singular: 'signature', plural: 'signatures', max: 100000 },
  messages: { id: 'messages', singular: 'message sent', plural: 'messages sent', max: 100000 },
  posts: { id: 'posts', singular: 'post', plural: 'posts', max: 500 },
  letters: { id: 'letters', singular: 'letter', plural: 'letters', max: 500 },
  calls: { id: 'calls', singular: 'call', plural: 'calls', max: 5000 },
  attendees: { id: 'attendees', singular: 'attendee', plural: 'attendees', max: 5000 },
  hours: { id: 'hours', singular: 'hour', plural: 'hours', max: 24 },
  organizations: { id: 'organizations', singular: 'organization', plural: 'organizations', max: 200 },
  allies: { id: 'allies', singular: 'ally', plural: 'allies', max: 500 },
  contributors: { id: 'contributors', singular: 'contributor', plural: 'contributors', max: 100000 },
  press_hits: { id: 'press_hits', singular: 'press hit', plural: 'press hits', max: 200 },
  trainings: { id: 'trainings', singular: 'training', plural: 'trainings', max: 20 },
};

export interface Tactic {
  id: TacticId;
  name: string;
  goal: Goal;
  channel: Channel;
  /** The units this tactic counts, most telling first. */
  units: readonly UnitId[];
  /** One line shown under the tactic in pickers and help. */
  hint: string;
}

export const TACTIC_IDS = [
  'one_on_one',
  'door_knocking',
  'recruit_organizations',
  'petition',
  'email_outreach',
  'house_party',
  'social_media',
  'training',
  'volunteer_role',
  'team_check_in',
  'list_segmenting',
  'conference_call',
  'organizing_training',
  'power_analysis',
  'recruit_allies',
  'phone_bank',
  'letter_to_editor',
  'email_decision_makers',
  'research',
  'crowdsourcing',
  'netroots',
  'press_hit',
] as const;
export type TacticId = (typeof TACTIC_IDS)[number];

const TACTIC_LIST: readonly Tactic[] = [
  // Recruit · offline
  { id: 'one_on_one', name: 'One-on-ones', goal: 'recruit', channel: 'offline', units: ['conversations', 'signups'], hint: 'relational meetings, coffee, porch talks' },
  { id: 'door_knocking', name: 'Door knocking', goal: 'recruit', channel: 'offline', units: ['doors', 'conversations', 'signups'], hint: 'canvassing a turf' },
  { id: 'recruit_organizations', name: 'Recruiting organizations', goal: 'recruit', channel: 'offline', units: ['organizations', 'signups'], hint: 'congregations, unions, clubs joining as a whole' },
  // Recruit · online
  { id: 'petition', name: 'Petitions', goal: 'recruit', channel: 'online', units: ['signatures', 'signups'], hint: 'gathering signatures online' },
  { id: 'email_outreach', name: 'Outreach emails', goal: 'recruit', channel: 'online', units: ['messages', 'signups'], hint: 'emails and texts that grow the list' },
  { id: 'house_party', name: 'Organizing house parties', goal: 'recruit', channel: 'online', units: ['attendees', 'signups'], hint: 'invited and organized online, met in a living room' },
  { id: 'social_media', name: 'Social media', goal: 'recruit', channel: 'online', units: ['posts', 'signups'], hint: 'new media and social networking' },
  // Engage · offline
  { id: 'training', name: 'Training (in person)', goal: 'engage', channel: 'offline', units: ['trainings', 'hours'], hint: 'a real-life training attended or led' },
  { id: 'volunteer_role', name: 'Volunteer roles', goal: 'engage', channel: 'offline', units: ['signups'], hint: 'someone took on a role with a job description' },
  { id: 'team_check_in', name: 'Team check-ins', goal: 'engage', channel: 'offline', units: ['attendees', 'hours'], hint: 'management procedures: meetings that keep a team going' },
  // Engage · online
  { id: 'list_segmenting', name: 'Segmenting the list', goal: 'engage', channel: 'online', units: ['contributors'], hint: 'finding the people who take the most online actions' },
  { id: 'conference_call', name: 'Conference calls & webinars', goal: 'engage', channel: 'online', units: ['attendees', 'hours'], hint: 'hosting or joining a call or webinar' },
  { id: 'organizing_training', name: 'Organizing a training', goal: 'engage', channel: 'online', units: ['attendees'], hint: 'organizing a real-life training online' },
  // Campaign · offline
  { id: 'power_analysis', name: 'Power analysis', goal: 'campaign', channel: 'offline', units: ['hours'], hint: 'mapping who decides and who influences them' },
  { id: 'recruit_allies', name: 'Recruiting allies', goal: 'campaign', channel: 'offline', units: ['allies'], hint: 'partners who sign on to the campaign' },
  { id: 'phone_bank', name: 'Phone banking', goal: 'campaign', channel: 'offline', units: ['calls', 'conversations', 'signups'], hint: 'calls from a list, alone or at a shift' },
  // Campaign · online
  { id: 'letter_to_editor', name: 'Letters to the editor', goal: 'campaign', channel: 'online', units: ['letters'], hint: 'LTEs written or published' },
  { id: 'email_decision_makers', name: 'Emails to decision-makers', goal: 'campaign', channel: 'online', units: ['messages'], hint: 'emails that move a target' },
  { id: 'research', name: 'Research', goal: 'campaign', channel: 'online', units: ['hours'], hint: 'digging into targets, votes, money' },
  { id: 'crowdsourcing', name: 'Crowdsourcing', goal: 'campaign', channel: 'online', units: ['contributors'], hint: 'many people each contributing a piece' },
  { id: 'netroots', name: 'Netroots (blogs)', goal: 'campaign', channel: 'online', units: ['posts'], hint: 'activism through blogs and online media' },
  { id: 'press_hit', name: 'Press hits', goal: 'campaign', channel: 'online', units: ['press_hits'], hint: 'coverage in the news' },
];

export const TACTICS: Record<TacticId, Tactic> = Object.fromEntries(
  TACTIC_LIST.map((tactic) => [tactic.id, tactic]),
) as Record<TacticId, Tactic>;

/** Every tactic in catalog order (goal, then offline before online). */
export function allTactics(): readonly Tactic[] {
  return TACTIC_LIST;
}

export function isTacticId(value: string): value is TacticId {
  return (TACTIC_IDS as readonly string[]).includes(value);
}

export function tacticsIn(goal: Goal, channel?: Channel): readonly Tactic[] {
  return TACTIC_LIST.filter((t) => t.goal === goal && (channel === undefined || t.channel === channel));
}

/** "Door knocking (Recruit · offline)" */
export function describeTactic(tactic: Tactic): string {
  return `${tactic.name} (${GOAL_LABELS[tactic.goal]} · ${CHANNEL_LABELS[tactic.channel]})`;
}

/** "40 doors knocked", "1 conversation" */
/** One formatter for every count: toLocaleString builds a new one on each call. */
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

export function formatCount(unit: UnitId, amount: number): string {
  const u = UNITS[unit];
  return `${COUNT_FORMAT.format(amount)} ${amount === 1 ? u.singular : u.plural}`;
}

/** The tactic a person most likely means by free text ("phone bank", "door_knocking", "LTE"); null when unclear. */
export function findTactic(query: string): Tactic | null {
  const wanted = normalize(query);
  if (wanted === '') return null;
  return (
    TACTIC_LIST.find((t) => normalize(t.id) === wanted || normalize(t.name) === wanted) ??
    TACTIC_LIST.find((t) => normalize(t.name).startsWith(wanted) || normalize(t.id).startsWith(wanted)) ??
    null
  );
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}
