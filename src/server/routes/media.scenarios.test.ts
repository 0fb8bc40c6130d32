// @vitest-environment node
import { describeMediaScenarios } from '@/testing/api-scenarios/media.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeMediaScenarios);
