import { screen, within } from '@testing-library/react';
import { useParams } from 'react-router';
import { renderWithProviders, type createTestBackend } from '@/testing/render';
import { RoutingRulesPage } from '../../features/routing/components/routing-rules-page';

type Backend = ReturnType<typeof createTestBackend>;

/** The demo seed's "WhatsApp customer support": rules "Finnish numbers" and "Invoices and payments", fallback General support. */
export const supportWorkstream = (backend: Backend) => backend.db.data.workstreams.find((w) => w.name === 'WhatsApp customer support')!;

function Route() {
  const { workstreamId = '' } = useParams();
  return <RoutingRulesPage workstreamId={workstreamId} />;
}

/** The routing page of a workstream, with a stub page to leave to. */
export function renderRoutingRoute(workstreamId: string) {
  return renderWithProviders(
    [
      { path: '/workstreams/:workstreamId/routing', element: <Route /> },
      { path: '/workstreams/:workstreamId', element: <h1>Workstream stub</h1> },
    ],
    { initialEntries: [`/workstreams/${workstreamId}/routing`] },
  );
}

/** The routing page, once it has loaded. */
export async function renderRoutingPage(workstreamId: string) {
  const rendered = renderRoutingRoute(workstreamId);
  await screen.findByRole('heading', { level: 1, name: /^Routing rules: / });
  return rendered;
}

export const ruleList = () => screen.getByRole('list', { name: 'Routing rules, in the order they are checked' });
/** The rules' headings, e.g. "1. Finnish numbers". */
export const ruleHeadings = () =>
  within(ruleList())
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent);
export const ruleItem = (name: string) => within(ruleList()).getByRole('listitem', { name: new RegExp(`^\\d+\\. ${name}$`) });
export const ruleDialog = () => screen.findByRole('dialog', { name: /routing rule$/ });

/**
 * Leaves the support workstream with only its rules on numbers and words, the two the editor's
 * tests are written around: the seed's rule on the bot's context variable goes.
 */
export function withoutContextVariableRules(backend: Backend) {
  backend.db.write((draft) => {
    const workstream = draft.workstreams.find((w) => w.name === 'WhatsApp customer support')!;
    workstream.routing.rules = workstream.routing.rules.filter((rule) => rule.conditions.every((condition) => condition.field !== 'contextVariable'));
  });
}
