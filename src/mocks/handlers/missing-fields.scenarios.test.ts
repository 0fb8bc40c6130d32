import { describeMissingFieldsScenarios } from '@/testing/api-scenarios/missing-fields.scenarios';
import { mockScenarioBackend } from '@/testing/api-scenarios/mock-backend';

/* The MSW handlers against the API scenarios the real server must pass too (src/server/routes/, same name). */
describeMissingFieldsScenarios('MSW handlers', mockScenarioBackend);
