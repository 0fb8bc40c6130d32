// @vitest-environment node
import { describeAuditEventsScenarios } from '@/testing/api-scenarios/audit-events.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeAuditEventsScenarios);
