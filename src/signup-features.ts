/**
 * Every feature built on the signup engine, keyed by opportunity kind: what the engine's outbox and
 * announcements need to speak of a shift or a training. The job and anything that touches seats of
 * either kind (forgetting a person) use this list; a listener of one feature uses only its own.
 */
import { SHIFT_FEATURES } from './shifts/shift-feature.js';
import type { SignupFeatures } from './signups/deliver-outbox.js';
import { TRAINING_FEATURES } from './trainings/training-feature.js';

export const SIGNUP_FEATURES = { ...SHIFT_FEATURES, ...TRAINING_FEATURES } as const satisfies SignupFeatures;
