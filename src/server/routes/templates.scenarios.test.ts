// @vitest-environment node
import { describeTemplatesScenarios } from '@/testing/api-scenarios/templates.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeTemplatesScenarios);
