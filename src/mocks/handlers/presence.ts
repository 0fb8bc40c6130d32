import { http, HttpResponse, type HttpHandler } from 'msw';
import { presenceInputSchema } from '@/api/contract/user';
import { runAssignmentPass } from '../assignment';
import type { ConversationRuntime } from '../conversation-runtime';
import { signedInUser } from '../conversations-db';
import type { MockDb } from '../db';
import { presenceOf } from '../people';
import { readJson, validationProblem } from '../problem-responses';

/** PUT /api/session/presence: the signed-in user's own presence; routing acts on it at once. */
export function presenceHandlers(db: MockDb, runtime: ConversationRuntime): HttpHandler[] {
  return [
    http.put('/api/session/presence', async ({ request }) => {
      // The session handler has already answered 401 when nobody is signed in.
      const user = signedInUser(db.data)!;
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = presenceInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const { presence } = parsed.data;
      const changed = presence !== user.presence;
      if (changed) {
        db.write((draft) => {
          draft.users.find((u) => u.id === user.id)!.presence = presence;
        });
        runtime.publish({ type: 'presence', userId: user.id, presence: presenceOf({ presence }, runtime.now()) });
        runAssignmentPass(db, runtime);
      }
      return HttpResponse.json({ presence });
    }),
  ];
}
