// @vitest-environment node
import { describeSetupScenarios } from '@/testing/api-scenarios/setup.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeSetupScenarios);
