// @vitest-environment node
import { describeWorkstreamsContract } from '@/api/contract-suite/workstreams.suite';
import { describeOnServer } from '../testing/contract-backends';

describeOnServer(describeWorkstreamsContract);
