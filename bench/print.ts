import type { BenchRow } from './report';

const number = (value: number) => (Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : Number(value.toPrecision(3)).toString());

function cells(row: BenchRow): string[] {
  const ratio = row.baseline && row.baseline.value !== 0 ? `${number(row.value / row.baseline.value)}×` : '';
  return [
    row.area,
    row.figure,
    `${number(row.value)} ${row.unit}`,
    row.baseline ? `${number(row.baseline.value)} ${row.unit} (${row.baseline.name})` : '',
    ratio,
    row.target ?? '',
    row.met === undefined ? '' : row.met ? 'met' : 'MISSED',
  ];
}

const HEADER = ['Area', 'Figure', 'Ours', 'Baseline (same run)', 'Ratio', 'Target', ''];

/** The rows as a Markdown table (it reads as a table in a terminal too), then the notes. */
export function formatRows(rows: BenchRow[]): string {
  const table = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
  const line = (values: string[]) => `| ${values.map((value, column) => value.padEnd(widths[column]!)).join(' | ')} |`;
  const notes = rows.flatMap((row, index) => (row.note ? [`${index + 1}. ${row.area}, ${row.figure}: ${row.note}`] : []));
  return [line(HEADER), line(widths.map((width) => '-'.repeat(width))), ...table.slice(1).map(line), '', ...(notes.length ? ['Notes (by row):', ...notes] : [])].join('\n');
}

export function printRows(rows: BenchRow[]): void {
  process.stdout.write(`${formatRows(rows)}\n`);
}
