import { http, HttpResponse } from 'msw';
import { numberInUseDetail, problemDetails } from '@/api/contract/problem-bodies';
import {
  MAX_NUMBERS_PER_ACCOUNT,
  accountCreateInputSchema,
  accountUpdateInputSchema,
  type WhatsAppAccount,
} from '@/api/contract/whatsapp-account';
import { numberCreateInputSchema, numberUpdateInputSchema, type WhatsAppNumber } from '@/api/contract/whatsapp-number';
import { isSameAccountName } from '@/domain/account-name';
import { changedFields } from '@/domain/audit-changes';
import { authTokenHint } from '@/domain/auth-token';
import { numberClash } from '@/domain/number-ownership';
import { recordAudit, recordUpdate } from '../audit';
import type { MockData, MockDb, StoredAccount, StoredNumber } from '../db';
import { newId } from '../ids';
import {
  conflict,
  fieldError,
  notFound,
  readJson,
  validationProblem,
  versionConflict,
} from '../problem-responses';


function boundWorkstream(data: Readonly<MockData>, numberId: string) {
  return data.workstreams.find((w) => w.whatsapp?.numberId === numberId);
}

function toNumber(data: Readonly<MockData>, stored: StoredNumber): WhatsAppNumber {
  const workstream = boundWorkstream(data, stored.id);
  const openConversations = data.conversations.filter(
    (c) => c.accountId === stored.accountId && c.businessNumber === stored.number && c.status === 'open',
  ).length;
  return { ...stored, workstream: workstream ? { id: workstream.id, name: workstream.name } : null, openConversations };
}

function toAccount(data: Readonly<MockData>, stored: StoredAccount, origin: string): WhatsAppAccount {
  return {
    ...stored,
    numbers: data.numbers.filter((n) => n.accountId === stored.id).map((n) => toNumber(data, n)),
    templateCount: data.templates.filter((t) => t.accountId === stored.id).length,
    inboundUrl: `${origin}/webhooks/twilio/whatsapp/${stored.id}`,
    statusCallbackUrl: `${origin}/webhooks/twilio/status/${stored.id}`,
  };
}

/** The record that stops `accountId` from having `number` (the sandbox sender is shared: see number-ownership). */
function numberOwner(data: Readonly<MockData>, accountId: string, number: string, exceptNumberId?: string) {
  return numberClash(
    data.numbers.filter((n) => n.id !== exceptNumberId),
    accountId,
    number,
  );
}

export function whatsAppAccountHandlers(db: MockDb) {
  const originOf = (request: Request) => new URL(request.url).origin;
  const findAccount = (id: string) => db.data.accounts.find((a) => a.id === id);
  const nameTaken = (name: string, exceptId?: string) =>
    db.data.accounts.some((a) => a.id !== exceptId && isSameAccountName(a.name, name));

  return [
    http.get('/api/whatsapp-accounts', ({ request }) => {
      const items = [...db.data.accounts]
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((a) => toAccount(db.data, a, originOf(request)));
      return HttpResponse.json({ items });
    }),

    http.post('/api/whatsapp-accounts', async ({ request }) => {
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = accountCreateInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const input = parsed.data;
      if (nameTaken(input.name)) {
        return conflict(problemDetails.accountNameTaken, [fieldError('name', 'name.taken')]);
      }
      const id = newId();
      const taken = input.numbers.flatMap((n, i) => (numberOwner(db.data, id, n.number) ? [fieldError(`numbers.${i}.number`, 'number.taken')] : []));
      if (taken.length > 0) return conflict(problemDetails.numbersOfRequestTaken, taken);

      const account = db.write((draft) => {
        const now = new Date().toISOString();
        const stored: StoredAccount = {
          id,
          name: input.name,
          channel: 'whatsapp',
          accountSid: input.accountSid,
          authTokenHint: authTokenHint(input.authToken),
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        draft.accounts.push(stored);
        for (const n of input.numbers) {
          draft.numbers.push({ id: newId(), accountId: stored.id, name: n.name, number: n.number, createdAt: now, version: 1 });
        }
        // The numbers are part of creating the account: one event, as deleting it is one.
        recordAudit(draft, 'created', 'account', stored);
        return stored;
      });
      return HttpResponse.json(toAccount(db.data, account, originOf(request)), {
        status: 201,
        headers: { location: `/api/whatsapp-accounts/${account.id}` },
      });
    }),

    http.get('/api/whatsapp-accounts/:id', ({ params, request }) => {
      const account = findAccount(String(params.id));
      if (!account) return notFound('account');
      return HttpResponse.json(toAccount(db.data, account, originOf(request)));
    }),

    http.patch('/api/whatsapp-accounts/:id', async ({ params, request }) => {
      const id = String(params.id);
      if (!findAccount(id)) return notFound('account');
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = accountUpdateInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const input = parsed.data;
      if (findAccount(id)?.version !== input.version) return versionConflict('account');
      if (input.name !== undefined && nameTaken(input.name, id)) {
        return conflict(problemDetails.accountNameTaken, [fieldError('name', 'name.taken')]);
      }
      const updated = db.write((draft) => {
        const stored = draft.accounts.find((a) => a.id === id)!;
        const before = structuredClone(stored);
        if (input.name !== undefined) stored.name = input.name;
        if (input.accountSid !== undefined) stored.accountSid = input.accountSid;
        if (input.authToken !== undefined) stored.authTokenHint = authTokenHint(input.authToken);
        stored.updatedAt = new Date().toISOString();
        stored.version += 1;
        recordUpdate(draft, 'account', stored, before, input);
        return stored;
      });
      return HttpResponse.json(toAccount(db.data, updated, originOf(request)));
    }),

    http.delete('/api/whatsapp-accounts/:id', ({ params }) => {
      const id = String(params.id);
      if (!findAccount(id)) return notFound('account');
      const inUse = db.data.numbers.flatMap((n) => {
        const workstream = n.accountId === id ? boundWorkstream(db.data, n.id) : undefined;
        return workstream ? [`${n.name} (${workstream.name})`] : [];
      });
      if (inUse.length > 0) {
        return conflict(`Workstreams use numbers of this account: ${inUse.join(', ')}. Remove their WhatsApp setup first.`, [
          fieldError('numbers', 'account.inUse'),
        ]);
      }
      db.write((draft) => {
        // Its numbers and templates go with it, unrecorded: the account's event says it all.
        recordAudit(draft, 'deleted', 'account', draft.accounts.find((a) => a.id === id)!);
        draft.accounts = draft.accounts.filter((a) => a.id !== id);
        draft.numbers = draft.numbers.filter((n) => n.accountId !== id);
        draft.templates = draft.templates.filter((t) => t.accountId !== id);
      });
      return new HttpResponse(null, { status: 204 });
    }),

    http.get('/api/whatsapp-accounts/:id/numbers', ({ params }) => {
      const id = String(params.id);
      if (!findAccount(id)) return notFound('account');
      return HttpResponse.json({ items: db.data.numbers.filter((n) => n.accountId === id).map((n) => toNumber(db.data, n)) });
    }),

    http.post('/api/whatsapp-accounts/:id/numbers', async ({ params, request }) => {
      const accountId = String(params.id);
      const account = findAccount(accountId);
      if (!account) return notFound('account');
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = numberCreateInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const input = parsed.data;
      const owner = numberOwner(db.data, accountId, input.number);
      if (owner) {
        const code = owner.accountId === accountId ? 'number.duplicate' : 'number.taken';
        return conflict(problemDetails.numberTaken, [fieldError('number', code)]);
      }
      if (db.data.numbers.filter((n) => n.accountId === accountId).length >= MAX_NUMBERS_PER_ACCOUNT) {
        return conflict(problemDetails.tooManyNumbers, [fieldError('numbers', 'numbers.tooMany')]);
      }
      const created = db.write((draft) => {
        const stored: StoredNumber = { id: newId(), accountId, ...input, createdAt: new Date().toISOString(), version: 1 };
        draft.numbers.push(stored);
        touch(draft, accountId);
        recordAudit(draft, 'created', 'number', stored);
        return stored;
      });
      return HttpResponse.json(toNumber(db.data, created), { status: 201 });
    }),

    http.patch('/api/whatsapp-accounts/:id/numbers/:numberId', async ({ params, request }) => {
      const accountId = String(params.id);
      const numberId = String(params.numberId);
      const existing = db.data.numbers.find((n) => n.id === numberId && n.accountId === accountId);
      if (!existing) return notFound('number');
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = numberUpdateInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const input = parsed.data;
      if (existing.version !== input.version) return versionConflict('number');
      const owner = input.number === undefined ? undefined : numberOwner(db.data, accountId, input.number, numberId);
      if (owner) {
        const code = owner.accountId === accountId ? 'number.duplicate' : 'number.taken';
        return conflict(problemDetails.numberTaken, [fieldError('number', code)]);
      }
      const updated = db.write((draft) => {
        const stored = draft.numbers.find((n) => n.id === numberId)!;
        const before = structuredClone(stored);
        if (input.name !== undefined) stored.name = input.name;
        if (input.number !== undefined) stored.number = input.number;
        stored.version += 1;
        touch(draft, accountId);
        if (stored.number === before.number) {
          recordUpdate(draft, 'number', stored, before, input);
        } else {
          const workstream = boundWorkstream(draft, numberId);
          const renumbered = { from: before.number, to: stored.number, workstream: workstream ? { id: workstream.id, name: workstream.name } : null };
          recordAudit(draft, 'updated', 'number', stored, changedFields(before, input), renumbered);
        }
        return stored;
      });
      return HttpResponse.json(toNumber(db.data, updated));
    }),

    http.delete('/api/whatsapp-accounts/:id/numbers/:numberId', ({ params }) => {
      const accountId = String(params.id);
      const numberId = String(params.numberId);
      const numbersOfAccount = db.data.numbers.filter((n) => n.accountId === accountId);
      if (!numbersOfAccount.some((n) => n.id === numberId)) return notFound('number');
      const workstream = boundWorkstream(db.data, numberId);
      if (workstream) {
        return conflict(numberInUseDetail(workstream.name), [fieldError('number', 'number.inUse')]);
      }
      // An account without a number could never receive a message; creating one needs a number too.
      if (numbersOfAccount.length === 1) {
        return conflict(problemDetails.lastNumber, [fieldError('numbers', 'numbers.required')]);
      }
      db.write((draft) => {
        recordAudit(draft, 'deleted', 'number', numbersOfAccount.find((n) => n.id === numberId)!);
        draft.numbers = draft.numbers.filter((n) => n.id !== numberId);
        touch(draft, accountId);
      });
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}

/** Numbers carry their own version; the account only records when it last changed. */
function touch(draft: MockData, accountId: string) {
  const account = draft.accounts.find((a) => a.id === accountId);
  if (account) account.updatedAt = new Date().toISOString();
}
