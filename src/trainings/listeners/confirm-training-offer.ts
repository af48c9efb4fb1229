/** Confirm a training seat offered from the waitlist, before its deadline. See ../rsvp-button.ts for how the answer is shown. */
import { rsvpButton } from '../rsvp-button.js';

export const confirmTrainingOffer = rsvpButton('confirm');
