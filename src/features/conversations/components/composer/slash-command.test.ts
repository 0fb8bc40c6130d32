import { describe, expect, test } from 'vitest';
import { replaceRange, slashCommandAt } from './slash-command';

describe('slashCommandAt', () => {
  test('a slash at the start of the reply or of a line, up to the caret', () => {
    expect(slashCommandAt('/', 1)).toEqual({ start: 0, query: '' });
    expect(slashCommandAt('/ship', 5)).toEqual({ start: 0, query: 'ship' });
    expect(slashCommandAt('/ship date', 10)).toEqual({ start: 0, query: 'ship date' });
    expect(slashCommandAt('Hello\n/than', 11)).toEqual({ start: 6, query: 'than' });
    expect(slashCommandAt('/shipping and more', 5)).toEqual({ start: 0, query: 'ship' });
  });

  test('no command when the line does not start with a slash or the caret is before it', () => {
    expect(slashCommandAt('', 0)).toBeNull();
    expect(slashCommandAt('and/or', 6)).toBeNull();
    expect(slashCommandAt(' /ship', 6)).toBeNull();
    expect(slashCommandAt('/ship\nnext', 10)).toBeNull();
    expect(slashCommandAt('/ship', 0)).toBeNull();
  });
});

describe('replaceRange', () => {
  test('puts the text in place of the range and the caret after it', () => {
    expect(replaceRange('Hi\n/ship', { start: 3, end: 8 }, 'It ships today.')).toEqual({ text: 'Hi\nIt ships today.', caret: 18 });
    expect(replaceRange('ab', { start: 1, end: 1 }, 'X')).toEqual({ text: 'aXb', caret: 2 });
  });
});
