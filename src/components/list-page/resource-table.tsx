import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  highlighted: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  // Two lines at most: the row stays the height of its neighbours and the list stays scannable.
  name: {
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: 2,
    overflow: 'hidden',
    overflowWrap: 'anywhere',
  },
});

/** A name column's default share of a table whose other columns split what is left. */
const NAME_COLUMN_WIDTH = '28%';

export interface ResourceColumn<T> {
  id: string;
  header: string;
  /** A fixed width for the column (actions, short numbers). */
  width?: string;
  /** Extra style of this column's cells (a bold name). */
  className?: string;
  cell: (item: T) => ReactNode;
  /**
   * The record's name, for a column that shows it: a long name is cut after two lines with an
   * ellipsis and said whole in a tooltip; the column gets a wider share than the others.
   */
  name?: (item: T) => string;
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
            <TableHeaderCell key={column.id} style={columnWidth(column)}>
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
                  {column.name ? (
                    <span className={styles.name} title={column.name(item)}>
                      {column.cell(item)}
                    </span>
                  ) : (
                    column.cell(item)
                  )}
                </TableCell>
              ))}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function columnWidth<T>(column: ResourceColumn<T>) {
  const width = column.width ?? (column.name ? NAME_COLUMN_WIDTH : undefined);
  return width ? { width } : undefined;
}
