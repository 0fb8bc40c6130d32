import { compareNames } from '@/domain/list-order';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { userCreateInputSchema, userUpdateInputSchema } from '@/api/contract/user';
import { userValidationMessages } from '@/domain/validation/users';
import { runAssignmentPass } from '../assignment';
import { recordAudit, recordUpdate } from '../audit';
import type { ConversationRuntime } from '../conversation-runtime';
import type { MockData, MockDb, StoredMessage, StoredUser } from '../db';
import { newId } from '../ids';
import { publishChanges } from '../live-changes';
import { toUser } from '../people';
import { conflict, fieldError, notFound, readJson, validationProblem, versionConflict } from '../problem-responses';
import { noteMessage } from '../system-messages';

const byName = (a: StoredUser, b: StoredUser) => compareNames(a.name, b.name) || a.id.localeCompare(b.id);

const emailTaken = () => conflict(userValidationMessages['email.taken'], [fieldError('email', 'email.taken')]);

/**
 * Why a user may not be removed or demoted, on the field that asked for it; null when
 * they may. The last administrator is named first: it says what to do about it, where
 * "not yourself" would not.
 */
function guard(data: Readonly<MockData>, target: StoredUser, path: 'id' | 'role'): Response | null {
  if (target.role === 'admin' && !data.users.some((u) => u.role === 'admin' && u.id !== target.id)) {
    return conflict(userValidationMessages['user.lastAdmin'], [fieldError(path, 'user.lastAdmin')]);
  }
  if (target.id === data.session.userId) return conflict(userValidationMessages['user.self'], [fieldError(path, 'user.self')]);
  return null;
}

/** A new user whose e-mail a queue kept as a pending member becomes that queue's member. */
function joinPendingQueues(draft: MockData, user: StoredUser): void {
  for (const queue of draft.queues) {
    if (!queue.pendingMembers.some((m) => m.email === user.email)) continue;
    queue.pendingMembers = queue.pendingMembers.filter((m) => m.email !== user.email);
    if (!queue.memberIds.includes(user.id)) queue.memberIds.push(user.id);
  }
}

/**
 * What goes with a removed user: their memberships (each queue's change audited) and their
 * open conversations, which go back to their queues to wait from now, with a note.
 */
function releaseEverything(draft: MockData, user: StoredUser, now: Date): { conversationIds: string[]; notes: StoredMessage[] } {
  for (const queue of draft.queues.filter((q) => q.memberIds.includes(user.id))) {
    queue.memberIds = queue.memberIds.filter((id) => id !== user.id);
    recordAudit(draft, 'updated', 'queue', queue, ['members']);
  }
  const returned = draft.conversations.filter((c) => c.assigneeId === user.id && c.status === 'open');
  const notes = returned.map((conversation) => {
    conversation.assigneeId = null;
    conversation.queuedAt = now.toISOString();
    conversation.version += 1;
    const queue = draft.queues.find((q) => q.id === conversation.queueId);
    const note = noteMessage(conversation.id, 'returnedToQueue', { agent: user.name, queue: queue?.name ?? '' }, now.toISOString());
    draft.messages.push(note);
    return note;
  });
  return { conversationIds: returned.map((c) => c.id), notes };
}

/** /api/users: administrators manage who signs in (the session handlers keep agents out). */
export function usersHandlers(db: MockDb, runtime: ConversationRuntime): HttpHandler[] {
  const view = (user: StoredUser) => toUser(user, runtime.now());
  const find = (id: string) => db.data.users.find((u) => u.id === id);
  // Emails are stored trimmed and in lower case (the schema does both), so equality is enough.
  const owner = (email: string, exceptId?: string) => db.data.users.find((u) => u.email === email && u.id !== exceptId);

  return [
    http.get('/api/users', () => HttpResponse.json({ items: [...db.data.users].sort(byName).map(view) })),

    http.post('/api/users', async ({ request }) => {
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = userCreateInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const input = parsed.data;
      if (owner(input.email)) return emailTaken();
      const created = db.write((draft) => {
        const now = new Date().toISOString();
        const stored: StoredUser = {
          id: newId(),
          ...input,
          presence: 'available',
          lastAssignedAt: null,
          createdAt: now,
          updatedAt: now,
          lastSignInAt: null,
          version: 1,
        };
        draft.users.push(stored);
        recordAudit(draft, 'created', 'user', stored);
        joinPendingQueues(draft, stored);
        return stored;
      });
      runAssignmentPass(db, runtime);
      return HttpResponse.json(view(created), { status: 201, headers: { location: `/api/users/${created.id}` } });
    }),

    http.patch('/api/users/:id', async ({ params, request }) => {
      const id = String(params.id);
      if (!find(id)) return notFound('user');
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = userUpdateInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const { version, ...changes } = parsed.data;
      const existing = find(id)!;
      if (existing.version !== version) return versionConflict('user');
      const refused = existing.role === 'admin' && changes.role === 'agent' ? guard(db.data, existing, 'role') : null;
      if (refused) return refused;
      if (changes.email !== undefined && owner(changes.email, id)) return emailTaken();

      const updated = db.write((draft) => {
        const stored = draft.users.find((u) => u.id === id)!;
        const before = structuredClone(stored);
        // A new password would end the user's other sessions; the demo has only this browser's.
        for (const [key, value] of Object.entries(changes)) {
          if (value !== undefined) Object.assign(stored, { [key]: value });
        }
        stored.updatedAt = new Date().toISOString();
        stored.version += 1;
        recordUpdate(draft, 'user', stored, before, changes);
        return stored;
      });
      // A raised capacity or a new skill may let them take what waits.
      if (changes.capacity !== undefined || changes.skills !== undefined) runAssignmentPass(db, runtime);
      return HttpResponse.json(view(updated));
    }),

    http.delete('/api/users/:id', ({ params }) => {
      const id = String(params.id);
      const existing = find(id);
      if (!existing) return notFound('user');
      const refused = guard(db.data, existing, 'id');
      if (refused) return refused;
      const released = db.write((draft) => {
        // The user's own event first, then each queue they leave (as the server records them).
        recordAudit(draft, 'deleted', 'user', existing);
        const freed = releaseEverything(draft, existing, runtime.now());
        draft.users = draft.users.filter((u) => u.id !== id);
        return freed;
      });
      publishChanges(db, runtime, released.conversationIds, released.notes);
      runAssignmentPass(db, runtime);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
