import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { libraryVersions } from '../../../src/learn/artifacts/manifest-base.ts';

describe('libraryVersions', () => {
  it('records the installed TensorFlow.js version as tf.version.tfjs reports it, with Node and the backend', () => {
    expect(libraryVersions('wasm')).toEqual({ tfjs: tf.version.tfjs, node: process.versions.node, backend: 'wasm' });
  });
});
