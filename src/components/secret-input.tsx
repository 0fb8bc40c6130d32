import { Button, Input, type InputProps } from '@fluentui/react-components';
import { EyeOffRegular, EyeRegular } from '@fluentui/react-icons';
import { forwardRef, useState } from 'react';

/** A masked input with a toggle to check what was pasted; the browser is told not to remember it. */
export const SecretInput = forwardRef<HTMLInputElement, Omit<InputProps, 'type' | 'contentAfter'> & { showLabel: string; hideLabel: string }>(
  function SecretInput({ showLabel, hideLabel, ...props }, ref) {
    const [visible, setVisible] = useState(false);
    return (
      <Input
        {...props}
        ref={ref}
        type={visible ? 'text' : 'password'}
        autoComplete="new-password"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        contentAfter={
          <Button
            appearance="transparent"
            size="small"
            icon={visible ? <EyeOffRegular /> : <EyeRegular />}
            aria-label={visible ? hideLabel : showLabel}
            aria-pressed={visible}
            onClick={() => setVisible((v) => !v)}
          />
        }
      />
    );
  },
);
