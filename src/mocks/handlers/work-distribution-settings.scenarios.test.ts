import { describeWorkDistributionSettingsScenarios } from '@/testing/api-scenarios/work-distribution-settings.scenarios';
import { mockScenarioBackend } from '@/testing/api-scenarios/mock-backend';

/* The MSW handlers against the API scenarios the real server must pass too (src/server/routes/, same name). */
describeWorkDistributionSettingsScenarios('MSW handlers', mockScenarioBackend);
