// @vitest-environment node
import { describeSessionScenarios } from '@/testing/api-scenarios/session.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeSessionScenarios);
