// What `npm run audit:deps` decides from `npm audit --json`: high and critical advisories fail
// unless audit-allowlist.json lists them with a reason and a date to look again.

const BLOCKING = new Set(['high', 'critical']);

/** The advisory's GHSA id from its URL, or npm's numeric source id. */
function advisoryId(via) {
  const ghsa = /GHSA-[\w-]+/i.exec(via.url ?? '');
  return ghsa ? ghsa[0] : String(via.source);
}

/**
 * @param report what `npm audit --json` printed, parsed
 * @param allowList entries { id, package, reason, until: 'YYYY-MM-DD' }
 * @param today 'YYYY-MM-DD'
 * @returns { status: 'unavailable', reason } when the advisory service could not be asked,
 *   else { status: 'checked', blocking, allowed, expired, counts }
 */
export function judgeAudit(report, allowList, today) {
  if (!report || typeof report !== 'object' || !report.vulnerabilities) {
    const reason = report && typeof report.message === 'string' ? report.message : 'npm audit gave no report';
    return { status: 'unavailable', reason };
  }
  const advisories = new Map();
  for (const vulnerability of Object.values(report.vulnerabilities)) {
    for (const via of vulnerability.via ?? []) {
      // A string names the dependency the advisory came through; that package has its own entry.
      if (typeof via !== 'object' || !BLOCKING.has(via.severity)) continue;
      const id = advisoryId(via);
      advisories.set(id, { id, package: via.name, severity: via.severity, title: via.title, url: via.url ?? null });
    }
  }
  // An allowance is for one advisory in one package: the same advisory elsewhere needs its own.
  const allowedById = new Map(allowList.map((entry) => [`${entry.id} ${entry.package}`, entry]));
  const blocking = [];
  const allowed = [];
  for (const advisory of advisories.values()) {
    const entry = allowedById.get(`${advisory.id} ${advisory.package}`);
    if (entry && entry.until >= today) allowed.push({ ...advisory, reason: entry.reason, until: entry.until });
    else blocking.push({ ...advisory, expiredAllowance: entry ? entry.until : null });
  }
  // An allowance past its date is a question for a person, even when the advisory is gone.
  const expired = allowList.filter((entry) => entry.until < today);
  return { status: 'checked', blocking, allowed, expired, counts: report.metadata?.vulnerabilities ?? null };
}

/** Checks the allow-list's own shape, so a typo cannot silently allow everything. */
export function allowListProblems(allowList) {
  if (!Array.isArray(allowList)) return ['audit-allowlist.json must hold an array.'];
  const problems = [];
  allowList.forEach((entry, index) => {
    const where = `audit-allowlist.json entry ${index + 1}`;
    if (typeof entry?.id !== 'string' || !/^(GHSA-[\w-]+|\d+)$/i.test(entry.id)) problems.push(`${where}: id is a GHSA id.`);
    if (typeof entry?.package !== 'string' || entry.package === '') problems.push(`${where}: package is required.`);
    if (typeof entry?.reason !== 'string' || entry.reason.trim().length < 20) problems.push(`${where}: reason says why it cannot be fixed yet.`);
    if (typeof entry?.until !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(entry.until)) problems.push(`${where}: until is a date (YYYY-MM-DD).`);
  });
  return problems;
}
