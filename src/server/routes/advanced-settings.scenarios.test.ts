// @vitest-environment node
import { describeAdvancedSettingsScenarios } from '@/testing/api-scenarios/advanced-settings.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeAdvancedSettingsScenarios);
