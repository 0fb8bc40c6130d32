import { afterEach, describe, expect, test, type TestContext } from 'vitest';
import { liveEventSchema, type LiveEvent } from '@/api/contract/live-event';
import { EVENT_STREAM_CONTENT_TYPE } from '@/api/contract/live-event-frame';
import { problemTypes } from '@/api/contract/problem';
import { conversationWithCustomer } from './fixtures';
import { scenarioHarness, skipBecause, type ScenarioBackend, type ScenarioHarness } from './harness';

/** One frame as a browser's EventSource reads it: unnamed frames are "message" events. */
interface Frame {
  name: string;
  event: LiveEvent;
}

/** GET /api/events read frame by frame; every frame's data must parse with the contract's schema. */
async function openStream(harness: ScenarioHarness) {
  const abort = new AbortController();
  const response = await harness.unrecorded('/api/events', { headers: { accept: 'text/event-stream' }, signal: abort.signal });
  const frames: Frame[] = [];
  const prefaces: string[] = [];
  let wake = () => undefined as void;

  const read = async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const field = (name: string) => lines.filter((line) => line.startsWith(`${name}: `)).map((line) => line.slice(name.length + 2));
          const data = field('data');
          if (data.length === 0) {
            prefaces.push(lines.join('\n'));
            continue;
          }
          frames.push({ name: field('event')[0] ?? 'message', event: liveEventSchema.parse(JSON.parse(data.join('\n'))) });
          wake();
        }
      }
    } catch {
      // Aborted by close().
    }
  };
  void read();

  return {
    response,
    frames,
    prefaces,
    /** The first frame that matches, received already or within five seconds. */
    next(matches: (frame: Frame) => boolean): Promise<Frame> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No matching frame; received ${JSON.stringify(frames.map((f) => f.name))}`)), 5_000);
        const check = () => {
          const found = frames.find(matches);
          if (!found) return;
          clearTimeout(timer);
          wake = () => undefined;
          resolve(found);
        };
        wake = check;
        check();
      });
    },
    close: () => abort.abort(),
  };
}

/**
 * The live event stream (GET /api/events) as the browser's EventSource reads it: every
 * frame named by its event's type, its data an event of the contract. Needs the backend's
 * `simulateInbound`. Run it against every backend (see src/mocks/handlers/events.scenarios.test.ts).
 */
export function describeEventsScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`live events API scenarios (${name})`, () => {
    let backend: ScenarioBackend;
    const harness = scenarioHarness(async () => {
      backend = await setup();
      return backend;
    });
    const streams: { close(): void }[] = [];
    afterEach(() => {
      for (const stream of streams.splice(0)) stream.close();
    });

    async function stream() {
      const opened = await openStream(harness);
      streams.push(opened);
      return opened;
    }

    async function world(context: TestContext) {
      if (!backend.simulateInbound) skipBecause(context, 'the backend cannot simulate a customer');
      return conversationWithCustomer(harness, backend);
    }

    test('the stream is text/event-stream, never cached, and first tells the browser when to reconnect', async () => {
      const events = await stream();
      expect(events.response.status).toBe(200);
      expect(events.response.headers.get('content-type')).toBe(EVENT_STREAM_CONTENT_TYPE);
      expect(events.response.headers.get('cache-control')).toBe('no-store');
      await expect.poll(() => events.prefaces[0]).toBe('retry: 3000');
    });

    test('a customer’s message arrives as a "message" frame and a "conversation" frame, each named by its type', async (context) => {
      const { conversation, customer } = await world(context);
      const events = await stream();
      await customer('Any news about my order?');

      const message = await events.next((frame) => frame.event.type === 'message' && frame.event.message.body === 'Any news about my order?');
      expect(message.name).toBe('message');
      expect(message.event).toMatchObject({ message: { conversationId: conversation.id, direction: 'inbound', author: 'customer', status: 'received' } });
      const changed = await events.next((frame) => frame.event.type === 'conversation' && frame.event.conversation.id === conversation.id);
      expect(changed.name).toBe('conversation');
      for (const frame of events.frames) expect(frame.name, JSON.stringify(frame.event)).toBe(frame.event.type);
    });

    test('an agent’s reply arrives as a "message" frame with the reply as the API answered it', async (context) => {
      const { conversation } = await world(context);
      const events = await stream();
      const sent = await harness.client.conversations.send(conversation.id, { kind: 'text', body: 'It ships today.' });

      const frame = await events.next((f) => f.event.type === 'message' && f.event.message.id === sent.id);
      expect(frame.name).toBe('message');
      expect(frame.event).toMatchObject({ type: 'message', message: { id: sent.id, conversationId: conversation.id, direction: 'outbound', author: 'agent', body: 'It ships today.' } });
      for (const each of events.frames) expect(each.name).toBe(each.event.type);
    });

    test('without a session the stream is refused (401)', async () => {
      await harness.client.session.signOut();
      const refused = await harness.send('GET', '/api/events', { contentType: null });
      expect(refused.status).toBe(401);
      expect(refused.json).toMatchObject({ type: problemTypes.unauthorized, status: 401 });
    });
  });
}
