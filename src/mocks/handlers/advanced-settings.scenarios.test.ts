import { describeAdvancedSettingsScenarios } from '@/testing/api-scenarios/advanced-settings.scenarios';
import { mockScenarioBackend } from '@/testing/api-scenarios/mock-backend';

/* The MSW handlers against the API scenarios the real server must pass too (src/server/routes/, same name). */
describeAdvancedSettingsScenarios('MSW handlers', mockScenarioBackend);
