import { beforeEach, describe, expect, test } from 'vitest';
import { problemTypes } from '@/api/contract/problem';
import type { SessionUser } from '@/api/contract/session';
import { signedInSession } from '@/api/contract/session';
import { userSchema, type User, type UserCreateInput, type UserUpdateInput } from '@/api/contract/user';
import { scenarioHarness, UNKNOWN_ID, type ScenarioBackend } from './harness';

const USER_FIELDS = Object.keys(userSchema.shape).sort();
const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase';

/** Case-insensitive name order, as an administrator reads a list of people. */
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

/**
 * The behaviour of /api/users that the UI relies on. The backend starts with one
 * signed-in administrator (and may hold other users): the suite reads that
 * administrator from the session, looks only at the users it created besides, and never
 * assumes how long the list is. Run it against every backend (see
 * src/mocks/handlers/users.scenarios.test.ts).
 */
export function describeUsersScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`Users API scenarios (${name})`, () => {
    const harness = scenarioHarness(setup);
    const { send, failure, fieldCodes, expectProblem } = harness;
    let me: SessionUser;

    beforeEach(async () => {
      me = signedInSession(await harness.client.session.get()).user;
    });

    function userInput(overrides: Partial<UserCreateInput> = {}): UserCreateInput {
      const serial = harness.serial();
      return { name: `User ${serial}`, email: `user.${serial}@contoso.example`, role: 'agent', password: PASSWORD, ...overrides };
    }

    const users = () => harness.client.users;
    const createUser = (overrides: Partial<UserCreateInput> = {}) => users().create(userInput(overrides));
    const update = (user: User, changes: Omit<UserUpdateInput, 'version'>) => users().update(user.id, { version: user.version, ...changes });
    const listed = async (id: string) => (await users().list()).items.find((u) => u.id === id);
    const myself = async () => (await listed(me.id))!;

    /** Makes the signed-in administrator the only one, whatever users the backend started with. */
    async function becomeOnlyAdministrator() {
      for (const other of (await users().list()).items) {
        if (other.role === 'admin' && other.id !== me.id) await update(other, { role: 'agent' });
      }
    }

    /** Signs the client in as someone else; the next test's reset brings the administrator back. */
    async function signInAs(email: string, password: string) {
      await harness.client.session.signOut();
      return harness.client.session.signIn({ email, password });
    }

    // ---- listing -----------------------------------------------------------------

    describe('listing users', () => {
      test('the signed-in administrator is in the list, with exactly the fields of a user', async () => {
        const { items } = await users().list();
        expect(items.find((u) => u.id === me.id)).toMatchObject({ id: me.id, name: me.name, email: me.email, role: 'admin' });
        for (const user of items) expect(Object.keys(user).sort()).toEqual(USER_FIELDS);
      });

      test('lists users by name, whatever the case', async () => {
        const zed = await createUser({ name: 'zed Zimmerman' });
        const anna = await createUser({ name: 'Anna Aalto' });
        const bea = await createUser({ name: 'bea Berg' });
        const mine = new Set([zed.id, anna.id, bea.id]);

        const { items } = await users().list();

        expect(items.filter((u) => mine.has(u.id))).toEqual([anna, bea, zed]);
        expect(items.map((u) => u.name)).toEqual([...items].sort(byName).map((u) => u.name));
      });
    });

    // ---- creating ----------------------------------------------------------------

    describe('creating a user', () => {
      test('answers the user: name trimmed, email trimmed and in lower case, never signed in, no password', async () => {
        const user = await createUser({ name: '  Aino Virtanen ', email: '  Aino.Virtanen@Contoso.EXAMPLE ', role: 'agent' });

        expect(user).toMatchObject({ name: 'Aino Virtanen', email: 'aino.virtanen@contoso.example', role: 'agent', lastSignInAt: null });
        expect(Object.keys(user).sort()).toEqual(USER_FIELDS);
        expect(Number.isInteger(user.version)).toBe(true);
        expect(user.createdAt).toBe(user.updatedAt);
        expect(user.id).not.toBe(me.id);
      });

      test('the new user is in the list; administrators can be created too', async () => {
        const agent = await createUser();
        const admin = await createUser({ role: 'admin' });
        expect(admin.role).toBe('admin');
        expect(admin.id).not.toBe(agent.id);
        await expect(listed(agent.id)).resolves.toEqual(agent);
        await expect(listed(admin.id)).resolves.toEqual(admin);
      });

      test('the password is in no response', async () => {
        const user = await createUser({ password: 'a password nobody may read back' });
        const everything = JSON.stringify([user, await users().list()]);
        expect(everything).not.toContain('a password nobody may read back');
        expect(everything).not.toMatch(/"password(Hash)?"\s*:/);
      });
    });

    // ---- validation ----------------------------------------------------------------

    describe('validation problems (400 with field errors)', () => {
      test('names: blank and overlong', async () => {
        expect(fieldCodes(await failure(createUser({ name: '   ' })))).toEqual(['name name.required']);
        expect(fieldCodes(await failure(createUser({ name: 'x'.repeat(101) })))).toEqual(['name name.tooLong']);
      });

      test('emails: blank, not an address, overlong', async () => {
        expect(fieldCodes(await failure(createUser({ email: ' ' })))).toEqual(['email email.required']);
        for (const email of ['aino', 'aino@contoso', 'aino virtanen@contoso.example', `${'x'.repeat(250)}@contoso.example`]) {
          const error = await failure(createUser({ email }));
          expectProblem(error, 400, problemTypes.validation);
          expect(fieldCodes(error), email).toEqual(['email email.invalid']);
        }
      });

      test('passwords: blank, shorter than 12 characters, longer than 200', async () => {
        expect(fieldCodes(await failure(createUser({ password: '' })))).toEqual(['password password.required']);
        expect(fieldCodes(await failure(createUser({ password: 'elevenchars' })))).toEqual(['password password.tooShort']);
        expect(fieldCodes(await failure(createUser({ password: 'x'.repeat(201) })))).toEqual(['password password.tooLong']);
        await expect(createUser({ password: 'twelve chars' })).resolves.toMatchObject({ role: 'agent' });
      });

      test('a role other than admin or agent', async () => {
        const error = await failure(createUser({ role: 'owner' as UserCreateInput['role'] }));
        expect(fieldCodes(error)).toEqual(['role role.invalid']);
      });

      test('everything missing at once, and unknown fields', async () => {
        const empty = await failure(users().create({} as UserCreateInput));
        expectProblem(empty, 400, problemTypes.validation);
        expect(fieldCodes(empty)).toEqual(['email email.required', 'name name.required', 'password password.required', 'role field.required']);

        const extra = await failure(users().create({ ...userInput(), lastSignInAt: null } as UserCreateInput));
        expect(fieldCodes(extra)).toEqual(['lastSignInAt field.unknown']);
      });

      test('nothing is stored when a create is rejected', async () => {
        const before = (await users().list()).items;
        await failure(createUser({ name: 'Rejected', password: 'short' }));
        await expect(users().list()).resolves.toEqual({ items: before });
      });

      test('malformed JSON is 400 bad request', async () => {
        const malformed = await send('POST', '/api/users', { body: '{"name": "Aino",' });
        expect(malformed.status).toBe(400);
        expect(malformed.json).toMatchObject({ type: problemTypes.badRequest, status: 400 });
      });

      test('updates follow the same rules, need the version, and know no other fields', async () => {
        const user = await createUser();
        const invalid = await failure(update(user, { name: '', email: 'nope', role: 'boss' as User['role'], password: 'short' }));
        expectProblem(invalid, 400, problemTypes.validation);
        expect(fieldCodes(invalid)).toEqual(['email email.invalid', 'name name.required', 'password password.tooShort', 'role role.invalid']);

        const noVersion = await failure(users().update(user.id, { name: 'Renamed' } as UserUpdateInput));
        expect(fieldCodes(noVersion)).toEqual(['version version.required']);

        const unknown = await failure(users().update(user.id, { version: user.version, createdAt: user.createdAt } as UserUpdateInput));
        expect(fieldCodes(unknown)).toEqual(['createdAt field.unknown']);

        await expect(listed(user.id)).resolves.toEqual(user);
      });
    });

    // ---- email addresses ---------------------------------------------------------------

    describe('email addresses are unique (409)', () => {
      test('another user’s address is taken whatever its case and surrounding spaces, the administrator’s too', async () => {
        await createUser({ email: 'priya.patel@contoso.example' });
        for (const email of ['priya.patel@contoso.example', 'Priya.Patel@CONTOSO.example', '  PRIYA.PATEL@contoso.example ', me.email.toUpperCase()]) {
          const error = await failure(createUser({ email }));
          expectProblem(error, 409, problemTypes.conflict);
          expect(fieldCodes(error), email).toEqual(['email email.taken']);
        }
      });

      test('changing to another user’s address is a conflict; changing the case of one’s own is not', async () => {
        await createUser({ email: 'sam.taylor@contoso.example' });
        const aino = await createUser({ email: 'aino@contoso.example' });
        const error = await failure(update(aino, { email: 'SAM.TAYLOR@contoso.example' }));
        expectProblem(error, 409, problemTypes.conflict);
        expect(fieldCodes(error)).toEqual(['email email.taken']);
        await expect(listed(aino.id)).resolves.toEqual(aino);

        await expect(update(aino, { email: 'AINO@Contoso.example' })).resolves.toMatchObject({ email: 'aino@contoso.example' });
      });

      test('the address of a removed user is free again', async () => {
        const gone = await createUser({ email: 'temporary@contoso.example' });
        await users().remove(gone.id);
        await expect(createUser({ email: 'Temporary@contoso.example' })).resolves.toMatchObject({ email: 'temporary@contoso.example' });
      });
    });

    // ---- updating and versions -------------------------------------------------------

    describe('updating (optimistic concurrency)', () => {
      test('an update with the current version applies what it names, increments the version and is read back', async () => {
        const user = await createUser({ name: 'Before', role: 'agent' });
        const updated = await update(user, { name: '  After ', role: 'admin' });

        expect(updated).toMatchObject({ id: user.id, name: 'After', email: user.email, role: 'admin', version: user.version + 1 });
        expect(updated.createdAt).toBe(user.createdAt);
        expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(user.updatedAt));
        await expect(listed(user.id)).resolves.toEqual(updated);
      });

      test('a new password is accepted, is a new version, and is in no response', async () => {
        const user = await createUser();
        const updated = await update(user, { password: NEW_PASSWORD });
        expect(updated).toMatchObject({ name: user.name, email: user.email, role: user.role, version: user.version + 1 });
        expect(JSON.stringify([updated, await users().list()])).not.toContain(NEW_PASSWORD);
      });

      test('a stale version is a version conflict and changes nothing', async () => {
        const user = await createUser({ name: 'Original' });
        const first = await update(user, { name: 'First save' });
        const error = await failure(update(user, { role: 'admin' }));

        expectProblem(error, 409, problemTypes.versionConflict);
        expect(error.isVersionConflict).toBe(true);
        await expect(listed(user.id)).resolves.toEqual(first);

        const ahead = await failure(users().update(user.id, { version: first.version + 5, name: 'Ahead' }));
        expect(ahead.isVersionConflict).toBe(true);
      });

      test('the administrator may rename themselves and keep their role', async () => {
        const before = await myself();
        const renamed = await update(before, { name: `${before.name} (renamed)`, role: 'admin' });
        expect(renamed).toMatchObject({ id: me.id, name: `${before.name} (renamed)`, role: 'admin', version: before.version + 1 });
      });
    });

    // ---- passwords and roles at sign-in ---------------------------------------------------

    describe('what a user can do with the password and role given here', () => {
      test('a new user signs in with their password; once the administrator sets a new one, only that works', async () => {
        const user = await createUser({ email: 'Sam.Taylor@Contoso.example', role: 'agent' });
        await update(user, { password: NEW_PASSWORD });

        const old = await failure(signInAs('sam.taylor@contoso.example', PASSWORD));
        expectProblem(old, 401, problemTypes.unauthorized);

        const session = await harness.client.session.signIn({ email: 'SAM.TAYLOR@contoso.example', password: NEW_PASSWORD });
        expect(session.user).toEqual({ id: user.id, name: user.name, email: 'sam.taylor@contoso.example', role: 'agent', presence: 'available' });
      });

      test('an agent may not list or change users, nor read the audit log (403)', async () => {
        const agent = await createUser({ role: 'agent' });
        await signInAs(agent.email, PASSWORD);

        // One at a time: a refused request must not sit unobserved while another is awaited.
        for (const request of [
          () => users().list(),
          () => users().create(userInput()),
          () => users().update(agent.id, { version: agent.version, role: 'admin' }),
          () => users().remove(me.id),
          () => harness.client.auditEvents.list(),
        ]) {
          expectProblem(await failure(request()), 403, problemTypes.forbidden);
        }
      });
    });

    // ---- unknown ids ---------------------------------------------------------------------

    describe('unknown ids (404)', () => {
      test('changing and removing a user that does not exist', async () => {
        expectProblem(await failure(users().update(UNKNOWN_ID, { version: 1, name: 'Ghost' })), 404, problemTypes.notFound);
        expectProblem(await failure(users().remove(UNKNOWN_ID)), 404, problemTypes.notFound);
        expectProblem(await failure(users().remove('no-such-user')), 404, problemTypes.notFound);
      });
    });

    // ---- removing and the guards --------------------------------------------------------------

    describe('removing a user', () => {
      test('answers 204 with no body, and the user is gone', async () => {
        const keep = await createUser();
        const doomed = await createUser();
        const response = await send('DELETE', `/api/users/${doomed.id}`, { contentType: null });
        expect(response.status).toBe(204);
        expect(response.text).toBe('');

        await expect(listed(doomed.id)).resolves.toBeUndefined();
        await expect(listed(keep.id)).resolves.toEqual(keep);
        expectProblem(await failure(users().remove(doomed.id)), 404, problemTypes.notFound);
      });

      test('another administrator can be removed and demoted while the signed-in one remains', async () => {
        const first = await createUser({ role: 'admin' });
        const second = await createUser({ role: 'admin' });
        await expect(update(first, { role: 'agent' })).resolves.toMatchObject({ role: 'agent' });
        await users().remove(second.id);
        await expect(listed(second.id)).resolves.toBeUndefined();
      });

      test('nobody removes themselves or takes away their own administrator role: user.self', async () => {
        await createUser({ role: 'admin' });

        const remove = await failure(users().remove(me.id));
        expectProblem(remove, 409, problemTypes.conflict);
        expect(fieldCodes(remove)).toEqual(['id user.self']);

        const before = await myself();
        const demote = await failure(update(before, { role: 'agent' }));
        expectProblem(demote, 409, problemTypes.conflict);
        expect(fieldCodes(demote)).toEqual(['role user.self']);
        await expect(myself()).resolves.toEqual(before);
      });

      test('the last administrator stays one: removing or demoting them is user.lastAdmin', async () => {
        await becomeOnlyAdministrator();
        await createUser({ role: 'agent' });

        const remove = await failure(users().remove(me.id));
        expectProblem(remove, 409, problemTypes.conflict);
        expect(fieldCodes(remove)).toEqual(['id user.lastAdmin']);

        const before = await myself();
        const demote = await failure(update(before, { role: 'agent', name: 'Demoted' }));
        expectProblem(demote, 409, problemTypes.conflict);
        expect(fieldCodes(demote)).toEqual(['role user.lastAdmin']);
        await expect(myself()).resolves.toEqual(before);
        expect((await users().list()).items.filter((u) => u.role === 'admin').map((u) => u.id)).toEqual([me.id]);
      });
    });
  });
}
