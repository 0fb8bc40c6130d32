import { describe, expect, test, type TestContext } from 'vitest';
import { problemTypes } from '@/api/contract/problem';
import { administratorExistsDetail } from '@/api/contract/problem-bodies';
import type { SetupInput } from '@/api/contract/session';
import { scenarioHarness, skipBecause, type ScenarioBackend } from './harness';

const PASSWORD = 'correct horse battery staple';

/**
 * The behaviour of /api/setup, the link that creates the first administrator. The
 * scenarios without an administrator need the backend's `withoutAdministrator` (it
 * removes every user and answers a valid link's token). Run it against every backend (see
 * src/mocks/handlers/setup.scenarios.test.ts).
 */
export function describeSetupScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`setup link API scenarios (${name})`, () => {
    let backend: ScenarioBackend;
    const harness = scenarioHarness(async () => {
      backend = await setup();
      return backend;
    });
    const { failure, fieldCodes, expectProblem } = harness;
    const api = () => harness.client;

    /** No administrator any more; answers the token of a valid setup link. */
    async function noAdministrator(context: TestContext): Promise<string> {
      if (!backend.withoutAdministrator) skipBecause(context, 'the backend cannot remove every user');
      return backend.withoutAdministrator!();
    }

    const input = (token: string, overrides: Partial<SetupInput> = {}): SetupInput => ({
      token,
      name: '  Aino Admin ',
      email: '  Aino.Admin@Contoso.EXAMPLE ',
      password: PASSWORD,
      ...overrides,
    });

    test('while an administrator exists the link is not needed, and using one is a conflict', async () => {
      await expect(api().setup.status()).resolves.toEqual({ needed: false });
      const error = await failure(api().setup.complete(input('any-token')));
      expectProblem(error, 409, problemTypes.conflict);
      expect(error.problem.detail).toBe(administratorExistsDetail);
    });

    test('without an administrator the link is needed, and nobody is signed in: the removed user’s session ends (401, once), then the session answer says the setup is needed', async (context) => {
      await noAdministrator(context);
      await expect(api().setup.status()).resolves.toEqual({ needed: true });
      expectProblem(await failure(api().session.get()), 401, problemTypes.unauthorized);
      await expect(api().session.get()).resolves.toEqual({ user: null, setupNeeded: true });
    });

    test('a token that is no link’s is refused on the token, and nothing is created', async (context) => {
      await noAdministrator(context);
      const error = await failure(api().setup.complete(input('not-a-link-token')));
      expectProblem(error, 400, problemTypes.validation);
      expect(fieldCodes(error)).toEqual(['token setup.linkInvalid']);
      await expect(api().setup.status()).resolves.toEqual({ needed: true });
    });

    test('the fields are checked like a user’s; unknown fields are refused', async (context) => {
      const token = await noAdministrator(context);
      const error = await failure(api().setup.complete(input(token, { name: ' ', email: 'aino@contoso', password: 'short' })));
      expectProblem(error, 400, problemTypes.validation);
      expect(fieldCodes(error)).toEqual(['email email.invalid', 'name name.required', 'password password.tooShort']);
      const extra = await failure(api().setup.complete({ ...input(token), role: 'agent' } as SetupInput));
      expect(fieldCodes(extra)).toEqual(['role field.unknown']);
      await expect(api().setup.status()).resolves.toEqual({ needed: true });
    });

    test('the link creates the administrator, signed in at once; after that it is a conflict', async (context) => {
      const token = await noAdministrator(context);
      const session = await api().setup.complete(input(token));
      expect(session.user).toMatchObject({ name: 'Aino Admin', email: 'aino.admin@contoso.example', role: 'admin' });
      await expect(api().session.get()).resolves.toMatchObject({ user: session.user, csrfToken: session.csrfToken });
      await expect(api().setup.status()).resolves.toEqual({ needed: false });

      const [listed] = (await api().users.list()).items;
      expect(listed).toMatchObject({ id: session.user.id, role: 'admin' });
      expect(listed!.lastSignInAt).not.toBeNull();
      const audit = (await api().auditEvents.list()).items.filter((event) => event.entityId === session.user.id);
      expect(audit).toEqual([expect.objectContaining({ action: 'created', entityType: 'user', actor: { id: session.user.id, name: 'Aino Admin' } })]);

      const again = await failure(api().setup.complete(input(token, { email: 'someone.else@contoso.example' })));
      expectProblem(again, 409, problemTypes.conflict);
      expect(again.problem.detail).toBe(administratorExistsDetail);

      await api().session.signOut();
      await expect(api().session.signIn({ email: 'AINO.ADMIN@contoso.example', password: PASSWORD })).resolves.toMatchObject({ user: session.user });
    });
  });
}
