/**
 * What one render of the templates may spend. Institutions' templates are untrusted: three
 * nested `{{#each}}` or a partial that calls itself must end in a clear error, not in V8
 * running out of memory. The limits grow with the report model, so that any valid case —
 * however long its texts — still renders with templates that print them a few times.
 */
import { ExplainedError } from './errors.js';

/** Markup a render may produce beyond what the case text accounts for (characters). */
export const BASE_OUTPUT = 4 * 1024 * 1024;
/** How many times over the model's own size the markup may be (escaping, repeated names). */
export const OUTPUT_PER_MODEL_CHAR = 8;
/** Partial and loop output is counted at every level it passes through; nesting multiplies it. */
export const WORK_PER_OUTPUT = 8;
/** `{{#each}}` iterations: real templates loop over each list once or twice. */
export const BASE_ITERATIONS = 100_000;
/** Partial calls nested deeper than this are recursion; the built-in templates nest three deep. */
export const MAX_PARTIAL_DEPTH = 32;
/** A backstop for anything the counters miss; a real render takes milliseconds. */
export const MAX_RENDER_MS = 15_000;

export interface Limits { output: number; work: number; iterations: number }

export function limitsFor(modelChars: number): Limits {
  const output = BASE_OUTPUT + OUTPUT_PER_MODEL_CHAR * modelChars;
  return { output, work: WORK_PER_OUTPUT * output, iterations: BASE_ITERATIONS + modelChars };
}

const mb = (chars: number) => `${Math.round(chars / (1024 * 1024))} MB`;

/** Counters for one render; rendering is synchronous, so one Budget serves a template set. */
export class Budget {
  private limits: Limits = limitsFor(0);
  private work = 0;
  private iterations = 0;
  private depth = 0;
  private deadline = 0;

  start(limits: Limits): void {
    this.limits = limits;
    this.work = 0;
    this.iterations = 0;
    this.depth = 0;
    this.deadline = Date.now() + MAX_RENDER_MS;
  }

  /** Output of a loop iteration or a partial call. */
  produced(chars: number): void {
    this.work += chars;
    if (this.work > this.limits.work) {
      throw new ExplainedError(`模板输出过大：展开的内容超过 ${mb(this.limits.work)}（多层 {{#each}} 嵌套或子模板反复调用？）`);
    }
    this.clock();
  }

  iterate(): void {
    if (++this.iterations > this.limits.iterations) {
      throw new ExplainedError(`模板循环次数过多：{{#each}} 共超过 ${this.limits.iterations} 次（多层 {{#each}} 嵌套？）`);
    }
    this.clock();
  }

  enter(partial: string): void {
    if (++this.depth > MAX_PARTIAL_DEPTH) {
      throw new ExplainedError(`子模板递归调用过深：「${partial}」处嵌套超过 ${MAX_PARTIAL_DEPTH} 层`);
    }
    this.clock();
  }

  leave(): void {
    this.depth--;
  }

  /** The whole markup, once rendered. */
  checkOutput(chars: number): void {
    if (chars > this.limits.output) throw new ExplainedError(`模板输出过大：${mb(chars)}，上限 ${mb(this.limits.output)}`);
  }

  private clock(): void {
    if (Date.now() > this.deadline) throw new ExplainedError(`模板渲染超时：超过 ${MAX_RENDER_MS / 1000} 秒`);
  }
}
