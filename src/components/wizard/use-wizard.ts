import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useForm, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import { withParams } from '@/domain/validation-params';
import { routeServerErrors, type FieldPlace, type StepFieldError } from './route-server-errors';
import { isStepComplete, isStepId, nextStepId, previousStepId, resolveStep, stepIds, stepSlice, type WizardStepDefinition } from './wizard-steps';

export interface WizardConfig<Id extends string, V extends FieldValues> {
  steps: readonly WizardStepDefinition<Id, V>[];
  /** The values the wizard starts from (a restored draft, saved data or blanks); read once. */
  initialValues: () => V;
  /** Shown whatever the URL asks, e.g. the result once the final submit has succeeded. */
  lockedStep?: Id | null;
  /** The query string of a step; `?step=<id>` unless a step needs more (an id of what was created). */
  searchOf?: (step: Id) => string;
  /** Where a field of the request lives, by its dotted path; defaults to the step whose `fields` name its head. */
  placeOf?: (path: string) => FieldPlace<Id> | null;
  /** Called with the values once and after every change: the place to derive a draft from them. */
  persist?: (values: V) => void;
  /** Runs just before a step is shown, to derive its starting values from earlier steps. */
  prepareStep?: (step: Id, form: UseFormReturn<V>) => void;
  /** Whether leaving now would lose something the user typed. */
  hasChanges: (values: V) => boolean;
  /** Leaves the wizard: after Cancel, directly or once the user confirmed. */
  onLeave: () => void;
}

export interface WizardController<Id extends string, V extends FieldValues> {
  /** The one form that holds every step's values. */
  form: UseFormReturn<V>;
  steps: readonly WizardStepDefinition<Id, V>[];
  step: Id;
  /** The address to replace the current one with, when the URL asks for a step that cannot be shown. */
  redirect: string | null;
  /** False for the moment between a change of step and the step's form state being fresh. */
  ready: boolean;
  goTo: (step: Id) => void;
  /** Goes to the step after the current one, or straight back to `returnTo`. */
  next: () => void;
  /** The step an Edit link came from (`?return=<id>`, e.g. the summary), while it lies ahead: Next leads back to it. */
  returnTo: Id | null;
  /** Goes to the step before the current one; absent on the first step. */
  back: (() => void) | undefined;
  /** Asks first when something would be lost. */
  cancel: () => void;
  /** Leaves without asking (the user confirmed). */
  leave: () => void;
  confirmingCancel: boolean;
  setConfirmingCancel: (open: boolean) => void;
  /** Puts a failed submit's field errors on their steps and shows the first; false when no step owns any. */
  showServerErrors: (error: unknown, placeOf?: (path: string) => FieldPlace<Id> | null) => boolean;
  /** Whether any field error of a failed submit belongs to a step (else the error is shown as a whole). */
  ownsAnyField: (error: unknown, placeOf?: (path: string) => FieldPlace<Id> | null) => boolean;
}

function defaultSearch(step: string): string {
  return `?${new URLSearchParams({ step }).toString()}`;
}

/** The query parameter of the step to return to after an edit. */
export const RETURN_PARAM = 'return';

function withReturn(search: string, returnTo: string | null): string {
  if (returnTo === null) return search;
  const params = new URLSearchParams(search);
  params.set(RETURN_PARAM, returnTo);
  return `?${params.toString()}`;
}

/** Whether the address already says everything the step's own query string says. */
function isAt(current: URLSearchParams, search: string): boolean {
  return [...new URLSearchParams(search)].every(([key, value]) => current.get(key) === value);
}

function fieldOwner<Id extends string, V>(steps: readonly WizardStepDefinition<Id, V>[]) {
  return (path: string): FieldPlace<Id> | null => {
    const [head] = path.split('.');
    const owner = steps.find((step) => head !== undefined && step.fields?.includes(head));
    return owner ? { step: owner.id, path } : null;
  };
}

/**
 * A wizard whose values live in one react-hook-form form: the current step is in the URL,
 * each step validates its slice of the contract, and a step whose earlier steps are
 * incomplete is never shown.
 */
export function useWizard<Id extends string, V extends FieldValues>(config: WizardConfig<Id, V>): WizardController<Id, V> {
  const { steps, lockedStep = null } = config;
  const searchOf = config.searchOf ?? defaultSearch;
  const [searchParams, setSearchParams] = useSearchParams();
  const [initialValues] = useState(config.initialValues);
  // The form's step is whatever the URL resolves to; the resolver follows it (react-hook-form reads its options on every render).
  const [currentStep, setCurrentStep] = useState<Id | null>(null);
  const resolver = useMemo(() => stepResolver(steps, currentStep), [steps, currentStep]);
  const form = useForm<V>({ resolver, mode: 'onTouched', defaultValues: initialValues as never });
  const { getValues } = form;

  const requested = searchParams.get('step');
  const step =
    lockedStep ??
    resolveStep(steps, isStepId(steps, requested) ? requested : null, (id) => isStepComplete(steps.find((s) => s.id === id)!, getValues()));
  if (currentStep !== step) setCurrentStep(step);
  // Kept through a redirect to an earlier step that an edit left incomplete: that step leads back too.
  const returnParam = searchParams.get(RETURN_PARAM);
  const order = stepIds(steps);
  const returnTo = isStepId(steps, returnParam) && order.indexOf(returnParam) > order.indexOf(step) ? returnParam : null;
  const search = withReturn(searchOf(step), returnTo);
  const staleReturn = returnParam !== null && returnTo === null;
  const redirect = step !== requested || staleReturn || !isAt(searchParams, search) ? search : null;

  const ready = useFreshStepForm(form, step, redirect === null, config.prepareStep);
  usePersist(form, config.persist);
  const placeOf = config.placeOf ?? fieldOwner(steps);
  const { showServerErrors, ownsAnyField } = useServerErrors(form, steps, step, ready, placeOf, (id) => setSearchParams(searchOf(id)));

  const goTo = (target: Id) => setSearchParams(searchOf(target));
  const following = nextStepId(steps, step);
  const preceding = previousStepId(steps, step);
  const [confirmingCancel, setConfirmingCancel] = useState(false);

  return {
    form,
    steps,
    step,
    redirect,
    ready,
    goTo,
    next: () => {
      // The return step itself is asked for with the return: if the edit left a step before it incomplete, that step opens and still leads back.
      if (returnTo) setSearchParams(withReturn(searchOf(returnTo), returnTo));
      else if (following) goTo(following);
    },
    returnTo,
    back: preceding ? () => setSearchParams(withReturn(searchOf(preceding), returnTo)) : undefined,
    cancel: () => (config.hasChanges(getValues()) ? setConfirmingCancel(true) : config.onLeave()),
    leave: config.onLeave,
    confirmingCancel,
    setConfirmingCancel,
    showServerErrors,
    ownsAnyField,
  };
}

/** Validates only the current step's fields, as typed (the server normalises). */
function stepResolver<Id extends string, V extends FieldValues>(
  steps: readonly WizardStepDefinition<Id, V>[],
  current: Id | null,
): Resolver<V> {
  return async (values, context, options) => {
    const step = steps.find((candidate) => candidate.id === current);
    if (!step?.schema) return { values, errors: {} };
    const resolve = zodResolver(step.schema as never, undefined, { raw: true }) as unknown as Resolver<Record<string, unknown>>;
    const result = await resolve(stepSlice(step, values), context, options as never);
    return Object.keys(result.errors).length > 0 ? (result as never) : { values, errors: {} };
  };
}

/**
 * Each step starts with a fresh form state (nothing touched, no errors, not submitted) but
 * with every value kept, as if it had a form of its own. Until then the step is not shown.
 */
function useFreshStepForm<Id extends string, V extends FieldValues>(
  form: UseFormReturn<V>,
  step: Id,
  onScreen: boolean,
  prepare: ((step: Id, form: UseFormReturn<V>) => void) | undefined,
): boolean {
  const [shown, setShown] = useState<Id | null>(null);
  const latestPrepare = useRef(prepare);
  useEffect(() => {
    latestPrepare.current = prepare;
  });
  useLayoutEffect(() => {
    if (!onScreen || shown === step) return;
    latestPrepare.current?.(step, form);
    form.reset(undefined, { keepValues: true, keepDefaultValues: true, keepDirty: true });
    // The step's fields must mount after the reset, or it would forget them: one more render, before paint.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setShown(step);
  }, [form, step, shown, onScreen]);
  return shown === step;
}

function usePersist<V extends FieldValues>(form: UseFormReturn<V>, persist: ((values: V) => void) | undefined) {
  const latest = useRef(persist);
  useEffect(() => {
    latest.current = persist;
  });
  const { subscribe, getValues } = form;
  useEffect(() => {
    latest.current?.(getValues());
    return subscribe({ formState: { values: true }, callback: () => latest.current?.(getValues()) });
  }, [subscribe, getValues]);
}

/**
 * Field errors wait for the step that owns them: they are put on its fields (the first one
 * focused) when it is on screen, and the first step with any is shown at once.
 */
function useServerErrors<Id extends string, V extends FieldValues>(
  form: UseFormReturn<V>,
  steps: readonly WizardStepDefinition<Id, V>[],
  step: Id,
  ready: boolean,
  defaultPlaceOf: (path: string) => FieldPlace<Id> | null,
  goTo: (step: Id) => void,
) {
  // A ref, so that applying the errors is not itself a change of state; the counter asks for the render.
  const pending = useRef<StepFieldError<Id>[]>([]);
  const [arrivals, setArrivals] = useState(0);
  const { setError } = form;
  useEffect(() => {
    if (!ready) return;
    const mine = pending.current.filter((error) => error.step === step);
    if (mine.length === 0) return;
    mine.forEach((error, index) => setError(error.path as Path<V>, { type: 'server', message: withParams(error.code, error.params) }, { shouldFocus: index === 0 }));
    pending.current = pending.current.filter((error) => error.step !== step);
  }, [arrivals, step, ready, setError]);

  const order = stepIds(steps);
  const route = (error: unknown, placeOf = defaultPlaceOf) => routeServerErrors(error, order, placeOf);
  const showServerErrors = (error: unknown, placeOf?: (path: string) => FieldPlace<Id> | null) => {
    const errors = route(error, placeOf);
    pending.current = errors;
    setArrivals((count) => count + 1);
    const first = errors[0]?.step;
    if (first && first !== step) goTo(first);
    return errors.length > 0;
  };
  const ownsAnyField = (error: unknown, placeOf?: (path: string) => FieldPlace<Id> | null) => route(error, placeOf).length > 0;
  return { showServerErrors, ownsAnyField };
}
