// `npm run audit:deps`: npm audit, failing on high and critical advisories that
// audit-allowlist.json does not list (docs/decisions/0015-dependency-audit.md).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { allowListProblems, judgeAudit } from './lib/audit-policy.mjs';

const allowList = JSON.parse(readFileSync('audit-allowlist.json', 'utf8'));
const shapeProblems = allowListProblems(allowList);
if (shapeProblems.length > 0) {
  console.error(shapeProblems.join('\n'));
  process.exit(1);
}

const run = spawnSync('npm', ['audit', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report = null;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = null;
}
const verdict = judgeAudit(report, allowList, new Date().toISOString().slice(0, 10));

if (verdict.status === 'unavailable') {
  const required = process.env.AUDIT_REQUIRED === '1';
  console.log(`Dependency audit ${required ? 'FAILED' : 'NOT CHECKED'}: the advisory service could not be asked (${verdict.reason}).`);
  if (!required) console.log('Set AUDIT_REQUIRED=1 where the registry allows it, so that this fails instead.');
  process.exit(required ? 1 : 0);
}

for (const advisory of verdict.allowed) {
  console.log(`allowed until ${advisory.until}: ${advisory.severity} ${advisory.id} in ${advisory.package} (${advisory.reason})`);
}
for (const entry of verdict.expired) console.log(`allow-list entry past its date ${entry.until}: ${entry.id} in ${entry.package}; review it`);
for (const advisory of verdict.blocking) {
  console.log(`${advisory.severity.toUpperCase()} ${advisory.id} in ${advisory.package}: ${advisory.title} ${advisory.url ?? ''}`);
}
const counts = verdict.counts ? Object.entries(verdict.counts).map(([level, n]) => `${level} ${n}`).join(', ') : 'no counts';
const failed = verdict.blocking.length > 0 || verdict.expired.length > 0;
console.log(`Dependency audit ${failed ? 'FAILED' : 'passed'}: ${verdict.blocking.length} high or critical not allowed, ${verdict.allowed.length} allowed (${counts}).`);
process.exit(failed ? 1 : 0);
