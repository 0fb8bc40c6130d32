// @vitest-environment node
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClock } from './clock';

describe('the server clock', () => {
  it('is the system time without a test clock file', () => {
    const clock = createClock({});
    expect(clock.description).toBeNull();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('adds the offset of the test clock file, and follows its changes', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clock-')), 'offset');
    writeFileSync(file, String(24 * 3_600_000));
    const clock = createClock({ TEST_CLOCK_OFFSET_FILE: file });
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(24 * 3_600_000 - 1000);

    writeFileSync(file, '0');
    // Same-second writes may keep the modification time: move it so the change is seen.
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('runs on system time when the file is missing or unreadable', () => {
    const clock = createClock({ TEST_CLOCK_OFFSET_FILE: '/nonexistent/offset' });
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
