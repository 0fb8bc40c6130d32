import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Fails on any axe violation in the rendered document, for component tests. Rules that need
 * a real layout engine (contrast, target size, scrolling regions) are left to the e2e scans,
 * and tabster's focus sentinels are excluded as there (e2e/fixtures.ts).
 */
export async function expectNoAxeViolations(root: Element = document.body) {
  const results = await axe.run(
    { include: [root], exclude: [['[data-tabster-dummy]']] } as axe.ElementContext,
    {
      resultTypes: ['violations'],
      rules: {
        'color-contrast': { enabled: false },
        'target-size': { enabled: false },
        'scrollable-region-focusable': { enabled: false },
        // A component is rendered without the app's landmarks and page heading.
        region: { enabled: false },
        'page-has-heading-one': { enabled: false },
        'landmark-one-main': { enabled: false },
      },
    },
  );
  const violations = results.violations.map(
    (violation) => `${violation.id}: ${violation.help}\n${violation.nodes.map((node) => `  ${node.html.slice(0, 200)}`).join('\n')}`,
  );
  expect(violations, violations.join('\n\n')).toEqual([]);
}
