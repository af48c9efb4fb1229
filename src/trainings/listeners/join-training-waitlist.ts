/** Join a full training's waitlist. See ../rsvp-button.ts for how the answer is shown. */
import { rsvpButton } from '../rsvp-button.js';

export const joinTrainingWaitlist = rsvpButton('wait');
