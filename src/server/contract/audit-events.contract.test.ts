// @vitest-environment node
import { describeAuditEventsContract } from '@/api/contract-suite/audit-events.suite';
import { describeOnServer } from '../testing/contract-backends';

describeOnServer(describeAuditEventsContract);
