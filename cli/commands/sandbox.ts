// `conecta sandbox`: runs the local SZ.chat-compatible server in the foreground.
// Thin by design: flags → SandboxOptions → startSandbox; value parsing lives in the sandbox module.
// Like every command, it reports through the base command (--json, errors with a code and a hint).

import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';

export class Sandbox extends BaseCommand {
  static override summary = 'Run a local server that speaks the Conecta (SZ.chat v4) API, for trying plans and applies safely.';

  static override description = [
    'Stores everything in one JSON file and can inject faults (latency, failures, ghost writes, late commits, broken list pages, ignored paging, rate limits).',
    'Writes carrying server-owned fields (_id, created_at, updated_at) or fields a kind does not have are answered 422 unless --no-strict-writes.',
    'Point the CLI at it with the CONECTA_URL and CONECTA_TOKEN values it prints. Stop it with Ctrl-C.',
  ].join('\n');

  static override examples = [
    '<%= config.bin %> sandbox',
    '<%= config.bin %> sandbox --port 4011 --latency 20ms --jitter 10ms --fail-rate 0.1 --seed 7',
    '<%= config.bin %> sandbox --rate-limit 300/min --no-flows',
    '<%= config.bin %> sandbox --no-unique-keys --late-commit-rate 0.2 --late-commit 4s',
    '<%= config.bin %> sandbox --broken-page-rate 0.1 --ignore-page',
    '<%= config.bin %> sandbox --replay tenant-capture.json',
    '<%= config.bin %> sandbox --replay tenant-capture.json --data .conecta/replay.json',
  ];

  static override flags = {
    port: Flags.integer({ description: 'TCP port on 127.0.0.1 (0 picks a free one).', default: 4010, min: 0, max: 65535, env: 'CONECTA_SANDBOX_PORT' }),
    data: Flags.string({ description: 'JSON file holding the store (default .conecta/sandbox.json; with --replay, in memory unless given).', env: 'CONECTA_SANDBOX_DATA' }),
    replay: Flags.string({ description: 'Start from a capture made by `conecta doctor --capture`: its objects (read-write, fields this tool does not know kept), its API version and signed-in account. With --data, the file is initialised from the capture, and continued on the next start.', helpValue: 'FILE', env: 'CONECTA_SANDBOX_REPLAY' }),
    latency: Flags.string({ description: 'Delay added to each API request, e.g. 20ms or 1s.', env: 'CONECTA_SANDBOX_LATENCY' }),
    jitter: Flags.string({ description: 'Extra random delay up to this value, e.g. 10ms.', env: 'CONECTA_SANDBOX_JITTER' }),
    'fail-rate': Flags.string({ description: 'Share of API requests answered 502/503/504 (0..1).', env: 'CONECTA_SANDBOX_FAIL_RATE' }),
    'ghost-write-rate': Flags.string({ description: 'Share of writes applied but answered 504 (0..1).', env: 'CONECTA_SANDBOX_GHOST_WRITE_RATE' }),
    'late-commit-rate': Flags.string({ description: 'Share of writes answered 504 at once and applied later, like a gateway that gave up on a busy backend (0..1).', env: 'CONECTA_SANDBOX_LATE_COMMIT_RATE' }),
    'late-commit': Flags.string({ description: 'How long after its 504 a late commit is applied, e.g. 3s (default 3s).', env: 'CONECTA_SANDBOX_LATE_COMMIT' }),
    'rate-limit': Flags.string({ description: 'Token-bucket limit, e.g. 300/min or 5/s (answers 429 with Retry-After).', env: 'CONECTA_SANDBOX_RATE_LIMIT' }),
    seed: Flags.integer({ description: 'Seed for fault draws and ids, so runs are replayable.', min: 0, env: 'CONECTA_SANDBOX_SEED' }),
    flows: Flags.boolean({ description: 'Serve the (inferred) /flows endpoint; --no-flows answers 404 like a tenant without it.', default: true, allowNo: true }),
    'broken-page-rate': Flags.string({ description: 'Share of list pages answered 200 but broken: cut off half-way or an HTML gateway page (0..1).', env: 'CONECTA_SANDBOX_BROKEN_PAGE_RATE' }),
    'ignore-page': Flags.boolean({ description: 'Lists ignore "page" and always answer page 1, like a route without paging.', default: false }),
    'strict-writes': Flags.boolean({ description: 'Answer 422 to a write carrying a server-owned field (_id, created_at, updated_at…) or a field the kind does not have (on update, fields the stored object has are accepted); --no-strict-writes drops them instead.', default: true, allowNo: true }),
    'unique-keys': Flags.boolean({ description: 'Refuse a second object with the same natural key (409); --no-unique-keys stores duplicates, as a tenant might (uniqueness is only inferred).', default: true, allowNo: true }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parseBase(Sandbox);
    const { startSandbox, sandboxOptionsFromText } = await import('../../providers/sandbox/index.js');
    const { ConectaError } = await import('../core/errors.js');
    let options;
    try {
      options = sandboxOptionsFromText({
        port: flags.port, dataFile: flags.data ?? (flags.replay === undefined ? '.conecta/sandbox.json' : undefined), replayFile: flags.replay, latency: flags.latency, jitter: flags.jitter,
        failRate: flags['fail-rate'], ghostWriteRate: flags['ghost-write-rate'], rateLimit: flags['rate-limit'],
        lateCommitRate: flags['late-commit-rate'], lateCommit: flags['late-commit'],
        seed: flags.seed, flowsEnabled: flags.flows, uniqueKeys: flags['unique-keys'],
        brokenPageRate: flags['broken-page-rate'], ignorePage: flags['ignore-page'], strictWrites: flags['strict-writes'],
      });
    } catch (error) {
      throw new ConectaError('PROVIDER_CONFIG', error instanceof Error ? error.message : String(error), { hint: 'See `conecta sandbox --help` for the form of each flag.' });
    }
    let sandbox;
    try {
      sandbox = await startSandbox(options);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new ConectaError('PROVIDER_CONFIG', `Port ${flags.port} on 127.0.0.1 is already in use.`, { hint: 'Stop what listens there (another `conecta sandbox`?), or pick another port with --port (0 picks a free one).' });
      }
      throw new ConectaError('PROVIDER_CONFIG', error instanceof Error ? error.message : String(error), { hint: 'Check the files given with --data and --replay.' });
    }
    // Listening for the stop signals before saying where it listens: a signal sent as soon as the
    // address is printed stops it cleanly.
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    this.present({ command: 'sandbox', url: sandbox.url, token: sandbox.token, dataFile: sandbox.dataFile, ...(sandbox.replay && flags.replay !== undefined ? { replay: flags.replay } : {}) });
    await stopped;
    await sandbox.close();
    this.reporter.emit({ type: 'notice', text: 'Conecta sandbox stopped.' });
  }
}
