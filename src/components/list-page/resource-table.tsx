import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  highlighted: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
});

export interface ResourceColumn<T> {
  id: string;
  header: string;
  /** A fixed width for the column (actions, short numbers). */
  width?: string;
  /** Extra style of this column's cells (a bold name). */
  className?: string;
  cell: (item: T) => ReactNode;
}

interface ResourceTableProps<T extends { id: string }> {
  /** The table's accessible name. */
  label: string;
  /** In the order to show: the server's (or the domain's) list order, as the page was given it. */
  items: T[];
  columns: ResourceColumn<T>[];
  /** Style of every body cell (denser rows, top alignment). */
  cellClassName?: string;
  /** The record just created: marked, and scrolled into view so the eye finds it. */
  highlightId?: string | null;
}

/** A list of records as a table: one column config per feature instead of one table each. */
export function ResourceTable<T extends { id: string }>({ label, items, columns, cellClassName, highlightId }: ResourceTableProps<T>) {
  const styles = useStyles();
  const highlightedRow = useRef<HTMLTableRowElement>(null);

  useEffect(() => {
    highlightedRow.current?.scrollIntoView?.({ block: 'nearest' });
  }, [highlightId]);

  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <TableHeaderCell key={column.id} style={column.width ? { width: column.width } : undefined}>
              {column.header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => {
          const highlighted = highlightId != null && item.id === highlightId;
          return (
            <TableRow key={item.id} ref={highlighted ? highlightedRow : undefined} className={mergeClasses(highlighted && styles.highlighted)}>
              {columns.map((column) => (
                <TableCell key={column.id} className={mergeClasses(cellClassName, column.className)}>
                  {column.cell(item)}
                </TableCell>
              ))}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
