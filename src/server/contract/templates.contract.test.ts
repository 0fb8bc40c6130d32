// @vitest-environment node
import { describeTemplatesContract } from '@/api/contract-suite/templates.suite';
import { describeOnServer } from '../testing/contract-backends';

describeOnServer(describeTemplatesContract);
