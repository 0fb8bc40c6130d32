import { Button } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { RefObject } from 'react';

interface ClearFiltersButtonProps {
  label: string;
  onClear: () => void;
  /** Where focus goes: the button itself disappears once the filters are cleared. */
  focusAfter: RefObject<HTMLElement | null>;
}

/** "Clear filters" of a filtered list; focus stays in the filters rather than falling to the page. */
export function ClearFiltersButton({ label, onClear, focusAfter }: ClearFiltersButtonProps) {
  return (
    <Button
      icon={<DismissRegular />}
      onClick={() => {
        onClear();
        focusAfter.current?.focus();
      }}
    >
      {label}
    </Button>
  );
}
