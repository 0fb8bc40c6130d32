import { describe, expect, test, type TestContext } from 'vitest';
import { signedInSession } from '@/api/contract/session';
import { problemTypes } from '@/api/contract/problem';
import type { RoutingRulesInput } from '@/api/contract/routing-rule';
import type { Workstream, WorkstreamUpdateInput } from '@/api/contract/workstream';
import { plainQueueInput, workstreamInput } from './fixtures';
import { scenarioHarness, skipBecause, UNKNOWN_ID, type ScenarioBackend } from './harness';

const PASSWORD = 'correct horse battery staple';

type Advanced = NonNullable<WorkstreamUpdateInput['advanced']>;
type QuickReplyInput = NonNullable<Advanced['quickReplies']>[number];

/**
 * A workstream's advanced settings as the API takes and uses them: quick replies (stored with
 * ids, validated against the workstream's variables, served for a conversation in its language
 * and filled in), context variables that routing rules compare (an unknown one refused, a used
 * one not removable). Run it against every backend (the server in
 * src/server/routes/advanced-settings.scenarios.test.ts, the mock in src/mocks/handlers/).
 */
export function describeAdvancedSettingsScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`advanced settings API scenarios (${name})`, () => {
    let backend: ScenarioBackend;
    const harness = scenarioHarness(async () => {
      backend = await setup();
      return backend;
    });
    const { failure, fieldCodes, expectProblem } = harness;
    const api = () => harness.client;

    const greeting: QuickReplyInput = {
      title: 'Greeting',
      body: 'Hi {{customerName}}, this is {{agent}} from {{queue}}. Your topic: {{topic}}',
      translations: [{ language: 'fi', body: 'Hei {{customerName}}, täällä {{agent}} ({{queue}}).' }],
    };
    const closing: QuickReplyInput = { title: 'Closing', body: 'Thank you for contacting us!', translations: [] };

    const advancedWith = (overrides: Partial<Advanced> = {}): Advanced => ({
      notificationTemplate: 'messagingIncoming',
      contextVariables: [{ name: 'topic', type: 'text' }],
      quickReplies: [],
      ...overrides,
    });

    async function createWorkstream(advanced: Advanced = advancedWith()): Promise<Workstream> {
      const queue = await api().queues.create(plainQueueInput(harness));
      return api().workstreams.create(workstreamInput(harness, queue.id, { advanced }));
    }

    const saveAdvanced = (workstream: Workstream, advanced: Advanced) => api().workstreams.update(workstream.id, { version: workstream.version, advanced });

    function rulesWith(workstream: Workstream, variable: string): RoutingRulesInput {
      return {
        version: 1,
        rules: [{ name: 'Billing topic', conditions: [{ field: 'contextVariable', variable, operator: 'equals', value: 'billing' }], queueId: workstream.fallbackQueueId, requiredSkills: [] }],
      };
    }

    // ---- quick replies ---------------------------------------------------------------

    describe('quick replies', () => {
      test('are stored with an id each and read back; an edited reply keeps its id, an unknown id is a new reply', async () => {
        const created = await createWorkstream(advancedWith({ quickReplies: [greeting, closing] }));
        const [first, second] = created.advanced.quickReplies;
        expect(created.advanced.quickReplies).toMatchObject([greeting, closing]);
        expect(first!.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(second!.id).not.toBe(first!.id);
        await expect(api().workstreams.get(created.id)).resolves.toEqual(created);

        const edited = await saveAdvanced(
          created,
          advancedWith({ quickReplies: [{ ...closing, id: second!.id, body: 'Thanks, bye!' }, { ...greeting, id: UNKNOWN_ID }] }),
        );
        const [kept, fresh] = edited.advanced.quickReplies;
        expect(kept).toEqual({ ...closing, id: second!.id, body: 'Thanks, bye!' });
        expect(fresh).toMatchObject(greeting);
        expect([first!.id, second!.id, UNKNOWN_ID]).not.toContain(fresh!.id);
        await expect(api().workstreams.get(created.id)).resolves.toEqual(edited);
      });

      test('a variable that is neither built in nor a context variable: quickReply.unknownVariable', async () => {
        const workstream = await createWorkstream();
        const error = await failure(
          saveAdvanced(
            workstream,
            advancedWith({
              quickReplies: [
                { title: 'Order', body: 'Your order {{orderNumber}}', translations: [{ language: 'fi', body: 'Tilaus {{ORDER}}' }] },
                { title: 'Fine', body: 'Hi {{CUSTOMERNAME}}, {{Topic}}', translations: [] },
              ],
            }),
          ),
        );
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual([
          'advanced.quickReplies.0.body quickReply.unknownVariable',
          'advanced.quickReplies.0.translations.0.body quickReply.unknownVariable',
        ]);
        await expect(api().workstreams.get(workstream.id)).resolves.toEqual(workstream);
      });

      test('two translations in the same language: quickReply.duplicateLanguage on the second', async () => {
        const workstream = await createWorkstream();
        const error = await failure(
          saveAdvanced(
            workstream,
            advancedWith({
              quickReplies: [
                {
                  title: 'Twice',
                  body: 'Hello',
                  translations: [
                    { language: 'fi', body: 'Hei' },
                    { language: 'fi', body: 'Moi' },
                  ],
                },
              ],
            }),
          ),
        );
        expect(fieldCodes(error)).toEqual(['advanced.quickReplies.0.translations.1.language quickReply.duplicateLanguage']);
      });

      test('a blank title or text is required', async () => {
        const error = await failure(createWorkstream(advancedWith({ quickReplies: [{ title: ' ', body: ' ', translations: [] }] })));
        expect(fieldCodes(error)).toEqual(['advanced.quickReplies.0.body quickReplyText.required', 'advanced.quickReplies.0.title quickReplyTitle.required']);
      });
    });

    // ---- context variables and routing rules ----------------------------------------------

    describe('context variables in routing rules', () => {
      test('a condition on a variable the workstream has is stored with the workstream’s spelling of it', async () => {
        const workstream = await createWorkstream();
        const saved = await api().routingRules.replace(workstream.id, rulesWith(workstream, 'TOPIC'));
        expect(saved.rules[0]!.conditions).toEqual([{ field: 'contextVariable', variable: 'topic', operator: 'equals', value: 'billing' }]);
        await expect(api().routingRules.get(workstream.id)).resolves.toEqual(saved);
      });

      test('a variable the workstream does not have: condition.variableUnknown; none at all: condition.variableRequired', async () => {
        const workstream = await createWorkstream();
        const unknown = await failure(api().routingRules.replace(workstream.id, rulesWith(workstream, 'orderNumber')));
        expectProblem(unknown, 400, problemTypes.validation);
        expect(fieldCodes(unknown)).toEqual(['rules.0.conditions.0.variable condition.variableUnknown']);

        const missing = await failure(api().routingRules.replace(workstream.id, rulesWith(workstream, ' ')));
        expect(fieldCodes(missing)).toEqual(['rules.0.conditions.0.variable condition.variableRequired']);
        expect((await api().routingRules.get(workstream.id)).rules).toEqual([]);
      });

      test('removing or renaming a variable a rule uses: variableName.inUse where it was; once the rule is gone it may go', async () => {
        const workstream = await createWorkstream(
          advancedWith({
            contextVariables: [
              { name: 'topic', type: 'text' },
              { name: 'spare', type: 'number' },
            ],
          }),
        );
        const rules = await api().routingRules.replace(workstream.id, rulesWith(workstream, 'topic'));

        const removed = await failure(saveAdvanced(workstream, advancedWith({ contextVariables: [{ name: 'spare', type: 'number' }] })));
        expectProblem(removed, 400, problemTypes.validation);
        expect(fieldCodes(removed)).toEqual(['advanced.contextVariables.0.name variableName.inUse']);
        const renamed = await failure(
          saveAdvanced(
            workstream,
            advancedWith({
              contextVariables: [
                { name: 'subject', type: 'text' },
                { name: 'spare', type: 'number' },
              ],
            }),
          ),
        );
        expect(fieldCodes(renamed)).toEqual(['advanced.contextVariables.0.name variableName.inUse']);
        await expect(api().workstreams.get(workstream.id)).resolves.toMatchObject({ advanced: workstream.advanced, version: workstream.version });

        // Another variable, or the same one written in another case, is no removal.
        const unused = await saveAdvanced(workstream, advancedWith({ contextVariables: [{ name: 'Topic', type: 'text' }] }));
        expect(unused.advanced.contextVariables).toEqual([{ name: 'Topic', type: 'text' }]);

        await api().routingRules.replace(workstream.id, { version: rules.version, rules: [] });
        const freed = await saveAdvanced(unused, advancedWith({ contextVariables: [] }));
        expect(freed.advanced.contextVariables).toEqual([]);
      });
    });

    // ---- quick replies for a conversation ---------------------------------------------

    describe('GET /api/conversations/:id/quick-replies', () => {
      function needsTraffic(context: TestContext) {
        if (!backend.simulateInbound) skipBecause(context, 'the backend cannot simulate a customer');
      }

      /** A customer's conversation on a workstream with the greeting and closing replies, in the given language. */
      async function conversationIn(language: 'en' | 'fi', memberIds: string[] = []) {
        const account = await api().accounts.create({
          name: `Account ${harness.serial()}`,
          channel: 'whatsapp',
          accountSid: harness.newSid(),
          authToken: harness.newToken(),
          numbers: [{ name: 'Support', number: harness.newNumber() }],
        });
        const number = account.numbers[0]!;
        const queue = await api().queues.create({ ...plainQueueInput(harness, `Care ${harness.serial()}`), memberIds });
        const created = await api().workstreams.create(
          workstreamInput(harness, queue.id, { distributionMode: 'pick', advanced: advancedWith({ quickReplies: [greeting, closing] }) }),
        );
        const workstream = await api().workstreams.setUpWhatsApp(created.id, {
          version: created.version,
          numberId: number.id,
          language,
          automatedMessages: [],
          survey: { mode: 'off' },
          attachments: { customersCanSend: true, agentsCanSend: true },
        });
        const phone = `+4477009${String(harness.serial()).padStart(5, '0')}`;
        await backend.simulateInbound!({ accountId: account.id, from: phone, to: number.number, body: 'Hello?', profileName: 'Maria Customer' });
        const conversation = (await api().conversations.list()).items.find((c) => c.customer.phone === phone);
        if (!conversation) throw new Error(`No conversation of ${phone}.`);
        return { queue, workstream, conversation };
      }

      test('each reply in the conversation’s language where translated, filled for the asking user; an unset variable stays as written', async (context) => {
        needsTraffic(context);
        const me = signedInSession(await api().session.get());
        const english = await conversationIn('en');
        const { items } = await api().conversations.quickReplies(english.conversation.id);
        expect(items).toEqual([
          { id: english.workstream.advanced.quickReplies[0]!.id, title: 'Greeting', text: `Hi Maria Customer, this is ${me.user.name} from ${english.queue.name}. Your topic: {{topic}}` },
          { id: english.workstream.advanced.quickReplies[1]!.id, title: 'Closing', text: 'Thank you for contacting us!' },
        ]);

        const finnish = await conversationIn('fi');
        expect(finnish.conversation.language).toBe('fi');
        const translated = await api().conversations.quickReplies(finnish.conversation.id);
        expect(translated.items.map((reply) => reply.text)).toEqual([`Hei Maria Customer, täällä ${me.user.name} (${finnish.queue.name}).`, 'Thank you for contacting us!']);
      });

      test('an agent of the conversation’s queue may read them; an agent outside it is told the conversation does not exist', async (context) => {
        needsTraffic(context);
        const member = await api().users.create({ name: 'Member Agent', email: `member.${harness.serial()}@contoso.example`, role: 'agent', password: PASSWORD });
        const outsider = await api().users.create({ name: 'Outside Agent', email: `outside.${harness.serial()}@contoso.example`, role: 'agent', password: PASSWORD });
        const { conversation } = await conversationIn('en', [member.id]);

        await api().session.signOut();
        await api().session.signIn({ email: member.email, password: PASSWORD });
        const { items } = await api().conversations.quickReplies(conversation.id);
        expect(items[0]!.text).toContain('this is Member Agent from');

        await api().session.signOut();
        await api().session.signIn({ email: outsider.email, password: PASSWORD });
        expectProblem(await failure(api().conversations.get(conversation.id)), 404, problemTypes.notFound);
        expectProblem(await failure(api().conversations.quickReplies(conversation.id)), 404, problemTypes.notFound);
      });

      test('an unknown conversation: 404', async () => {
        expectProblem(await failure(api().conversations.quickReplies(UNKNOWN_ID)), 404, problemTypes.notFound);
      });
    });
  });
}
