/** One line of a scenario's table: the figure, the floor it is held to, and the verdict. */
export interface TargetRow {
  metric: string;
  value: number | string;
  floor: number | string;
  ratio: number | string;
  target: string;
  /** null for a figure that is reported without a target. */
  pass: boolean | null;
}

export interface Table {
  title: string;
  /** How to reproduce this table on its own. */
  command: string;
  rows: TargetRow[];
}

const show = (value: number | string) => (typeof value === 'number' ? String(value) : value);

/**
 * A row held to an upper bound, usually computed from floors measured in the same run; `how`
 * says how the bound was made (`2 × floor + insert p99`), and is left out for a fixed one.
 */
export function atMost(
  metric: string,
  value: number,
  floor: number,
  bound: number,
  how?: string,
): TargetRow {
  return {
    metric,
    value,
    floor: floor || '—',
    ratio: floor ? ratio(value / floor) : '—',
    target: how ? `≤ ${ratio(bound)} (${how})` : `≤ ${ratio(bound)}`,
    pass: value <= bound,
  };
}

export function atLeast(
  metric: string,
  value: number,
  floor: number,
  bound: number,
  how?: string,
): TargetRow {
  return {
    metric,
    value,
    floor: floor || '—',
    ratio: floor ? ratio(value / floor) : '—',
    target: how ? `≥ ${ratio(bound)} (${how})` : `≥ ${ratio(bound)}`,
    pass: value >= bound,
  };
}

/** A figure with no target: shown beside its floor, if it has one. */
export function info(
  metric: string,
  value: number | string,
  floor: number | string = '—',
): TargetRow {
  const both = typeof value === 'number' && typeof floor === 'number' && floor;
  return {
    metric,
    value,
    floor,
    ratio: both ? ratio(value / floor) : '—',
    target: '—',
    pass: null,
  };
}

function ratio(value: number): number {
  return Math.round(value * 100) / 100;
}

export function markdown(tables: Table[]): string {
  const out: string[] = [];
  for (const table of tables) {
    out.push(`### ${table.title}`, '', `\`${table.command}\``, '');
    out.push(
      '| metric | value | floor | ratio | target | pass |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const row of table.rows) {
      const pass = row.pass === null ? '—' : row.pass ? 'yes' : '**no**';
      out.push(
        `| ${row.metric} | ${show(row.value)} | ${show(row.floor)} | ${show(row.ratio)} ` +
          `| ${row.target} | ${pass} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

/** Every row that has a target and missed it. */
export function misses(tables: Table[]): Array<{ table: string; row: TargetRow }> {
  return tables.flatMap((table) =>
    table.rows.filter((row) => row.pass === false).map((row) => ({ table: table.title, row })),
  );
}
