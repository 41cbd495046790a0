import type { Suite } from '../suite';
import { authSuite } from './auth';
import { helloSuite } from './hello';
import { routingSuite } from './routing';

/** The shared test list: every runner runs these, in this order. */
export const suites: readonly Suite[] = [routingSuite, authSuite, helloSuite];
