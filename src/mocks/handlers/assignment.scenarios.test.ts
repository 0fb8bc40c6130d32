import { describeAssignmentScenarios } from '@/testing/api-scenarios/assignment.scenarios';
import { mockScenarioBackend } from '@/testing/api-scenarios/mock-backend';

/* The MSW handlers against the API scenarios the real server must pass too (src/server/routes/, same name). */
describeAssignmentScenarios('MSW handlers', mockScenarioBackend);
