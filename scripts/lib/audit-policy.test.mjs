// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { allowListProblems, judgeAudit } from './audit-policy.mjs';

/** The shape `npm audit --json` (report version 2) prints. */
function report(...advisories) {
  const vulnerabilities = {};
  for (const advisory of advisories) {
    vulnerabilities[advisory.name] = {
      name: advisory.name,
      severity: advisory.severity,
      via: [{ source: 1, name: advisory.name, title: 'A flaw', url: `https://github.com/advisories/${advisory.id}`, severity: advisory.severity, range: '<2' }],
    };
    // A dependent package points at the advisory by name only.
    vulnerabilities[`uses-${advisory.name}`] = { name: `uses-${advisory.name}`, severity: advisory.severity, via: [advisory.name] };
  }
  return { auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: { high: advisories.length } } };
}

const allowance = { id: 'GHSA-aaaa-bbbb-cccc', package: 'left-pad', reason: 'No fixed version yet; only used at build time.', until: '2026-12-31' };

describe('judging npm audit', () => {
  test('a high or critical advisory blocks; low and moderate do not; one advisory counts once', () => {
    const verdict = judgeAudit(
      report({ name: 'a', id: 'GHSA-1111-1111-1111', severity: 'high' }, { name: 'b', id: 'GHSA-2222-2222-2222', severity: 'critical' }, { name: 'c', id: 'GHSA-3333-3333-3333', severity: 'moderate' }),
      [],
      '2026-11-26',
    );
    expect(verdict.status).toBe('checked');
    expect(verdict.blocking.map((advisory) => advisory.id)).toEqual(['GHSA-1111-1111-1111', 'GHSA-2222-2222-2222']);
  });

  test('an allowed advisory passes until its date, then blocks again', () => {
    const found = report({ name: 'left-pad', id: allowance.id, severity: 'high' });
    expect(judgeAudit(found, [allowance], '2026-12-31')).toMatchObject({ blocking: [], allowed: [{ id: allowance.id }] });
    expect(judgeAudit(report({ name: 'other-pad', id: allowance.id, severity: 'high' }), [allowance], '2026-12-31').blocking).toHaveLength(1);
    const later = judgeAudit(found, [allowance], '2027-01-01');
    expect(later.blocking).toMatchObject([{ id: allowance.id, expiredAllowance: '2026-12-31' }]);
    expect(later.expired).toEqual([allowance]);
  });

  test('a report without vulnerabilities (the service refused) is "unavailable", not "passed"', () => {
    expect(judgeAudit({ message: '405 Method Not Allowed', statusCode: 405 }, [], '2026-11-26')).toEqual({ status: 'unavailable', reason: '405 Method Not Allowed' });
    expect(judgeAudit(null, [], '2026-11-26').status).toBe('unavailable');
  });

  test('the allow-list needs an id, the package, a reason and a date', () => {
    expect(allowListProblems([allowance])).toEqual([]);
    expect(allowListProblems({})).toHaveLength(1);
    expect(allowListProblems([{ id: '*', package: '', reason: 'x', until: 'soon' }])).toHaveLength(4);
  });
});
