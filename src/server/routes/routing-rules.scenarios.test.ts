// @vitest-environment node
import { describeRoutingRulesScenarios } from '@/testing/api-scenarios/routing-rules.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeRoutingRulesScenarios);
