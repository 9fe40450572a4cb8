// A reporter for CI: after the run, the slowest test files and tests, so that a test that grows slow is seen
// before npm test passes its two minutes. Added to the default reporter when CI is set.
import type { Reporter, TestModule } from 'vitest/node';

const SHOWN = 12;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(6)} s`;

export default class SlowestReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const files = modules
      .map((m) => ({ name: m.moduleId.replace(`${process.cwd()}/`, ''), ms: m.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SHOWN);
    const tests = modules
      .flatMap((m) =>
        [...m.children.allTests()].map((t) => ({
          name: `${m.moduleId.replace(`${process.cwd()}/`, '')} › ${t.fullName}`,
          ms: t.diagnostic()?.duration ?? 0,
        })),
      )
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SHOWN);
    const lines = [
      '',
      `The ${files.length} slowest test files:`,
      ...files.map((f) => `${seconds(f.ms)}  ${f.name}`),
      `The ${tests.length} slowest tests:`,
      ...tests.map((t) => `${seconds(t.ms)}  ${t.name}`),
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
