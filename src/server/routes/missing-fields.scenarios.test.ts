// @vitest-environment node
import { describeMissingFieldsScenarios } from '@/testing/api-scenarios/missing-fields.scenarios';
import { describeOnServer } from '../../testing/api-scenarios/backends';

describeOnServer(describeMissingFieldsScenarios);
