import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { screen, within } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { ResourceTable } from './resource-table';
import { RowActions } from './row-actions';

type Thing = { id: string; name: string; size: number };
const things: Thing[] = [
  { id: 'b', name: 'Beta', size: 2 },
  { id: 'a', name: 'Alpha', size: 1 },
];

function Table({ onDelete = () => {}, highlightId = null }: { onDelete?: (thing: Thing) => void; highlightId?: string | null }) {
  return (
    <ResourceTable
      label="Things"
      items={things}
      highlightId={highlightId}
      columns={[
        { id: 'name', header: 'Name', cell: (thing) => thing.name },
        { id: 'size', header: 'Size', width: '90px', cell: (thing) => thing.size },
        {
          id: 'actions',
          header: 'Actions',
          cell: (thing) => (
            <RowActions
              actions={[
                { text: 'Edit', label: `Edit ${thing.name}`, icon: <EditRegular />, to: `/things/${thing.id}` },
                {
                  text: 'Delete',
                  label: `Delete ${thing.name}`,
                  icon: <DeleteRegular />,
                  onClick: () => onDelete(thing),
                  unavailableReason: thing.id === 'a' ? 'Alpha is in use.' : undefined,
                },
              ]}
            />
          ),
        },
      ]}
    />
  );
}

test('a table named by its label, one column header per column, the rows in the order given', () => {
  renderWithProviders(<Table />);
  const table = screen.getByRole('table', { name: 'Things' });
  expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Name', 'Size', 'Actions']);
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows.map((row) => within(row).getAllByRole('cell')[0]!.textContent)).toEqual(['Beta', 'Alpha']);
});

test('row actions are named for their record: a link to edit, a button to delete', async () => {
  const onDelete = vi.fn();
  const { user } = renderWithProviders(<Table onDelete={onDelete} />);
  expect(screen.getByRole('link', { name: 'Edit Beta' })).toHaveAttribute('href', '/things/b');
  await user.click(screen.getByRole('button', { name: 'Delete Beta' }));
  expect(onDelete).toHaveBeenCalledWith(things[0]);
});

test('an action not available for a row stays focusable and says why', async () => {
  const onDelete = vi.fn();
  const { user } = renderWithProviders(<Table onDelete={onDelete} />);
  const button = screen.getByRole('button', { name: 'Delete Alpha' });
  expect(button).toHaveAttribute('aria-disabled', 'true');
  await user.click(button);
  expect(onDelete).not.toHaveBeenCalled();
  button.focus();
  expect(await screen.findByText('Alpha is in use.')).toBeInTheDocument();
});

test('the highlighted row is marked', () => {
  const plain = renderWithProviders(<Table />);
  const before = screen.getByRole('row', { name: /Alpha/ }).className;
  plain.unmount();
  renderWithProviders(<Table highlightId="a" />);
  expect(screen.getByRole('row', { name: /Alpha/ }).className).not.toBe(before);
});
