import { describeAuditEventsScenarios } from '@/testing/api-scenarios/audit-events.scenarios';
import { mockScenarioBackend } from '@/testing/api-scenarios/mock-backend';

/* The MSW handlers against the API scenarios the real server must pass too (src/server/routes/, same name). */
describeAuditEventsScenarios('MSW handlers', mockScenarioBackend);
