/**
 * The `returns-wall` launcher chooses between tsc's output and the sources through tsx. Each
 * test builds a small project of its own (the real launcher, stamp and build scripts, the real
 * tsconfig files and logger, a CLI that says which copy of itself is running) and runs the
 * launcher in it as a process, so the choice is checked as a user meets it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseCli, sourceDigest } from '../../../main/bin/source-stamp.mjs';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const COPIED = [
  'main/bin/returns-wall.mjs',
  'main/bin/source-stamp.mjs',
  'main/bin/build-main.mjs',
  'main/logging/logger.ts',
  'tsconfig.json',
  'tsconfig.build.json',
];
const CLI_SOURCE = `export async function runCli(argv: readonly string[]): Promise<number> {
  const copy = import.meta.url.endsWith('.ts') ? 'sources' : 'compiled';
  process.stdout.write(\`\${copy} \${argv.join(' ')}\`);
  return 0;
}
`;

let root: string;

function put(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(script: string, args: readonly string[] = []): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, script), ...args],
      { cwd: root, env: { ...process.env, RETURNS_WALL_LOG_LEVEL: 'debug' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const launch = () => run('main/bin/returns-wall.mjs', ['serve', '--port', '0']);
const buildMain = () => run('main/bin/build-main.mjs');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'returns-wall-launcher-'));
  for (const path of COPIED) put(path, '');
  for (const path of COPIED) copyFileSync(join(REPO, path), join(root, path));
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  put('package.json', JSON.stringify({ name: 'launcher-fixture', type: 'module' }));
  put('main/cli/index.ts', CLI_SOURCE);
  put('shared/answer.ts', 'export const ANSWER = 42;\n');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the returns-wall launcher', () => {
  it('runs the sources through tsx when out/main is not built, and says why at debug level', async () => {
    const outcome = await launch();

    expect(outcome).toMatchObject({ code: 0, stdout: 'sources serve --port 0' });
    expect(outcome.stderr).toContain('Running the TypeScript sources through tsx: out/main is not built');
  });

  it('runs the compiled CLI once build:main has compiled and stamped the current sources', async () => {
    expect((await buildMain()).code).toBe(0);

    const outcome = await launch();

    expect(outcome).toMatchObject({ code: 0, stdout: 'compiled serve --port 0' });
    expect(outcome.stderr).toContain('Running the compiled CLI from out/main');
  });

  it('goes back to the sources when a source changes after the build', async () => {
    await buildMain();
    put('shared/answer.ts', 'export const ANSWER = 43;\n');

    const outcome = await launch();

    expect(outcome.stdout).toBe('sources serve --port 0');
    expect(outcome.stderr).toContain('out/main is older than the sources');
  });

  it('goes back to the sources when a source is added or deleted after the build', async () => {
    await buildMain();
    put('main/cli/extra.ts', 'export {};\n');
    expect((await launch()).stdout).toBe('sources serve --port 0');

    unlinkSync(join(root, 'main/cli/extra.ts'));
    expect((await launch()).stdout).toBe('compiled serve --port 0');
    unlinkSync(join(root, 'shared/answer.ts'));
    expect((await launch()).stdout).toBe('sources serve --port 0');
  });

  it('does not trust compiled output that has no stamp (built by plain tsc)', async () => {
    await buildMain();
    unlinkSync(join(root, 'out/main/source-stamp.json'));

    const outcome = await launch();

    expect(outcome.stdout).toBe('sources serve --port 0');
    expect(outcome.stderr).toContain('out/main has no readable source stamp');
  });

  it('leaves no stamp when the build fails, so the old output is never run', async () => {
    await buildMain();
    put('shared/answer.ts', 'export const ANSWER: number = "not a number";\n');

    expect((await buildMain()).code).not.toBe(0);

    expect(chooseCli(root)).toMatchObject({ compiled: false });
  });
});

describe('the source digest', () => {
  it('is the same for the same files and changes with a path, a byte or a tsconfig', () => {
    const first = sourceDigest(root);
    expect(sourceDigest(root)).toBe(first);

    put('shared/answer.ts', 'export const ANSWER = 42; \n');
    const edited = sourceDigest(root);
    expect(edited).not.toBe(first);

    rmSync(join(root, 'shared/answer.ts'));
    put('shared/renamed.ts', 'export const ANSWER = 42; \n');
    expect(sourceDigest(root)).not.toBe(edited);

    const beforeConfig = sourceDigest(root);
    put('tsconfig.build.json', '{}');
    expect(sourceDigest(root)).not.toBe(beforeConfig);
  });
});
