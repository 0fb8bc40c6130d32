import { render } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './axe';

describe('the component tests’ axe check', () => {
  test('fails on an unnamed button and an image without text', async () => {
    render(
      <div>
        <button type="button" />
        <img src="photo.png" />
      </div>,
    );
    await expect(expectNoAxeViolations()).rejects.toThrow(/button-name[\s\S]*image-alt|image-alt[\s\S]*button-name/);
  });

  test('passes a named button', async () => {
    render(<button type="button">Save</button>);
    await expectNoAxeViolations();
  });
});
