import { HARD } from '../server/intensity';
import { accessRules } from './access-rules';
import { callerNames, type CallerName } from './access-callers';

/** The statuses each caller got, as a Markdown table for docs/reliability.md ("–": does not apply). */
export function matrixMarkdown(matrix: ReadonlyMap<string, ReadonlyMap<CallerName, number | null>>): string {
  const header = ['route', 'rule', ...callerNames];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  for (const [key, row] of matrix) {
    const cells = callerNames.map((name) => {
      const status = row.get(name);
      return status === null || status === undefined ? '–' : String(status);
    });
    lines.push(`| \`${key}\` | ${accessRules[key]?.rule ?? '?'} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Printed in the hard run, or with PRINT_ACCESS_MATRIX=1: `npm test` stays quiet. */
export function printMatrix(kind: string, matrix: ReadonlyMap<string, ReadonlyMap<CallerName, number | null>>): void {
  if (matrix.size === 0 || !(HARD || process.env.PRINT_ACCESS_MATRIX === '1')) return;
  console.log(`Access matrix, server on ${kind} (route × caller → status):\n${matrixMarkdown(matrix)}`);
}
