export interface ReplyLoadOptions {
  publicUrl: string;
  /** fetch as the signed-in agent. */
  fetchAs: typeof fetch;
  conversationIds: string[];
  /** Replies written at once (each waits for its answer before the next). */
  writers: number;
  /** Pause between one writer's replies. */
  pauseMs: number;
}

export interface ReplyLoad {
  /** Bodies of the replies the server answered 201 for: they are in the outbox. */
  readonly acknowledged: Set<string>;
  /** Every body posted, answered or not (a request cut by a kill may or may not have committed). */
  readonly attempted: Set<string>;
  stop(): Promise<void>;
}

/** Agents answering customers: text replies spread over the conversations, each with a body of its own. */
export function startReplyLoad(options: ReplyLoadOptions): ReplyLoad {
  const acknowledged = new Set<string>();
  const attempted = new Set<string>();
  let stopping = false;
  let serial = 0;

  const writer = async () => {
    while (!stopping) {
      const n = ++serial;
      const body = `Crash-safety reply ${n}`;
      const conversationId = options.conversationIds[n % options.conversationIds.length]!;
      attempted.add(body);
      try {
        const response = await options.fetchAs(`${options.publicUrl}/api/conversations/${conversationId}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'text', body }),
          signal: AbortSignal.timeout(15_000),
        });
        await response.arrayBuffer();
        if (response.status === 201) acknowledged.add(body);
      } catch {
        // No answer (the server was killed): the agent's view shows an error; the reply may or may not be stored.
      }
      await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
  };
  const running = Array.from({ length: options.writers }, () => writer());

  return {
    acknowledged,
    attempted,
    async stop() {
      stopping = true;
      await Promise.all(running);
    },
  };
}
