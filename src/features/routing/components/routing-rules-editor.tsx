import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Queue } from '@/api/contract/queue';
import type { RoutingRuleSet } from '@/api/contract/routing-rule';
import type { Workstream } from '@/api/contract/workstream';
import { ApiError } from '@/api/problem';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import { ProblemAlert } from '@/components/problem-alert';
import { RouterLink } from '@/components/router-link';
import { useNotify } from '@/components/toast';
import { useDocumentTitle } from '@/components/use-document-title';
import { visuallyHidden } from '@/components/visually-hidden';
import { paths } from '@/config/paths';
import { evaluateRoutingRules, MAX_ROUTING_RULES } from '@/domain/routing-rules';
import { isSandboxJoin } from '@/domain/sandbox-join';
import { withParams } from '@/domain/validation-params';
import { useReplaceRoutingRules } from '@/resources/routing-rules';
import { routingRuleQueries } from '@/resources/routing-rules';
import { useResourceCache } from '@/resources/use-resource-cache';
import {
  moveRule,
  newRuleKey,
  placeRuleErrors,
  ruleState,
  sameRules,
  toDrafts,
  toInput,
  type DraftRule,
  type PlacedErrors,
  type RuleContent,
} from './draft-rules';
import { RuleDialog } from './rule-dialog';
import { RuleItem } from './rule-item';
import { RuleTester, variablesUsedBy, type TestConversation, type TesterResult } from './rule-tester';
import { useUnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { useLiveAnnouncement } from '@/components/use-live-announcement';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '1200px' },
  title: { margin: 0 },
  intro: { maxWidth: '80ch' },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(280px, 2fr)',
    alignItems: 'start',
    gap: tokens.spacingHorizontalXXL,
    '@media (max-width: 960px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  rules: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  fallback: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  addRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tester: { position: 'sticky', top: tokens.spacingVerticalL },
  visuallyHidden,
});

interface DialogState {
  open: boolean;
  /** The rule being edited; null to add one. */
  key: string | null;
  /** A new value per opening: the form inside starts afresh. */
  formKey: number;
}

const noErrors: PlacedErrors = { byRule: {}, general: [] };

export interface RoutingRulesEditorProps {
  workstream: Workstream;
  ruleSet: RoutingRuleSet;
  queues: readonly Queue[];
}

/**
 * The workstream's rules, edited here and saved together: the whole ordered list is one
 * PUT. The tester evaluates the list as it is on screen, unsaved changes included.
 */
export function RoutingRulesEditor({ workstream, ruleSet, queues }: RoutingRulesEditorProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const errorText = useFieldErrorText();
  const cache = useResourceCache();
  const replace = useReplaceRoutingRules(workstream.id);

  const [base, setBase] = useState(ruleSet);
  const saved = useMemo(() => toDrafts(base), [base]);
  const [drafts, setDrafts] = useState<DraftRule[]>(saved);
  const [errors, setErrors] = useState<PlacedErrors>(noErrors);
  const [failure, setFailure] = useState<unknown>(null);
  const [reloaded, setReloaded] = useState(false);
  const [dialog, setDialog] = useState<DialogState>({ open: false, key: null, formKey: 0 });
  const [removing, setRemoving] = useState<DraftRule | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const [announcement, setAnnouncement] = useLiveAnnouncement();
  const [test, setTest] = useState<TestConversation>({ customerPhone: '', firstMessage: '', contextVariables: {} });
  const contextVariableNames = useMemo(() => workstream.advanced.contextVariables.map((variable) => variable.name), [workstream]);

  const moveButtons = useRef(new Map<string, HTMLElement>());
  const focusAfterMove = useRef<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const rulesHeadingId = useId();

  useDocumentTitle(t('routing.pageTitle', { workstream: workstream.name }));
  const dirty = !sameRules(drafts, saved);
  const guard = useUnsavedChangesGuard({ dirty, title: t('routing.unsavedTitle'), body: t('routing.unsavedBody') });
  const atLimit = drafts.length >= MAX_ROUTING_RULES;

  const queueName = (queueId: string) =>
    queues.find((q) => q.id === queueId)?.name ?? base.rules.find((r) => r.queueId === queueId)?.queueName;
  const fallbackName = queues.find((q) => q.id === workstream.fallbackQueueId)?.name ?? workstream.fallbackQueueName;

  const testedVariables = variablesUsedBy(drafts);
  const tested =
    test.customerPhone.trim() !== '' || test.firstMessage.trim() !== '' || testedVariables.some((name) => (test.contextVariables[name] ?? '').trim() !== '');
  // On the sandbox, "join <code>" opens no conversation: the rules read the customer's next message.
  const sandboxJoin = tested && workstream.whatsapp !== null && isSandboxJoin(workstream.whatsapp.number, test.firstMessage);
  const match = tested && !sandboxJoin ? evaluateRoutingRules(drafts, test) : null;
  const testerResult: TesterResult | null = !tested
    ? null
    : sandboxJoin
      ? { position: null, ruleName: '', queueName: '', sandboxJoin: true }
      : match
      ? { position: match.index + 1, ruleName: match.rule.name, queueName: queueName(match.rule.queueId) ?? t('routing.unknownQueue') }
      : { position: null, ruleName: '', queueName: fallbackName };

  useEffect(() => {
    if (focusAfterMove.current === null) return;
    moveButtons.current.get(focusAfterMove.current)?.focus();
    focusAfterMove.current = null;
  }, [drafts]);

  const move = (index: number, offset: -1 | 1) => {
    const rule = drafts[index]!;
    const target = index + offset;
    if (target < 0 || target >= drafts.length) return;
    setDrafts(moveRule(drafts, index, offset));
    // The list re-renders around the moved rule: keep focus on the button that was pressed.
    focusAfterMove.current = `${rule.key}:${offset === -1 ? 'up' : 'down'}`;
    setAnnouncement(t('routing.moved', { name: rule.name, position: target + 1, count: drafts.length }));
  };

  const openDialog = (key: string | null) => setDialog((d) => ({ open: true, key, formKey: d.formKey + 1 }));
  const closeDialog = () => setDialog((d) => ({ ...d, open: false }));
  const editing = dialog.key === null ? null : (drafts.find((r) => r.key === dialog.key) ?? null);

  const apply = (content: RuleContent) => {
    if (editing) {
      setDrafts(drafts.map((r) => (r.key === editing.key ? { ...r, ...content } : r)));
      setErrors(({ byRule: { [editing.key]: _, ...others }, general }) => ({ byRule: others, general }));
    } else {
      setDrafts([...drafts, { key: newRuleKey(), ...content }]);
      setAnnouncement(t('routing.added', { name: content.name, position: drafts.length + 1, count: drafts.length + 1 }));
    }
    closeDialog();
  };

  const confirmRemove = () => {
    if (!removing) return;
    setDrafts(drafts.filter((r) => r.key !== removing.key));
    setErrors(({ byRule: { [removing.key]: _, ...others }, general }) => ({ byRule: others, general }));
    setAnnouncement(t('routing.removed', { name: removing.name }));
    setRemoving(null);
    // The rule and its buttons are gone; without this, focus would fall back to the page.
    addButton.current?.focus();
  };

  const confirmDiscard = () => {
    setDrafts(saved);
    setErrors(noErrors);
    setFailure(null);
    setReloaded(false);
    setDiscarding(false);
    notify(t('routing.discarded'), 'info');
  };

  const save = async () => {
    if (replace.isPending) return;
    setFailure(null);
    if (!dirty) {
      notify(t('routing.noChanges'), 'info');
      return;
    }
    const sent = drafts;
    try {
      const next = await replace.mutateAsync(toInput(base.version, sent));
      setBase(next);
      setDrafts(toDrafts(next));
      setErrors(noErrors);
      setReloaded(false);
      notify(t('routing.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) setErrors(placeRuleErrors(error, sent));
      else setFailure(error);
    }
  };

  // After a version conflict: the saved rules are now someone else's; the list on screen stays.
  const reload = async () => {
    try {
      const fresh = await cache.fetchFresh(routingRuleQueries.forWorkstream(workstream.id));
      setBase(fresh);
      setFailure(null);
      setReloaded(true);
    } catch (error) {
      setFailure(error);
    }
  };

  const hasRuleErrors = Object.keys(errors.byRule).length > 0;

  return (
    <div className={styles.root}>
      <RouterLink to={paths.workstream(workstream.id)}>{t('routing.backToWorkstream', { workstream: workstream.name })}</RouterLink>
      <Title2 as="h1" className={styles.title}>
        {t('routing.pageTitle', { workstream: workstream.name })}
      </Title2>
      <Body1 className={styles.intro}>{t('routing.intro')}</Body1>

      <div className={styles.layout}>
        <section className={styles.rules} aria-labelledby={rulesHeadingId}>
          <Subtitle1 as="h2" id={rulesHeadingId} className={styles.title}>
            {t('routing.rulesHeading')}
          </Subtitle1>
          {failure != null && <ProblemAlert error={failure} onRetry={() => void save()} onReload={() => void reload()} />}
          {reloaded && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t('routing.reloaded')}</MessageBarBody>
            </MessageBar>
          )}
          {(hasRuleErrors || errors.general.length > 0) && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('routing.fixErrors')}</MessageBarTitle>
                {errors.general.map((e) => (
                  <div key={`${e.path} ${e.code}`}>{errorText({ message: withParams(e.code, e.params) })}</div>
                ))}
              </MessageBarBody>
            </MessageBar>
          )}

          {drafts.length === 0 ? (
            <Body1>{t('routing.empty')}</Body1>
          ) : (
            <ol className={styles.list} aria-label={t('routing.listLabel')}>
              {drafts.map((rule, index) => (
                <RuleItem
                  key={rule.key}
                  rule={rule}
                  position={index + 1}
                  count={drafts.length}
                  queueName={queueName(rule.queueId)}
                  state={ruleState(rule, saved)}
                  matched={match?.rule.key === rule.key}
                  errors={errors.byRule[rule.key] ?? []}
                  buttonRef={(action, element) => {
                    const key = `${rule.key}:${action}`;
                    if (element) moveButtons.current.set(key, element);
                    else moveButtons.current.delete(key);
                  }}
                  onMove={(offset) => move(index, offset)}
                  onEdit={() => openDialog(rule.key)}
                  onRemove={() => setRemoving(rule)}
                />
              ))}
            </ol>
          )}

          <Body1 className={styles.fallback}>{t('routing.fallback', { queue: fallbackName })}</Body1>

          <div className={styles.addRow}>
            <Button ref={addButton} icon={<AddRegular />} disabledFocusable={atLimit} onClick={() => openDialog(null)}>
              {t('routing.addRule')}
            </Button>
            {atLimit && <Body1>{t('routing.limitReached', { max: MAX_ROUTING_RULES })}</Body1>}
          </div>

          <div className={styles.footer}>
            <Button
              appearance="primary"
              aria-disabled={replace.isPending || undefined}
              icon={replace.isPending ? <Spinner size="tiny" /> : undefined}
              onClick={() => void save()}
            >
              {replace.isPending ? t('common.saving') : t('routing.save')}
            </Button>
            <Button disabled={!dirty || replace.isPending} onClick={() => setDiscarding(true)}>
              {t('routing.discard')}
            </Button>
            {dirty && <Body1>{t('routing.unsavedNote')}</Body1>}
          </div>
        </section>

        <div className={styles.tester}>
          <RuleTester conversation={test} variables={testedVariables} onChange={setTest} result={testerResult} />
        </div>
      </div>

      <div role="status" className={styles.visuallyHidden}>
        {announcement}
      </div>

      <RuleDialog
        open={dialog.open}
        formKey={dialog.formKey}
        rule={editing}
        serverErrors={editing ? (errors.byRule[editing.key] ?? []) : []}
        queues={queues}
        contextVariables={contextVariableNames}
        onApply={apply}
        onCancel={closeDialog}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('routing.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('common.remove')}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving(null)}
      >
        {t('routing.removeBody', { queue: (removing && queueName(removing.queueId)) ?? t('routing.unknownQueue') })}
      </ConfirmDialog>
      <ConfirmDialog
        open={discarding}
        title={t('routing.discardTitle')}
        confirmLabel={t('routing.discard')}
        cancelLabel={t('common.keepEditing')}
        onConfirm={confirmDiscard}
        onCancel={() => setDiscarding(false)}
      >
        {t('routing.discardBody')}
      </ConfirmDialog>
      {guard.dialog}
    </div>
  );
}
