/**
 * The reliability tests run twice over: a fast version in `npm test`, the full one in
 * `npm run test:hard` (TEST_HARD=1). Each test picks its sizes here.
 */
export const HARD = process.env.TEST_HARD === '1';

/** `fast` in `npm test`, `hard` in `npm run test:hard`. */
export function byIntensity<T>(fast: T, hard: T): T {
  return HARD ? hard : fast;
}

/** A test's time limit in ms: generous in the hard run, which does much more. */
export function intensityTimeout(fastMs: number, hardMs: number): number {
  return byIntensity(fastMs, hardMs);
}
