/** Public surface of the gradient-boosted trees: train, predict and explain, save and load. */
export { GbdtParams, type GbdtParamsInput } from './params.ts';
export { trainGbdt, type GbdtTraining } from './boost.ts';
export { GbdtModel } from './model.ts';
export { GbdtSpec, TreeSpec, toSpec, fromSpec } from './serialize.ts';
export { sharedMatrix } from '../matrix.ts';
