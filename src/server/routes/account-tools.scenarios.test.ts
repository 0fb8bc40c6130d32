// @vitest-environment node
import { describeAccountToolsScenarios } from '@/testing/api-scenarios/account-tools.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeAccountToolsScenarios);
