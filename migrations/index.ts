/**
 * Every migration, listed by hand and in order. Kysely runs them by name; never rename or
 * reorder one that has shipped, only append.
 */
import type { Migration } from 'kysely';
import * as peopleAndActions from './0001_people_and_actions.js';
import * as rolesAndSettings from './0002_roles_and_settings.js';
import * as homeTab from './0003_home_tab.js';
import * as summaries from './0004_summaries.js';
import * as signups from './0005_signups.js';
import * as digest from './0006_digest.js';
import * as claimAttendance from './0007_claim_attendance.js';
import * as personSkills from './0008_person_skills.js';
import * as trainings from './0009_trainings.js';
import * as engagement from './0010_engagement.js';
import * as claimFunction from './0011_claim_function.js';
import * as repeatCheckIndex from './0012_repeat_check_index.js';
import * as recordFunction from './0013_record_function.js';
import * as seatMessagesDerived from './0014_seat_messages_derived.js';
import * as waitlistIndex from './0015_waitlist_index.js';
import * as summaryFillfactor from './0016_summary_fillfactor.js';
import * as signupDomains from './0017_signup_domains.js';
import * as claimSeatFirst from './0018_claim_seat_first.js';
import * as seatAndClaimTogether from './0019_seat_and_claim_together.js';

export const migrations: Record<string, Migration> = {
  '0001_people_and_actions': peopleAndActions,
  '0002_roles_and_settings': rolesAndSettings,
  '0003_home_tab': homeTab,
  '0004_summaries': summaries,
  '0005_signups': signups,
  '0006_digest': digest,
  '0007_claim_attendance': claimAttendance,
  '0008_person_skills': personSkills,
  '0009_trainings': trainings,
  '0010_engagement': engagement,
  '0011_claim_function': claimFunction,
  '0012_repeat_check_index': repeatCheckIndex,
  '0013_record_function': recordFunction,
  '0014_seat_messages_derived': seatMessagesDerived,
  '0015_waitlist_index': waitlistIndex,
  '0016_summary_fillfactor': summaryFillfactor,
  '0017_signup_domains': signupDomains,
  '0018_claim_seat_first': claimSeatFirst,
  '0019_seat_and_claim_together': seatAndClaimTogether,
};
