// @vitest-environment node
import { describeWorkstreamsScenarios } from '@/testing/api-scenarios/workstreams.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeWorkstreamsScenarios);
