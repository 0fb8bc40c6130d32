/**
 * The problem detail of a free-form reply outside the 24-hour window (the reference's wording).
 * A module of its own: the English texts use it, and must not bring the contract's schemas (and zod)
 * into the first JavaScript the browser loads.
 */
export const windowClosedDetail = 'This conversation has exceeded the 24 hour limit to respond to the customer.';
