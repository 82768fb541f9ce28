/** `shelfmark serve`: the built site on 127.0.0.1. */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the built site (dist/) on 127.0.0.1 and print its URL')
    .option('--dir <dir>', 'the built site', 'dist')
    .option('--port <port>', 'port (0 picks a free one)', '4321')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .action(async (opts: { dir: string; port: string; host: string }) => {
      const { existsSync } = await import('node:fs');
      const { join } = await import('node:path');
      if (!existsSync(join(opts.dir, 'index.html'))) {
        process.stderr.write(`shelfmark serve: ${join(opts.dir, 'index.html')} not found. Build the site first: npm run build.\n`);
        process.exitCode = 2;
        return;
      }
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`shelfmark serve: --port "${opts.port}" is not a port. Expected a whole number from 0 to 65535.\n`);
        process.exitCode = 2;
        return;
      }
      const { serveStatic } = await import('../../site/serve.ts');
      try {
        const served = await serveStatic(opts.dir, { host: opts.host, port });
        process.stdout.write(`Serving ${opts.dir} at ${served.url} (Ctrl+C to stop)\n`);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'EADDRINUSE') {
          process.stderr.write(`shelfmark serve: port ${port} on ${opts.host} is in use. Pick another with --port, or --port 0 for any free one.\n`);
          process.exitCode = 2;
          return;
        }
        throw err;
      }
    });
}
