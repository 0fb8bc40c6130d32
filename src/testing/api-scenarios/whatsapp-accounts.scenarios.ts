import { describe, expect, test, type TestContext } from 'vitest';
import { problemTypes } from '@/api/contract/problem';
import {
  MAX_NUMBERS_PER_ACCOUNT,
  whatsAppAccountSchema,
  type AccountCreateInput,
  type AccountUpdateInput,
  type WhatsAppAccount,
} from '@/api/contract/whatsapp-account';
import { TWILIO_SANDBOX_NUMBER } from '@/domain/e164';
import { whatsAppNumberSchema, type NumberCreateInput, type NumberUpdateInput } from '@/api/contract/whatsapp-number';
import { plainQueueInput, workstreamInput } from './fixtures';
import { scenarioHarness, skipBecause, UNKNOWN_ID, type ScenarioBackend } from './harness';

/**
 * The behaviour of /api/whatsapp-accounts and its numbers that the UI relies on. Run it
 * against every backend (see src/mocks/handlers/whatsapp-accounts.scenarios.test.ts): a scenario
 * that passes on one and fails on another is a drift between mock and server.
 */
export function describeWhatsAppAccountsScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`WhatsApp accounts API scenarios (${name})`, () => {
    let backend: ScenarioBackend;
    const harness = scenarioHarness(async () => {
      backend = await setup();
      return backend;
    });
    const { send, failure, fieldCodes, expectProblem, newSid, newNumber, newToken } = harness;

    function accountInput(overrides: Partial<AccountCreateInput> = {}): AccountCreateInput {
      return {
        name: `Account ${harness.serial()}`,
        channel: 'whatsapp',
        accountSid: newSid(),
        authToken: newToken(),
        numbers: [{ name: 'Support line', number: newNumber() }],
        ...overrides,
      };
    }

    const createAccount = (overrides: Partial<AccountCreateInput> = {}) => harness.client.accounts.create(accountInput(overrides));

    // ---- listing -----------------------------------------------------------------

    describe('listing accounts', () => {
      test('answers an empty list when there are no accounts', async () => {
        await expect(harness.client.accounts.list()).resolves.toEqual({ items: [] });
      });

      test('lists every account with its numbers, newest first', async () => {
        const first = await createAccount();
        const second = await createAccount({
          numbers: [
            { name: 'Sales', number: newNumber() },
            { name: 'Support', number: newNumber() },
          ],
        });
        const third = await createAccount();

        const { items } = await harness.client.accounts.list();

        expect(items.map((a) => a.id).sort()).toEqual([first.id, second.id, third.id].sort());
        expect(items.find((a) => a.id === second.id)).toEqual(second);
        const created = items.map((a) => Date.parse(a.createdAt));
        expect(created).toEqual([...created].sort((a, b) => b - a));
      });
    });

    // ---- creating ----------------------------------------------------------------

    describe('creating an account', () => {
      test('answers 201 with the account: normalised input, a token hint, callback URLs and a version', async () => {
        const response = await send('POST', '/api/whatsapp-accounts', {
          body: JSON.stringify({
            name: '  Fabrikam helpdesk  ',
            channel: 'whatsapp',
            accountSid: ' AC0123456789ABCDEF0123456789ABCDEF\n',
            authToken: 'FEDCBA9876543210FEDCBA98765432A1',
            numbers: [
              { name: 'Helpdesk', number: 'whatsapp:+358 40 123 4567' },
              { name: 'Sandbox', number: '+1 (415) 523-8886' },
            ],
          }),
        });
        harness.rememberToken('fedcba9876543210fedcba98765432a1');

        expect(response.status).toBe(201);
        const account = whatsAppAccountSchema.parse(response.json);
        expect(account).toMatchObject({
          name: 'Fabrikam helpdesk',
          channel: 'whatsapp',
          accountSid: 'AC0123456789abcdef0123456789abcdef',
          authTokenHint: '32a1',
        });
        expect(response.json).not.toHaveProperty('authToken');
        expect(account.numbers.map(({ name, number }) => ({ name, number }))).toEqual([
          { name: 'Helpdesk', number: '+358401234567' },
          { name: 'Sandbox', number: '+14155238886' },
        ]);
        for (const number of account.numbers) {
          expect(number.accountId).toBe(account.id);
          expect(Number.isInteger(number.version)).toBe(true);
        }
        expect(new Set(account.numbers.map((n) => n.id)).size).toBe(2);
        expect(new URL(account.inboundUrl).pathname).toBe(`/webhooks/twilio/whatsapp/${account.id}`);
        expect(new URL(account.statusCallbackUrl).pathname).toBe(`/webhooks/twilio/status/${account.id}`);
        expect(Number.isInteger(account.version)).toBe(true);
        const location = response.headers.get('location');
        expect(location === null || location.endsWith(`/api/whatsapp-accounts/${account.id}`), `location ${location}`).toBe(true);
      });

      test('the new account can be read back by id and appears in the list', async () => {
        const created = await createAccount();
        await expect(harness.client.accounts.get(created.id)).resolves.toEqual(created);
        await expect(harness.client.accounts.list()).resolves.toEqual({ items: [created] });
        await expect(harness.client.numbers.list(created.id)).resolves.toEqual({ items: created.numbers });
      });

      test('accounts get distinct ids and callback URLs', async () => {
        const a = await createAccount();
        const b = await createAccount();
        expect(a.id).not.toBe(b.id);
        expect(a.inboundUrl).not.toBe(b.inboundUrl);
        expect(a.statusCallbackUrl).not.toBe(b.statusCallbackUrl);
      });

      test(`accepts up to ${MAX_NUMBERS_PER_ACCOUNT} numbers`, async () => {
        const numbers = Array.from({ length: MAX_NUMBERS_PER_ACCOUNT }, (_, i) => ({ name: `Line ${i}`, number: newNumber() }));
        const account = await createAccount({ numbers });
        expect(account.numbers).toHaveLength(MAX_NUMBERS_PER_ACCOUNT);
      });
    });

    // ---- validation ----------------------------------------------------------------

    describe('validation problems (400 with field errors)', () => {
      test('a SID with the wrong prefix: accountSid.wrongPrefix', async () => {
        const error = await failure(createAccount({ accountSid: `SK${'0'.repeat(32)}` }));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['accountSid accountSid.wrongPrefix']);
      });

      test('SID and token pasted into each other’s fields: both reported at once', async () => {
        const token = newToken();
        const error = await failure(createAccount({ accountSid: token, authToken: newSid() }));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['accountSid accountSid.tokenPasted', 'authToken authToken.sidPasted']);
      });

      test('wrong lengths and non-hex characters in the credentials', async () => {
        const short = await failure(createAccount({ accountSid: 'AC0123', authToken: '0123' }));
        expect(fieldCodes(short)).toEqual(['accountSid accountSid.wrongLength', 'authToken authToken.wrongLength']);
        const notHex = await failure(createAccount({ accountSid: `AC${'g'.repeat(32)}`, authToken: 'z'.repeat(32) }));
        expect(fieldCodes(notHex)).toEqual(['accountSid accountSid.notHex', 'authToken authToken.notHex']);
      });

      test('a number repeated in one request, even written differently: number.duplicate on the later one', async () => {
        const error = await failure(
          createAccount({
            numbers: [
              { name: 'First', number: '+358401234567' },
              { name: 'Second', number: 'whatsapp:+358 40 123 4567' },
            ],
          }),
        );
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['numbers.1.number number.duplicate']);
      });

      test('a repeated number is reported together with an invalid one', async () => {
        const error = await failure(
          createAccount({
            numbers: [
              { name: 'First', number: '+358401234567' },
              { name: 'Second', number: '+358401234567' },
              { name: 'Broken', number: 'not a number' },
            ],
          }),
        );
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(expect.arrayContaining(['numbers.1.number number.duplicate', 'numbers.2.number e164.invalidCharacters']));
        expect(fieldCodes(error)).toHaveLength(2);
      });

      test('invalid numbers are reported by their index in the list', async () => {
        const error = await failure(
          createAccount({
            numbers: [
              { name: 'Fine', number: newNumber() },
              { name: 'Local', number: '040 123 4567' },
              { name: ' ', number: '+0401234567' },
            ],
          }),
        );
        expect(fieldCodes(error)).toEqual([
          'numbers.1.number e164.missingPlus',
          'numbers.2.name numberName.required',
          'numbers.2.number e164.leadingZero',
        ]);
      });

      test(`no numbers, or more than ${MAX_NUMBERS_PER_ACCOUNT}`, async () => {
        const none = await failure(createAccount({ numbers: [] }));
        expect(fieldCodes(none)).toEqual(['numbers numbers.required']);
        const numbers = Array.from({ length: MAX_NUMBERS_PER_ACCOUNT + 1 }, (_, i) => ({ name: `Line ${i}`, number: newNumber() }));
        const tooMany = await failure(createAccount({ numbers }));
        expect(fieldCodes(tooMany)).toEqual(['numbers numbers.tooMany']);
      });

      test('blank and overlong names, and a channel other than WhatsApp', async () => {
        const blank = await failure(createAccount({ name: '   ' }));
        expect(fieldCodes(blank)).toEqual(['name name.required']);
        const long = await failure(createAccount({ name: 'x'.repeat(101) }));
        expect(fieldCodes(long)).toEqual(['name name.tooLong']);
        const sms = await failure(createAccount({ channel: 'sms' } as unknown as Partial<AccountCreateInput>));
        expect(fieldCodes(sms)).toEqual(['channel channel.unsupported']);
      });

      test('unknown fields are rejected, at the top level and inside a number', async () => {
        const input = {
          ...accountInput(),
          authTokenHint: 'abcd',
          numbers: [{ name: 'Line', number: newNumber(), label: 'extra' }],
        };
        const error = await failure(harness.client.accounts.create(input as AccountCreateInput));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['authTokenHint field.unknown', 'numbers.0.label field.unknown']);
      });

      test('nothing is stored when a create is rejected', async () => {
        await failure(createAccount({ accountSid: 'nonsense' }));
        await expect(harness.client.accounts.list()).resolves.toEqual({ items: [] });
      });

      test('a missing SID, token or number is reported as missing, not as invalid', async () => {
        const gaps = { name: 'Gaps', channel: 'whatsapp', numbers: [{ name: 'Line' }] } as unknown as AccountCreateInput;
        const error = await failure(harness.client.accounts.create(gaps));
        expect(fieldCodes(error)).toEqual([
          'accountSid accountSid.required',
          'authToken authToken.required',
          'numbers.0.number e164.required',
        ]);
      });

      test('a missing body and malformed JSON are 400 bad request', async () => {
        const empty = await send('POST', '/api/whatsapp-accounts');
        expect(empty.status).toBe(400);
        expect(empty.json).toMatchObject({ type: problemTypes.badRequest, status: 400 });

        const malformed = await send('POST', '/api/whatsapp-accounts', { body: '{"name": "Fabrikam",' });
        expect(malformed.status).toBe(400);
        expect(malformed.json).toMatchObject({ type: problemTypes.badRequest, status: 400 });

        const account = await createAccount();
        const patch = await send('PATCH', `/api/whatsapp-accounts/${account.id}`, { body: '{version: 1}' });
        expect(patch.status).toBe(400);
        expect(patch.json).toMatchObject({ type: problemTypes.badRequest });
        const number = await send('POST', `/api/whatsapp-accounts/${account.id}/numbers`, { body: 'not json' });
        expect(number.status).toBe(400);
        expect(number.json).toMatchObject({ type: problemTypes.badRequest });

        // No field takes a NUL character (PostgreSQL cannot store one), in a value or in a key.
        for (const body of ['{"name": "Fab\\u0000rikam"}', '{"na\\u0000me": "Fabrikam"}']) {
          const nul = await send('POST', '/api/whatsapp-accounts', { body });
          expect(nul.status, body).toBe(400);
          expect(nul.json, body).toMatchObject({ type: problemTypes.badRequest, detail: expect.stringMatching(/NUL/) });
        }
      });

      test('JSON that is not an object is a validation problem', async () => {
        for (const body of ['[]', 'null', '"account"', '42']) {
          const response = await send('POST', '/api/whatsapp-accounts', { body });
          expect(response.status, body).toBe(400);
          expect(response.json, body).toMatchObject({ type: problemTypes.validation });
        }
        await expect(harness.client.accounts.list()).resolves.toEqual({ items: [] });
      });

      test('updates follow the same rules, and need the version', async () => {
        const account = await createAccount();
        const invalid = await failure(
          harness.client.accounts.update(account.id, { version: account.version, accountSid: `MG${'0'.repeat(32)}`, authToken: 'xyz', name: '' }),
        );
        expectProblem(invalid, 400, problemTypes.validation);
        expect(fieldCodes(invalid)).toEqual([
          'accountSid accountSid.wrongPrefix',
          'authToken authToken.notHex',
          'name name.required',
        ]);

        const noVersion = await failure(harness.client.accounts.update(account.id, { name: 'Renamed' } as AccountUpdateInput));
        expect(fieldCodes(noVersion)).toEqual(['version version.required']);

        const unknown = await failure(
          harness.client.accounts.update(account.id, { version: account.version, channel: 'whatsapp' } as AccountUpdateInput),
        );
        expect(fieldCodes(unknown)).toEqual(['channel field.unknown']);

        await expect(harness.client.accounts.get(account.id)).resolves.toEqual(account);
      });

      test('numbers are checked when added or changed', async () => {
        const account = await createAccount();
        const [number] = account.numbers;
        const added = await failure(harness.client.numbers.create(account.id, { name: '', number: '0401234567' }));
        expectProblem(added, 400, problemTypes.validation);
        expect(fieldCodes(added)).toEqual(['name numberName.required', 'number e164.missingPlus']);

        const unknown = await failure(
          harness.client.numbers.create(account.id, { name: 'Line', number: newNumber(), accountId: account.id } as NumberCreateInput),
        );
        expect(fieldCodes(unknown)).toEqual(['accountId field.unknown']);

        const changed = await failure(harness.client.numbers.update(account.id, number!.id, { version: number!.version, number: '+' }));
        expect(fieldCodes(changed)).toEqual(['number e164.tooShort']);

        const noVersion = await failure(harness.client.numbers.update(account.id, number!.id, { name: 'New' } as NumberUpdateInput));
        expect(fieldCodes(noVersion)).toEqual(['version version.required']);

        await expect(harness.client.numbers.list(account.id)).resolves.toEqual({ items: account.numbers });
      });
    });

    // ---- not found -------------------------------------------------------------------

    describe('unknown ids (404)', () => {
      test('reading, changing and deleting an account that does not exist', async () => {
        for (const request of [
          () => harness.client.accounts.get(UNKNOWN_ID),
          () => harness.client.accounts.update(UNKNOWN_ID, { version: 1, name: 'Ghost' }),
          () => harness.client.accounts.remove(UNKNOWN_ID),
        ]) {
          expectProblem(await failure(request()), 404, problemTypes.notFound);
        }
      });

      test('an id that is not even well formed is not found either', async () => {
        expectProblem(await failure(harness.client.accounts.get('no-such-account')), 404, problemTypes.notFound);
      });

      test('the numbers of an account that does not exist', async () => {
        expectProblem(await failure(harness.client.numbers.list(UNKNOWN_ID)), 404, problemTypes.notFound);
        expectProblem(
          await failure(harness.client.numbers.create(UNKNOWN_ID, { name: 'Line', number: newNumber() })),
          404,
          problemTypes.notFound,
        );
      });

      test('a number that does not exist, or belongs to another account', async () => {
        const mine = await createAccount();
        const theirs = await createAccount();
        const theirNumber = theirs.numbers[0]!;
        for (const request of [
          () => harness.client.numbers.update(mine.id, UNKNOWN_ID, { version: 1, name: 'Ghost' }),
          () => harness.client.numbers.remove(mine.id, UNKNOWN_ID),
          () => harness.client.numbers.update(mine.id, theirNumber.id, { version: theirNumber.version, name: 'Hijacked' }),
          () => harness.client.numbers.remove(mine.id, theirNumber.id),
        ]) {
          expectProblem(await failure(request()), 404, problemTypes.notFound);
        }
        await expect(harness.client.accounts.get(theirs.id)).resolves.toEqual(theirs);
      });
    });

    // ---- conflicts -------------------------------------------------------------------

    describe('conflicts (409)', () => {
      test('an account name is taken whatever its case and surrounding spaces', async () => {
        await createAccount({ name: 'Contoso Support' });
        for (const name of ['Contoso Support', 'contoso support', '  CONTOSO SUPPORT ']) {
          const error = await failure(createAccount({ name }));
          expectProblem(error, 409, problemTypes.conflict);
          expect(fieldCodes(error)).toEqual(['name name.taken']);
        }
        expect((await harness.client.accounts.list()).items).toHaveLength(1);
      });

      test('renaming to another account’s name is a conflict; changing the case of one’s own name is not', async () => {
        await createAccount({ name: 'Contoso' });
        const fabrikam = await createAccount({ name: 'Fabrikam' });
        const error = await failure(harness.client.accounts.update(fabrikam.id, { version: fabrikam.version, name: 'CONTOSO' }));
        expectProblem(error, 409, problemTypes.conflict);
        expect(fieldCodes(error)).toEqual(['name name.taken']);

        const renamed = await harness.client.accounts.update(fabrikam.id, { version: fabrikam.version, name: 'FABRIKAM' });
        expect(renamed.name).toBe('FABRIKAM');
      });

      test('a number another account uses cannot be in a new account, and nothing is created', async () => {
        const taken = newNumber();
        await createAccount({ numbers: [{ name: 'Theirs', number: taken }] });
        const error = await failure(
          createAccount({
            numbers: [
              { name: 'Free', number: newNumber() },
              { name: 'Same number, spaced', number: `${taken.slice(0, 4)} ${taken.slice(4)}` },
            ],
          }),
        );
        expectProblem(error, 409, problemTypes.conflict);
        expect(fieldCodes(error)).toEqual(['numbers.1.number number.taken']);
        expect((await harness.client.accounts.list()).items).toHaveLength(1);
      });

      test('adding a number: number.taken when another account has it, number.duplicate when this one does', async () => {
        const theirs = await createAccount();
        const mine = await createAccount();
        const other = await failure(harness.client.numbers.create(mine.id, { name: 'Theirs', number: theirs.numbers[0]!.number }));
        expectProblem(other, 409, problemTypes.conflict);
        expect(fieldCodes(other)).toEqual(['number number.taken']);

        const own = await failure(harness.client.numbers.create(mine.id, { name: 'Again', number: mine.numbers[0]!.number }));
        expectProblem(own, 409, problemTypes.conflict);
        expect(fieldCodes(own)).toEqual(['number number.duplicate']);

        await expect(harness.client.numbers.list(mine.id)).resolves.toEqual({ items: mine.numbers });
      });

      test('changing a number: to another account’s number, to a sibling’s, and to itself', async () => {
        const theirs = await createAccount();
        const mine = await createAccount({
          numbers: [
            { name: 'First', number: newNumber() },
            { name: 'Second', number: newNumber() },
          ],
        });
        const [first, second] = mine.numbers as [WhatsAppAccount['numbers'][number], WhatsAppAccount['numbers'][number]];

        const other = await failure(
          harness.client.numbers.update(mine.id, first.id, { version: first.version, number: theirs.numbers[0]!.number }),
        );
        expectProblem(other, 409, problemTypes.conflict);
        expect(fieldCodes(other)).toEqual(['number number.taken']);

        const sibling = await failure(harness.client.numbers.update(mine.id, first.id, { version: first.version, number: second.number }));
        expectProblem(sibling, 409, problemTypes.conflict);
        expect(fieldCodes(sibling)).toEqual(['number number.duplicate']);

        const same = await harness.client.numbers.update(mine.id, first.id, { version: first.version, number: first.number, name: 'Renamed' });
        expect(same).toMatchObject({ number: first.number, name: 'Renamed' });
      });
    });

    // ---- versions --------------------------------------------------------------------

    describe('versions (optimistic concurrency)', () => {
      test('an update with the current version applies, increments the version and is read back', async () => {
        const account = await createAccount({ name: 'Before' });
        const sid = newSid();
        const updated = await harness.client.accounts.update(account.id, { version: account.version, name: '  After ', accountSid: sid.toUpperCase().replace(/^AC/, 'ac') });

        expect(updated).toMatchObject({ id: account.id, name: 'After', accountSid: sid, version: account.version + 1 });
        expect(updated.authTokenHint).toBe(account.authTokenHint);
        expect(updated.numbers).toEqual(account.numbers);
        expect(updated.createdAt).toBe(account.createdAt);
        expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(account.updatedAt));
        await expect(harness.client.accounts.get(account.id)).resolves.toEqual(updated);
      });

      test('a stale version is a version conflict and changes nothing', async () => {
        const account = await createAccount({ name: 'Original' });
        // Two admins open the same account; the first one saves.
        const first = await harness.client.accounts.update(account.id, { version: account.version, name: 'First save' });
        const error = await failure(harness.client.accounts.update(account.id, { version: account.version, name: 'Second save' }));

        expectProblem(error, 409, problemTypes.versionConflict);
        expect(error.isVersionConflict).toBe(true);
        await expect(harness.client.accounts.get(account.id)).resolves.toEqual(first);
      });

      test('a version from the future is a conflict too', async () => {
        const account = await createAccount();
        const error = await failure(harness.client.accounts.update(account.id, { version: account.version + 5, name: 'Ahead' }));
        expect(error.isVersionConflict).toBe(true);
      });

      test('numbers have versions of their own', async () => {
        const account = await createAccount();
        const number = account.numbers[0]!;
        const renamed = await harness.client.numbers.update(account.id, number.id, { version: number.version, name: 'Renamed' });
        expect(renamed).toMatchObject({ id: number.id, name: 'Renamed', number: number.number, version: number.version + 1 });

        const stale = await failure(harness.client.numbers.update(account.id, number.id, { version: number.version, name: 'Stale' }));
        expectProblem(stale, 409, problemTypes.versionConflict);
        expect(stale.isVersionConflict).toBe(true);
        await expect(harness.client.numbers.list(account.id)).resolves.toEqual({ items: [renamed] });
      });

      test('changing numbers does not change the account’s version, so an open account editor can still save', async () => {
        const account = await createAccount();
        const added = await harness.client.numbers.create(account.id, { name: 'Extra', number: newNumber() });
        await harness.client.numbers.update(account.id, added.id, { version: added.version, name: 'Extra line' });
        await harness.client.numbers.remove(account.id, account.numbers[0]!.id);

        const after = await harness.client.accounts.get(account.id);
        expect(after.version).toBe(account.version);
        await expect(harness.client.accounts.update(account.id, { version: account.version, name: 'Saved' })).resolves.toMatchObject({ name: 'Saved' });
      });
    });

    // ---- the auth token --------------------------------------------------------------

    describe('the auth token', () => {
      test('replacing it changes the hint and the version, and never returns the token', async () => {
        const account = await createAccount();
        const token = newToken();
        const updated = await harness.client.accounts.update(account.id, { version: account.version, authToken: token });

        expect(updated.authTokenHint).toBe(token.slice(-4));
        expect(updated.authTokenHint).not.toBe(account.authTokenHint);
        expect(updated.version).toBe(account.version + 1);
        await expect(harness.client.accounts.get(account.id)).resolves.toMatchObject({ authTokenHint: token.slice(-4) });
      });

      test('the hint of a token typed in uppercase is lowercase, like the stored token', async () => {
        const token = newToken();
        const account = await createAccount({ authToken: token.toUpperCase() });
        expect(account.authTokenHint).toBe(token.slice(-4));
      });

      test('an update without a token keeps the stored one', async () => {
        const account = await createAccount();
        const updated = await harness.client.accounts.update(account.id, { version: account.version, name: 'Renamed' });
        expect(updated.authTokenHint).toBe(account.authTokenHint);
      });

      test('no response carries it: create, read, list, update, numbers and errors', async () => {
        const account = await createAccount();
        await harness.client.accounts.get(account.id);
        await harness.client.accounts.list();
        await harness.client.numbers.list(account.id);
        await harness.client.accounts.update(account.id, { version: account.version, authToken: newToken() });
        await failure(harness.client.accounts.update(account.id, { version: account.version, authToken: newToken() }));
        await failure(createAccount({ name: account.name }));
        await failure(createAccount({ accountSid: 'bad' }));
        // The after-each check searches every response above for every token sent.
        expect(harness.responseCount()).toBeGreaterThanOrEqual(8);
      });
    });

    // ---- numbers ---------------------------------------------------------------------

    describe('numbers of an account', () => {
      test('adding one answers 201 with the normalised number, and the account shows it', async () => {
        const account = await createAccount();
        const response = await send('POST', `/api/whatsapp-accounts/${account.id}/numbers`, {
          body: JSON.stringify({ name: ' Sales ', number: 'whatsapp:+44 20 7946 0958' }),
        });
        expect(response.status).toBe(201);
        const number = whatsAppNumberSchema.parse(response.json);
        expect(number).toMatchObject({ accountId: account.id, name: 'Sales', number: '+442079460958' });
        expect(Number.isInteger(number.version)).toBe(true);

        const { items } = await harness.client.numbers.list(account.id);
        expect(items).toEqual([...account.numbers, number]);
        expect((await harness.client.accounts.get(account.id)).numbers).toEqual(items);
      });

      test('changing one updates its name and number', async () => {
        const account = await createAccount();
        const number = account.numbers[0]!;
        const updated = await harness.client.numbers.update(account.id, number.id, {
          version: number.version,
          name: 'Renamed',
          number: '+1.415.523.8886',
        });
        expect(updated).toMatchObject({ id: number.id, accountId: account.id, name: 'Renamed', number: '+14155238886' });
        await expect(harness.client.numbers.list(account.id)).resolves.toEqual({ items: [updated] });
      });

      test('removing one answers 204 and it is gone from the account', async () => {
        const account = await createAccount({
          numbers: [
            { name: 'Keep', number: newNumber() },
            { name: 'Drop', number: newNumber() },
          ],
        });
        const [keep, drop] = account.numbers;
        const response = await send('DELETE', `/api/whatsapp-accounts/${account.id}/numbers/${drop!.id}`, { contentType: null });
        expect(response.status).toBe(204);
        expect(response.text).toBe('');

        await expect(harness.client.numbers.list(account.id)).resolves.toEqual({ items: [keep] });
        expect((await harness.client.accounts.get(account.id)).numbers).toEqual([keep]);
        expectProblem(await failure(harness.client.numbers.remove(account.id, drop!.id)), 404, problemTypes.notFound);
      });

      test('a removed number is free for another account', async () => {
        const first = await createAccount({
          numbers: [
            { name: 'Staying', number: newNumber() },
            { name: 'Leaving', number: newNumber() },
          ],
        });
        const number = first.numbers[1]!;
        await harness.client.numbers.remove(first.id, number.id);
        const second = await createAccount({ numbers: [{ name: 'Moved', number: number.number }] });
        expect(second.numbers[0]!.number).toBe(number.number);
      });

      test('the last number cannot be removed: 409 naming the rule, and the number stays', async () => {
        const account = await createAccount();
        const error = await failure(harness.client.numbers.remove(account.id, account.numbers[0]!.id));
        expectProblem(error, 409, problemTypes.conflict);
        expect(fieldCodes(error)).toEqual(['numbers numbers.required']);
        expect((await harness.client.numbers.list(account.id)).items).toHaveLength(1);
      });

      test(`an account cannot grow beyond ${MAX_NUMBERS_PER_ACCOUNT} numbers one at a time either`, async () => {
        const numbers = Array.from({ length: MAX_NUMBERS_PER_ACCOUNT }, (_, i) => ({ name: `Line ${i}`, number: newNumber() }));
        const account = await createAccount({ numbers });
        const error = await failure(harness.client.numbers.create(account.id, { name: 'One too many', number: newNumber() }));
        expectProblem(error, 409, problemTypes.conflict);
        expect(fieldCodes(error)).toEqual(['numbers numbers.tooMany']);
        expect((await harness.client.numbers.list(account.id)).items).toHaveLength(MAX_NUMBERS_PER_ACCOUNT);

        await harness.client.numbers.remove(account.id, account.numbers[0]!.id);
        await expect(harness.client.numbers.create(account.id, { name: 'Room again', number: newNumber() })).resolves.toMatchObject({
          name: 'Room again',
        });
      });
    });

    // ---- deleting --------------------------------------------------------------------

    describe('deleting an account', () => {
      test('answers 204, removes the account with its numbers and frees them for another account', async () => {
        const doomed = await createAccount({
          numbers: [
            { name: 'One', number: newNumber() },
            { name: 'Two', number: newNumber() },
          ],
        });
        const survivor = await createAccount();

        const response = await send('DELETE', `/api/whatsapp-accounts/${doomed.id}`, { contentType: null });
        expect(response.status).toBe(204);
        expect(response.text).toBe('');

        expectProblem(await failure(harness.client.accounts.get(doomed.id)), 404, problemTypes.notFound);
        expectProblem(await failure(harness.client.numbers.list(doomed.id)), 404, problemTypes.notFound);
        await expect(harness.client.accounts.list()).resolves.toEqual({ items: [survivor] });

        const reused = await createAccount({ numbers: doomed.numbers.map(({ name, number }) => ({ name, number })) });
        expect(reused.numbers.map((n) => n.number)).toEqual(doomed.numbers.map((n) => n.number));
      });

      test('frees the name for a new account', async () => {
        const account = await createAccount({ name: 'Reusable' });
        await harness.client.accounts.remove(account.id);
        await expect(createAccount({ name: 'reusable' })).resolves.toMatchObject({ name: 'reusable' });
      });

      test('deleting twice: the second time is 404', async () => {
        const account = await createAccount();
        await expect(harness.client.accounts.remove(account.id)).resolves.toBeUndefined();
        expectProblem(await failure(harness.client.accounts.remove(account.id)), 404, problemTypes.notFound);
      });
    });

    // ---- the shared sandbox sender ------------------------------------------------------

    describe('Twilio’s sandbox sender belongs to every account, once each', () => {
      const sandbox = { name: 'Sandbox', number: TWILIO_SANDBOX_NUMBER };

      test('two accounts with different SIDs both have it; any other number still belongs to one', async () => {
        const shared = newNumber();
        const first = await createAccount({ numbers: [sandbox, { name: 'Own', number: shared }] });
        const second = await createAccount({ numbers: [sandbox] });
        expect(first.accountSid).not.toBe(second.accountSid);
        expect(second.numbers.map((n) => n.number)).toEqual([TWILIO_SANDBOX_NUMBER]);

        const error = await failure(createAccount({ numbers: [sandbox, { name: 'Theirs', number: shared }] }));
        expectProblem(error, 409, problemTypes.conflict);
        expect(fieldCodes(error)).toEqual(['numbers.1.number number.taken']);
      });

      test('added or changed to later, and refused twice in one account', async () => {
        await createAccount({ numbers: [sandbox] });
        const added = await createAccount();
        await expect(harness.client.numbers.create(added.id, sandbox)).resolves.toMatchObject({ accountId: added.id, number: TWILIO_SANDBOX_NUMBER });
        const again = await failure(harness.client.numbers.create(added.id, { name: 'Again', number: TWILIO_SANDBOX_NUMBER }));
        expectProblem(again, 409, problemTypes.conflict);
        expect(fieldCodes(again)).toEqual(['number number.duplicate']);

        const changed = await createAccount();
        const number = changed.numbers[0]!;
        const updated = await harness.client.numbers.update(changed.id, number.id, { version: number.version, number: TWILIO_SANDBOX_NUMBER });
        expect(updated.number).toBe(TWILIO_SANDBOX_NUMBER);
      });

      // Same SID means the same Twilio account: allowed (the UI warns), as webhooks name the
      // account in their URL and Twilio calls the one URL pasted into its sandbox settings.
      test('two accounts with the same SID may both have it', async () => {
        const accountSid = newSid();
        await createAccount({ accountSid, numbers: [sandbox] });
        const second = await createAccount({ accountSid, numbers: [sandbox] });
        expect(second).toMatchObject({ accountSid, numbers: [expect.objectContaining({ number: TWILIO_SANDBOX_NUMBER })] });
      });
    });

    // ---- what uses an account -----------------------------------------------------------

    describe('guards: numbers a workstream uses, templates', () => {
      /** A workstream with WhatsApp set up on the given number. */
      async function bindToWorkstream(numberId: string) {
        const queue = await harness.client.queues.create(plainQueueInput(harness));
        const workstream = await harness.client.workstreams.create(workstreamInput(harness, queue.id));
        return harness.client.workstreams.setUpWhatsApp(workstream.id, {
          version: workstream.version,
          numberId,
          language: 'en',
          automatedMessages: [],
          survey: { mode: 'off' },
          attachments: { customersCanSend: true, agentsCanSend: true },
        });
      }

      test('two accounts’ sandbox records are bound to two workstreams', async () => {
        const sandbox = { name: 'Sandbox', number: TWILIO_SANDBOX_NUMBER };
        const first = await createAccount({ numbers: [sandbox] });
        const second = await createAccount({ numbers: [sandbox] });
        const a = await bindToWorkstream(first.numbers[0]!.id);
        const b = await bindToWorkstream(second.numbers[0]!.id);
        expect((await harness.client.accounts.get(first.id)).numbers[0]!.workstream).toEqual({ id: a.id, name: a.name });
        expect((await harness.client.accounts.get(second.id)).numbers[0]!.workstream).toEqual({ id: b.id, name: b.name });
      });

      test('a new account has no templates and its numbers no workstream', async () => {
        const account = await createAccount();
        expect(account.templateCount).toBe(0);
        expect(account.numbers.map((n) => n.workstream)).toEqual([null]);
      });

      test('each number names the workstream that uses it', async () => {
        const account = await createAccount({ numbers: [{ name: 'One', number: newNumber() }, { name: 'Two', number: newNumber() }] });
        const workstream = await bindToWorkstream(account.numbers[0]!.id);
        const read = await harness.client.accounts.get(account.id);
        expect(read.numbers.map((n) => n.workstream)).toEqual([{ id: workstream.id, name: workstream.name }, null]);
        await expect(harness.client.numbers.list(account.id)).resolves.toEqual({ items: read.numbers });
      });

      test('each number counts the open conversations customers have with it; a closed one no longer counts', async (context: TestContext) => {
        if (!backend.simulateInbound) skipBecause(context, 'the backend cannot simulate a customer');
        const account = await createAccount({ numbers: [{ name: 'One', number: newNumber() }, { name: 'Two', number: newNumber() }] });
        const [bound, idle] = account.numbers;
        await bindToWorkstream(bound!.id);
        expect((await harness.client.accounts.get(account.id)).numbers.map((n) => n.openConversations)).toEqual([0, 0]);

        for (const from of ['+447700900101', '+447700900102']) {
          await backend.simulateInbound({ accountId: account.id, from, to: bound!.number, body: 'Hello' });
        }
        const read = await harness.client.accounts.get(account.id);
        expect(read.numbers.map((n) => n.openConversations)).toEqual([2, 0]);
        await expect(harness.client.numbers.list(account.id)).resolves.toEqual({ items: read.numbers });
        expect(idle!.openConversations).toBe(0);

        const [first] = (await harness.client.conversations.list()).items;
        await harness.client.conversations.close(first!.id, first!.version);
        expect((await harness.client.accounts.get(account.id)).numbers.map((n) => n.openConversations)).toEqual([1, 0]);
      });

      test('a number a workstream uses cannot be removed (409 number.inUse); once its setup is removed it can', async () => {
        const account = await createAccount({ numbers: [{ name: 'One', number: newNumber() }, { name: 'Two', number: newNumber() }] });
        const bound = account.numbers[0]!;
        const workstream = await bindToWorkstream(bound.id);

        const refusal = await failure(harness.client.numbers.remove(account.id, bound.id));
        expectProblem(refusal, 409, problemTypes.conflict);
        expect(fieldCodes(refusal)).toEqual(['number number.inUse']);
        expect(refusal.problem.detail).toContain(workstream.name);
        expect((await harness.client.accounts.get(account.id)).numbers).toHaveLength(2);

        await harness.client.workstreams.removeWhatsApp(workstream.id);
        await expect(harness.client.numbers.remove(account.id, bound.id)).resolves.toBeUndefined();
      });

      test('an account whose number a workstream uses cannot be deleted (409 account.inUse)', async () => {
        const account = await createAccount();
        const workstream = await bindToWorkstream(account.numbers[0]!.id);

        const refusal = await failure(harness.client.accounts.remove(account.id));
        expectProblem(refusal, 409, problemTypes.conflict);
        expect(fieldCodes(refusal)).toEqual(['numbers account.inUse']);
        expect(refusal.problem.detail).toContain(workstream.name);
        await expect(harness.client.accounts.get(account.id)).resolves.toMatchObject({ id: account.id });

        await harness.client.workstreams.removeWhatsApp(workstream.id);
        await expect(harness.client.accounts.remove(account.id)).resolves.toBeUndefined();
      });

      test('templates are counted on the account and deleted with it', async () => {
        const account = await createAccount();
        for (const language of ['en', 'fi']) {
          await harness.client.templates.create(account.id, {
            name: 'order_update',
            language,
            category: 'utility',
            body: 'Hello {{1}}',
            examples: ['Maria'],
          });
        }
        expect((await harness.client.accounts.get(account.id)).templateCount).toBe(2);
        await harness.client.accounts.remove(account.id);
        expectProblem(await failure(harness.client.templates.list(account.id)), 404, problemTypes.notFound);
      });
    });
  });
}
