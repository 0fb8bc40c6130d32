import { act } from '@testing-library/react';
import { vi } from 'vitest';

/** Stands in for the browser's EventSource (which happy-dom lacks), driven by the test. */
export class ScriptedEventSource {
  static instances: ScriptedEventSource[] = [];
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, Set<(event: MessageEvent) => void>>();

  constructor(readonly url: string) {
    ScriptedEventSource.instances.push(this);
  }

  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }

  close() {
    this.closed = true;
  }

  open() {
    act(() => this.onopen?.(new Event('open')));
  }

  fail() {
    act(() => this.onerror?.(new Event('error')));
  }

  /** One frame of the stream: an object is sent as JSON, a string as it is. */
  send(data: unknown, type = 'message') {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    act(() => {
      for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data: text }));
    });
  }
}

/** Puts the scripted EventSource in place for one test; undo with vi.unstubAllGlobals(). */
export function installScriptedEventSource() {
  ScriptedEventSource.instances = [];
  vi.stubGlobal('EventSource', ScriptedEventSource);
  return {
    instances: () => ScriptedEventSource.instances,
    latest: () => {
      const source = ScriptedEventSource.instances.at(-1);
      if (!source) throw new Error('No EventSource was opened.');
      return source;
    },
  };
}
