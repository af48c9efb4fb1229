/** Pass on a training seat offered from the waitlist, so the next person gets it. See ../rsvp-button.ts for how the answer is shown. */
import { rsvpButton } from '../rsvp-button.js';

export const passTrainingOffer = rsvpButton('pass');
