import { http, HttpResponse, type HttpHandler } from 'msw';
import { botInputSchema, type BotView } from '@/api/contract/bot';
import { validationProblemBody } from '@/api/contract/problem-bodies';
import { parseBotUrl } from '@/domain/bot/bot-url';
import { recordAudit } from '../audit';
import { handOverRemovedBot } from '../bot-turns';
import type { ConversationRuntime } from '../conversation-runtime';
import type { MockDb } from '../db';
import { fieldError, notFound, problem, readJson, validationProblem, versionConflict } from '../problem-responses';
import { toWorkstream } from '../views';

/** The secret's last 4 characters: all the mock keeps of it, since the demo's bot is never called. */
const hintOf = (secret: string) => secret.slice(-4);

/** The audit's names of what changed, as the server records them; the secret is named, never shown. */
function changedBotFields(before: BotView | null, after: BotView, secretChanged: boolean): string[] {
  if (!before) return ['bot'];
  const fields = (['name', 'url', 'firstToBot', 'maxTurns'] as const).filter((field) => before[field] !== after[field]).map((field) => `bot.${field}`);
  return secretChanged ? [...fields, 'bot.secret'] : fields;
}

/**
 * PUT and DELETE /api/workstreams/:id/bot, as the server answers them: the secret required the
 * first time and kept when left out, never shown; the workstream's version guards the write;
 * administrators only (the session handler answers 403 for the rest).
 */
export function workstreamBotHandlers(db: MockDb, runtime: ConversationRuntime): HttpHandler[] {
  const find = (id: string) => db.data.workstreams.find((w) => w.id === id);

  return [
    http.put('/api/workstreams/:id/bot', async ({ params, request }) => {
      const id = String(params.id);
      if (!find(id)) return notFound('workstream');
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = botInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const { version, secret, ...bot } = parsed.data;
      const existing = find(id)!;
      if (existing.version !== version) return versionConflict('workstream');
      if (secret === undefined && !existing.bot) return problem(validationProblemBody([fieldError('secret', 'botSecret.required')]));
      // As on the server: signed customer messages follow a new host only with the secret given again.
      if (secret === undefined && existing.bot && new URL(existing.bot.url).origin !== new URL(bot.url).origin) {
        return problem(validationProblemBody([fieldError('secret', 'botSecret.newAddress')]));
      }

      const updated = db.write((draft) => {
        const stored = draft.workstreams.find((w) => w.id === id)!;
        const before = stored.bot;
        const secretHint = secret === undefined ? before!.secretHint : hintOf(secret);
        const parsedUrl = parseBotUrl(bot.url);
        stored.bot = { ...bot, secretHint, insecureUrl: parsedUrl.ok && parsedUrl.value.insecure };
        stored.updatedAt = runtime.now().toISOString();
        stored.version += 1;
        const changed = changedBotFields(before, stored.bot, secret !== undefined);
        if (changed.length > 0) recordAudit(draft, 'updated', 'workstream', stored, changed);
        return stored;
      });
      return HttpResponse.json(toWorkstream(db.data, updated));
    }),

    http.delete('/api/workstreams/:id/bot', ({ params }) => {
      const id = String(params.id);
      const workstream = find(id);
      if (!workstream?.bot) return notFound(workstream ? 'bot' : 'workstream');
      db.write((draft) => {
        const stored = draft.workstreams.find((w) => w.id === id)!;
        stored.bot = null;
        stored.updatedAt = runtime.now().toISOString();
        stored.version += 1;
        recordAudit(draft, 'updated', 'workstream', stored, ['bot']);
      });
      // A customer is never stranded: whoever the bot had goes to agents.
      handOverRemovedBot(db, runtime, id);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
