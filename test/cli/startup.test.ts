import { describe, expect, it } from 'vitest';
import { batchV8Flags, commandOf, isShortLived, SMALL_BATCH_CASES, startupV8Flags } from '../../src/cli/startup.js';

describe('startup choices from the command line', () => {
  it('finds the command after program options and their values', () => {
    expect(commandOf(['render', 'a.yaml'])).toBe('render');
    expect(commandOf(['--lang', 'en', 'batch', 'cases'])).toBe('batch');
    expect(commandOf(['--config', 'serve', 'render', 'x'])).toBe('render');
    expect(commandOf(['--debug', 'serve'])).toBe('serve');
    expect(commandOf(['--lang=en', 'validate', 'x'])).toBe('validate');
    expect(commandOf(['--version'])).toBeUndefined();
  });

  it('keeps the optimizing compiler for batch and serve only', () => {
    expect(isShortLived(['render', 'a.yaml'])).toBe(true);
    expect(isShortLived(['verify', 'a.pdf'])).toBe(true);
    expect(isShortLived(['--help'])).toBe(true);
    expect(isShortLived(['batch', 'fixtures', '--out', 'o'])).toBe(false);
    expect(isShortLived(['--lang', 'en', 'serve'])).toBe(false);
    expect(startupV8Flags(['render', 'x'])).toEqual(['--no-opt']);
    expect(startupV8Flags(['batch', 'x'])).toEqual([]);
  });

  it('runs a small batch (the 19 fixtures of `npm run demo`) without the optimizing compiler, a large one with it', () => {
    expect(batchV8Flags(19)).toEqual(['--no-opt']);
    expect(batchV8Flags(SMALL_BATCH_CASES)).toEqual(['--no-opt']);
    expect(batchV8Flags(SMALL_BATCH_CASES + 1)).toEqual([]);
    expect(batchV8Flags(1000)).toEqual([]);
  });
});
