import { describe, expect, test } from 'vitest';
import {
  messageTemplateSchema,
  type MessageTemplate,
  type TemplateCreateInput,
  type TemplateUpdateInput,
} from '@/api/contract/message-template';
import { problemTypes } from '@/api/contract/problem';
import { scenarioHarness, UNKNOWN_ID, type ScenarioBackend } from './harness';

const HEX = '0123456789abcdef0123456789abcdef';

/**
 * The behaviour of /api/whatsapp-accounts/:id/templates that the UI relies on. Run it
 * against every backend (see src/mocks/handlers/templates.scenarios.test.ts). Everything it needs
 * is created through the API, so it runs on a backend that starts empty.
 */
export function describeTemplatesScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`Message templates API scenarios (${name})`, () => {
    const harness = scenarioHarness(setup);
    const { send, failure, fieldCodes, expectProblem } = harness;

    const createAccount = () => harness.newAccount('Templates');

    function templateInput(overrides: Partial<TemplateCreateInput> = {}): TemplateCreateInput {
      return {
        name: `order_update_${harness.serial()}`,
        language: 'en',
        category: 'utility',
        body: 'Hi {{1}}, your order {{2}} has shipped.',
        examples: ['Maria', '#4821'],
        ...overrides,
      };
    }

    const templates = () => harness.client.templates;
    const createTemplate = (accountId: string, overrides: Partial<TemplateCreateInput> = {}) =>
      templates().create(accountId, templateInput(overrides));
    const listOf = async (accountId: string) => (await templates().list(accountId)).items;
    const update = (template: MessageTemplate, changes: Omit<TemplateUpdateInput, 'version'>) =>
      templates().update(template.accountId, template.id, { version: template.version, ...changes });

    // ---- listing and creating ------------------------------------------------------

    describe('listing and creating', () => {
      test('a new account has no templates', async () => {
        const account = await createAccount();
        await expect(templates().list(account.id)).resolves.toEqual({ items: [] });
      });

      test('creating answers 201 with the template, its defaults and a version', async () => {
        const account = await createAccount();
        const response = await send('POST', `/api/whatsapp-accounts/${account.id}/templates`, {
          body: JSON.stringify({ name: 'order_update', language: 'fi', category: 'utility', body: 'Hei {{1}}!', examples: ['Maria'] }),
        });
        expect(response.status).toBe(201);
        const template = messageTemplateSchema.parse(response.json);
        expect(template).toMatchObject({
          accountId: account.id,
          name: 'order_update',
          language: 'fi',
          category: 'utility',
          body: 'Hei {{1}}!',
          examples: ['Maria'],
          contentSid: null,
          status: 'draft',
          rejectionReason: null,
        });
        expect(Number.isInteger(template.version)).toBe(true);
        expect(template.createdAt).toBe(template.updatedAt);
        const location = response.headers.get('location');
        expect(location === null || location.endsWith(`/templates/${template.id}`), `location ${location}`).toBe(true);
        await expect(listOf(account.id)).resolves.toEqual([template]);
      });

      test('a body without variables needs no examples, and may leave the list out', async () => {
        const account = await createAccount();
        const { examples: _, ...withoutExamples } = templateInput({ body: 'Thanks for writing to us.' });
        const template = await templates().create(account.id, withoutExamples as TemplateCreateInput);
        expect(template.examples).toEqual([]);
      });

      test('every field is stored as sent: category, status with its reason, Content SID', async () => {
        const account = await createAccount();
        const template = await createTemplate(account.id, {
          category: 'marketing',
          status: 'rejected',
          rejectionReason: 'Needs an opt-out line.',
          contentSid: `HX${HEX}`,
        });
        expect(template).toMatchObject({ category: 'marketing', status: 'rejected', rejectionReason: 'Needs an opt-out line.', contentSid: `HX${HEX}` });
      });

      test('lists templates grouped by name, then by language; only the account’s own', async () => {
        const account = await createAccount();
        const other = await createAccount();
        await createTemplate(other.id, { name: 'alpha' });
        const created = [
          await createTemplate(account.id, { name: 'shipping', language: 'fi' }),
          await createTemplate(account.id, { name: 'alpha', language: 'sv' }),
          await createTemplate(account.id, { name: 'shipping', language: 'en' }),
          await createTemplate(account.id, { name: 'alpha', language: 'en_GB' }),
          await createTemplate(account.id, { name: 'alpha', language: 'en' }),
        ];
        const listed = await listOf(account.id);
        expect(listed.map((t) => `${t.name}/${t.language}`)).toEqual(['alpha/en', 'alpha/en_GB', 'alpha/sv', 'shipping/en', 'shipping/fi']);
        expect(listed.every((t) => t.accountId === account.id)).toBe(true);
        expect([...listed].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...created].sort((a, b) => a.id.localeCompare(b.id)));
      });
    });

    // ---- normalisation ---------------------------------------------------------------

    describe('normalisation', () => {
      test('the Content SID is written HX + lowercase hex, whatever the case typed; spaces are trimmed', async () => {
        const account = await createAccount();
        const template = await createTemplate(account.id, { contentSid: `  hx${HEX.toUpperCase()} ` });
        expect(template.contentSid).toBe(`HX${HEX}`);
        const changed = await update(template, { contentSid: `Hx${'ABCDEF0123456789'.repeat(2)}` });
        expect(changed.contentSid).toBe(`HX${'abcdef0123456789'.repeat(2)}`);
      });

      test('a blank Content SID or reason is no value at all', async () => {
        const account = await createAccount();
        const template = await createTemplate(account.id, { contentSid: '   ', rejectionReason: '' });
        expect(template).toMatchObject({ contentSid: null, rejectionReason: null });
      });

      test('the name, examples and reason are trimmed', async () => {
        const account = await createAccount();
        const template = await createTemplate(account.id, {
          name: '  welcome_back ',
          body: 'Hi {{1}}!',
          examples: ['  Maria  '],
          status: 'rejected',
          rejectionReason: '  Too vague.  ',
        });
        expect(template).toMatchObject({ name: 'welcome_back', examples: ['Maria'], rejectionReason: 'Too vague.' });
      });

      test('a reason is kept only with the status rejected', async () => {
        const account = await createAccount();
        const approved = await createTemplate(account.id, { status: 'approved', rejectionReason: 'Left over' });
        expect(approved.rejectionReason).toBeNull();

        const rejected = await createTemplate(account.id, { status: 'rejected', rejectionReason: 'Needs an opt-out.' });
        const resubmitted = await update(rejected, { status: 'pending' });
        expect(resubmitted).toMatchObject({ status: 'pending', rejectionReason: null });
      });
    });

    // ---- validation ------------------------------------------------------------------

    describe('validation problems (400 with field errors)', () => {
      test.each([
        ['a blank name', { name: '  ' }, ['name templateName.required']],
        ['uppercase and spaces in the name', { name: 'Order Update' }, ['name templateName.invalid']],
        ['a dash in the name', { name: 'order-update' }, ['name templateName.invalid']],
        ['a name over 512 characters', { name: 'a'.repeat(513) }, ['name templateName.tooLong']],
        ['no language', { language: '' }, ['language language.required']],
        ['a language WhatsApp does not know', { language: 'xx' }, ['language language.unsupported']],
        ['an unknown category', { category: 'promotional' }, ['category field.invalid']],
        ['an unknown status', { status: 'archived' }, ['status field.invalid']],
        ['an empty body', { body: ' \n ', examples: [] }, ['body body.required']],
        ['a body over 1,024 characters', { body: 'x'.repeat(1025), examples: [] }, ['body body.tooLong']],
        ['a named variable', { body: 'Hi {{name}}', examples: [] }, ['body body.malformedVariable']],
        ['an unclosed variable', { body: 'Hi {{1', examples: [] }, ['body body.malformedVariable']],
        ['variables with a gap', { body: 'Hi {{1}}, order {{3}}', examples: ['a', 'b'] }, ['body body.variablesNotSequential']],
        ['variables side by side', { body: 'Hi {{1}} {{2}}', examples: ['a', 'b'] }, ['body body.adjacentVariables']],
        ['a missing example', { body: 'Hi {{1}}, order {{2}}', examples: ['Maria'] }, ['examples.1 example.required']],
        ['blank examples', { body: 'Hi {{1}}, order {{2}}', examples: [' ', ''] }, ['examples.0 example.required', 'examples.1 example.required']],
        ['more examples than variables', { body: 'Hi {{1}}', examples: ['Maria', 'extra'] }, ['examples examples.count']],
        ['an example over 200 characters', { body: 'Hi {{1}}', examples: ['x'.repeat(201)] }, ['examples.0 example.tooLong']],
        ['a malformed Content SID', { contentSid: 'HX123' }, ['contentSid contentSid.invalid']],
        ['an Account SID as Content SID', { contentSid: `AC${HEX}` }, ['contentSid contentSid.invalid']],
        ['a rejection without a reason', { status: 'rejected' }, ['rejectionReason rejectionReason.required']],
        ['a reason over 500 characters', { status: 'rejected', rejectionReason: 'x'.repeat(501) }, ['rejectionReason rejectionReason.tooLong']],
      ] as [string, Record<string, unknown>, string[]][])('%s', async (_label, overrides, codes) => {
        const account = await createAccount();
        const error = await failure(createTemplate(account.id, overrides as Partial<TemplateCreateInput>));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(codes);
        await expect(listOf(account.id)).resolves.toEqual([]);
      });

      test('problems in several fields are reported at once', async () => {
        const account = await createAccount();
        const error = await failure(createTemplate(account.id, { name: '', body: 'Hi {{2}}', contentSid: 'nope' }));
        expect(fieldCodes(error)).toEqual(['body body.variablesNotSequential', 'contentSid contentSid.invalid', 'name templateName.required']);
      });

      test('a missing language does not hide the body’s problems', async () => {
        const account = await createAccount();
        const error = await failure(createTemplate(account.id, { name: 'Bad Name', language: '', body: 'Hi {{1}} {{2}}', examples: ['', ''] }));
        expect(fieldCodes(error)).toEqual(['body body.adjacentVariables', 'language language.required', 'name templateName.invalid']);
        const examples = await failure(createTemplate(account.id, { language: 'xx', body: 'Hi {{1}}', examples: [' '] }));
        expect(fieldCodes(examples)).toEqual(['examples.0 example.required', 'language language.unsupported']);
      });

      test('missing fields are reported as missing', async () => {
        const account = await createAccount();
        const error = await failure(templates().create(account.id, {} as TemplateCreateInput));
        expect(fieldCodes(error)).toEqual(['body body.required', 'category field.required', 'language language.required', 'name templateName.required']);
      });

      test('unknown fields are rejected on create and on update', async () => {
        const account = await createAccount();
        const created = await failure(
          templates().create(account.id, { ...templateInput(), accountId: account.id, header: 'Hi' } as TemplateCreateInput),
        );
        expectProblem(created, 400, problemTypes.validation);
        expect(fieldCodes(created)).toEqual(['accountId field.unknown', 'header field.unknown']);

        const template = await createTemplate(account.id);
        const updated = await failure(update(template, { id: 'other' } as Omit<TemplateUpdateInput, 'version'>));
        expect(fieldCodes(updated)).toEqual(['id field.unknown']);
      });

      test('malformed JSON and a missing body are 400 bad request', async () => {
        const account = await createAccount();
        const template = await createTemplate(account.id);
        const base = `/api/whatsapp-accounts/${account.id}/templates`;
        for (const [method, path, body] of [
          ['POST', base, '{"name": "x",'],
          ['POST', base, undefined],
          ['PATCH', `${base}/${template.id}`, '{version: 1}'],
        ] as const) {
          const response = await send(method, path, body === undefined ? {} : { body });
          expect(response.status, `${method} ${body}`).toBe(400);
          expect(response.json).toMatchObject({ type: problemTypes.badRequest, status: 400 });
        }
        await expect(listOf(account.id)).resolves.toEqual([template]);
      });

      test('JSON that is not an object is a validation problem', async () => {
        const account = await createAccount();
        for (const body of ['[]', 'null', '"template"', '42']) {
          const response = await send('POST', `/api/whatsapp-accounts/${account.id}/templates`, { body });
          expect(response.status, body).toBe(400);
          expect(response.json, body).toMatchObject({ type: problemTypes.validation });
        }
      });

      test('an update needs the version', async () => {
        const account = await createAccount();
        const template = await createTemplate(account.id);
        const error = await failure(templates().update(account.id, template.id, { body: 'Hi' } as TemplateUpdateInput));
        expect(fieldCodes(error)).toEqual(['version version.required']);
      });

      test('an update is checked with the stored values merged in, and changes nothing when rejected', async () => {
        const account = await createAccount();
        const template = await createTemplate(account.id, { body: 'Hi {{1}}, order {{2}}', examples: ['Maria', '#1'] });

        // A third variable without a third example.
        const body = await failure(update(template, { body: 'Hi {{1}}, order {{2}} on {{3}}' }));
        expectProblem(body, 400, problemTypes.validation);
        expect(fieldCodes(body)).toEqual(['examples.2 example.required']);

        // Fewer examples than the stored body needs.
        const examples = await failure(update(template, { examples: ['Maria'] }));
        expect(fieldCodes(examples)).toEqual(['examples.1 example.required']);

        const rejected = await failure(update(template, { status: 'rejected' }));
        expect(fieldCodes(rejected)).toEqual(['rejectionReason rejectionReason.required']);

        const badName = await failure(update(template, { name: 'Bad Name', body: '{{1}}{{2}}' }));
        expect(fieldCodes(badName)).toEqual(['name templateName.invalid']);

        const adjacent = await failure(update(template, { body: '{{1}}{{2}}' }));
        expect(fieldCodes(adjacent)).toEqual(['body body.adjacentVariables']);

        await expect(listOf(account.id)).resolves.toEqual([template]);
      });
    });

    // ---- updating and deleting ---------------------------------------------------------

    describe('updating and deleting', () => {
      test('an update changes only what it names, increments the version and is read back', async () => {
        const account = await createAccount();
        const template = await createTemplate(account.id, { contentSid: `HX${HEX}` });
        const updated = await update(template, {
          body: 'Hi {{1}}, your order {{2}} arrives {{3}}.',
          examples: ['Maria', '#4821', 'Friday'],
          status: 'pending',
        });
        expect(updated).toEqual({
          ...template,
          body: 'Hi {{1}}, your order {{2}} arrives {{3}}.',
          examples: ['Maria', '#4821', 'Friday'],
          status: 'pending',
          updatedAt: updated.updatedAt,
          version: template.version + 1,
        });
        expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(template.updatedAt));
        await expect(listOf(account.id)).resolves.toEqual([updated]);
      });

      test('a rejection with its reason, then approval clears the reason', async () => {
        const account = await createAccount();
        const template = await createTemplate(account.id, { status: 'pending' });
        const rejected = await update(template, { status: 'rejected', rejectionReason: 'Wrong category.' });
        expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'Wrong category.' });
        const approved = await update(rejected, { status: 'approved', category: 'marketing' });
        expect(approved).toMatchObject({ status: 'approved', category: 'marketing', rejectionReason: null });
      });

      test('the Content SID can be cleared with null or a blank', async () => {
        const account = await createAccount();
        const template = await createTemplate(account.id, { contentSid: `HX${HEX}` });
        const cleared = await update(template, { contentSid: null });
        expect(cleared.contentSid).toBeNull();
        const set = await update(cleared, { contentSid: `HX${HEX}` });
        expect((await update(set, { contentSid: '' })).contentSid).toBeNull();
      });

      test('deleting answers 204 and the template is gone', async () => {
        const account = await createAccount();
        const keep = await createTemplate(account.id, { name: 'keep' });
        const drop = await createTemplate(account.id, { name: 'drop' });
        const response = await send('DELETE', `/api/whatsapp-accounts/${account.id}/templates/${drop.id}`, { contentType: null });
        expect(response.status).toBe(204);
        expect(response.text).toBe('');
        await expect(listOf(account.id)).resolves.toEqual([keep]);
        expectProblem(await failure(templates().remove(account.id, drop.id)), 404, problemTypes.notFound);
        expectProblem(await failure(update(drop, { body: 'Back?' })), 404, problemTypes.notFound);
      });

      test('a deleted template frees its name and language', async () => {
        const account = await createAccount();
        const template = await createTemplate(account.id, { name: 'reusable', language: 'fi' });
        await templates().remove(account.id, template.id);
        await expect(createTemplate(account.id, { name: 'reusable', language: 'fi' })).resolves.toMatchObject({ name: 'reusable' });
      });

      test('deleting the account removes its templates, and only its own', async () => {
        const doomed = await createAccount();
        const survivor = await createAccount();
        await createTemplate(doomed.id, { name: 'shared_name' });
        const kept = await createTemplate(survivor.id, { name: 'shared_name' });
        await harness.client.accounts.remove(doomed.id);

        expectProblem(await failure(templates().list(doomed.id)), 404, problemTypes.notFound);
        await expect(listOf(survivor.id)).resolves.toEqual([kept]);
      });
    });

    // ---- uniqueness ----------------------------------------------------------------------

    describe('one template per name and language in an account (409)', () => {
      test('the same name in the same language is taken', async () => {
        const account = await createAccount();
        await createTemplate(account.id, { name: 'order_update', language: 'en' });
        const error = await failure(createTemplate(account.id, { name: ' order_update ', language: 'en', body: 'Other text' , examples: [] }));
        expectProblem(error, 409, problemTypes.conflict);
        expect(fieldCodes(error)).toEqual(['name template.taken']);
        expect(await listOf(account.id)).toHaveLength(1);
      });

      test('the same name in another language is a translation, and fine', async () => {
        const account = await createAccount();
        await createTemplate(account.id, { name: 'order_update', language: 'en' });
        await expect(createTemplate(account.id, { name: 'order_update', language: 'fi' })).resolves.toMatchObject({ language: 'fi' });
        await expect(createTemplate(account.id, { name: 'order_update', language: 'en_GB' })).resolves.toMatchObject({ language: 'en_GB' });
      });

      test('the same name and language in another account is fine', async () => {
        const first = await createAccount();
        const second = await createAccount();
        await createTemplate(first.id, { name: 'order_update', language: 'en' });
        await expect(createTemplate(second.id, { name: 'order_update', language: 'en' })).resolves.toMatchObject({ accountId: second.id });
      });

      test('renaming or moving to another language onto a taken pair is a conflict; keeping one’s own is not', async () => {
        const account = await createAccount();
        await createTemplate(account.id, { name: 'order_update', language: 'en' });
        const finnish = await createTemplate(account.id, { name: 'order_update', language: 'fi' });
        const other = await createTemplate(account.id, { name: 'follow_up', language: 'en' });

        const language = await failure(update(finnish, { language: 'en' }));
        expectProblem(language, 409, problemTypes.conflict);
        expect(fieldCodes(language)).toEqual(['name template.taken']);

        const renamed = await failure(update(other, { name: 'order_update' }));
        expect(fieldCodes(renamed)).toEqual(['name template.taken']);

        await expect(update(finnish, { name: 'order_update', language: 'fi', body: 'Hei {{1}}, tilaus {{2}}.' })).resolves.toMatchObject({
          version: finnish.version + 1,
        });
      });
    });

    // ---- versions ---------------------------------------------------------------------------

    describe('versions (optimistic concurrency)', () => {
      test('a stale version is a version conflict and changes nothing', async () => {
        const account = await createAccount();
        const template = await createTemplate(account.id);
        const first = await update(template, { status: 'pending' });
        const error = await failure(update(template, { status: 'approved' }));
        expectProblem(error, 409, problemTypes.versionConflict);
        expect(error.isVersionConflict).toBe(true);
        await expect(listOf(account.id)).resolves.toEqual([first]);
      });

      test('a version from the future is a conflict too', async () => {
        const account = await createAccount();
        const template = await createTemplate(account.id);
        const error = await failure(templates().update(account.id, template.id, { version: template.version + 3, status: 'pending' }));
        expect(error.isVersionConflict).toBe(true);
      });
    });

    // ---- not found ---------------------------------------------------------------------------

    describe('unknown ids (404)', () => {
      test('the templates of an account that does not exist', async () => {
        for (const request of [
          () => templates().list(UNKNOWN_ID),
          () => templates().create(UNKNOWN_ID, templateInput()),
          () => templates().update(UNKNOWN_ID, UNKNOWN_ID, { version: 1, body: 'Hi' }),
          () => templates().remove(UNKNOWN_ID, UNKNOWN_ID),
          () => templates().list('no-such-account'),
        ]) {
          expectProblem(await failure(request()), 404, problemTypes.notFound);
        }
      });

      test('a template that does not exist, or belongs to another account', async () => {
        const mine = await createAccount();
        const theirs = await createAccount();
        const theirTemplate = await createTemplate(theirs.id);
        for (const request of [
          () => templates().update(mine.id, UNKNOWN_ID, { version: 1, body: 'Ghost' }),
          () => templates().remove(mine.id, UNKNOWN_ID),
          () => templates().update(mine.id, theirTemplate.id, { version: theirTemplate.version, body: 'Hijacked' }),
          () => templates().remove(mine.id, theirTemplate.id),
        ]) {
          expectProblem(await failure(request()), 404, problemTypes.notFound);
        }
        await expect(listOf(theirs.id)).resolves.toEqual([theirTemplate]);
      });
    });
  });
}
