/** Virastar (npm `virastar`) ships no types: the part tests/unit/typography-virastar.test.ts uses. */
declare module 'virastar' {
  export default class Virastar {
    /** Options turn Virastar's steps on and off; the test runs it with its defaults. */
    constructor(options?: Record<string, boolean>);
    cleanup(text: string): string;
  }
}
