// @vitest-environment node
import { describeWorkDistributionSettingsScenarios } from '@/testing/api-scenarios/work-distribution-settings.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeWorkDistributionSettingsScenarios);
