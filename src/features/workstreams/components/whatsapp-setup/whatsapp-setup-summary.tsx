import type { Workstream } from '@/api/contract/workstream';

/** The WhatsApp section of a workstream's page: what is set up, and the way to set it up or change it. */
export function WhatsAppSetupSummary({ workstream }: { workstream: Workstream }) {
  void workstream;
  return null;
}
