// @vitest-environment node
import { describeScriptedInputScenarios } from '@/testing/api-scenarios/scripted-input.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeScriptedInputScenarios);
