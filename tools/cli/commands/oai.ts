/** `shelfmark oai serve|static`: OAI-PMH for harvesters (OpenAIRE, B2FIND), over the public records only. */
import type { Command } from 'commander';

interface CommonOpts {
  catalog: string;
  adminEmail?: string;
  datacentreSymbol?: string;
  repositoryIdentifier?: string;
}

async function load(opts: CommonOpts) {
  const { existsSync } = await import('node:fs');
  const { join, resolve } = await import('node:path');
  if (!existsSync(join(opts.catalog, 'config.json'))) {
    process.stderr.write(`shelfmark oai: ${join(opts.catalog, 'config.json')} not found. Expected a catalogue folder holding config.json; pass it with --catalog <dir>.\n`);
    process.exitCode = 2;
    return undefined;
  }
  const { loadOaiRepository } = await import('../../oai/repository.ts');
  return loadOaiRepository(resolve(opts.catalog), new Date(), {
    ...(opts.adminEmail ? { adminEmail: opts.adminEmail } : {}),
    ...(opts.datacentreSymbol ? { datacentreSymbol: opts.datacentreSymbol } : {}),
    ...(opts.repositoryIdentifier ? { repositoryIdentifier: opts.repositoryIdentifier } : {}),
  });
}

const common = (c: Command): Command =>
  c
    .option('--catalog <dir>', 'the catalogue (public records only, as on the site)', 'catalog')
    .option('--admin-email <address>', 'Identify adminEmail (default webmaster@<repository identifier>)')
    .option('--datacentre-symbol <symbol>', 'DataCite repository symbol in oai_datacite records, e.g. NORDLYS.DATA')
    .option('--repository-identifier <domain>', 'oai-identifier repositoryIdentifier (default: the site host)');

export function register(program: Command): void {
  const oai = program.command('oai').description('OAI-PMH 2.0 for harvesters such as OpenAIRE and B2FIND');
  common(oai.command('serve'))
    .description('run a read-only OAI-PMH endpoint (GET and POST) over the public records')
    .option('--port <port>', 'port (0 picks a free one)', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--base-url <url>', 'public URL of the endpoint, when behind a proxy')
    .option('--page-size <n>', 'records per ListRecords/ListIdentifiers page', '100')
    .addHelpText(
      'after',
      `
Examples:
  $ shelfmark oai serve
  $ curl 'http://127.0.0.1:8080/oai?verb=ListRecords&metadataPrefix=oai_datacite&set=openaire_data'`,
    )
    .action(async (opts: CommonOpts & { port: string; host: string; baseUrl?: string; pageSize: string }) => {
      const port = Number(opts.port);
      const pageSize = Number(opts.pageSize);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`shelfmark oai serve: --port "${opts.port}" is not a port. Expected a whole number from 0 to 65535.\n`);
        process.exitCode = 2;
        return;
      }
      if (!Number.isInteger(pageSize) || pageSize < 1) {
        process.stderr.write(`shelfmark oai serve: --page-size "${opts.pageSize}" must be a whole number of at least 1.\n`);
        process.exitCode = 2;
        return;
      }
      const repo = await load(opts);
      if (!repo) return;
      const { startOaiServer } = await import('../../oai/server.ts');
      try {
        const server = await startOaiServer({ repo, host: opts.host, port, pageSize, ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}) });
        const deleted = repo.items.filter((i) => i.deleted).length;
        process.stdout.write(`OAI-PMH endpoint at ${server.url} (${repo.items.length - deleted} records, ${deleted} deleted; Ctrl+C to stop)\n`);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
        process.stderr.write(`shelfmark oai serve: port ${port} on ${opts.host} is in use. Pick another with --port, or --port 0 for any free one.\n`);
        process.exitCode = 2;
      }
    });
  common(oai.command('static'))
    .description('write the OAI-PMH static repository file (shelfmark build does this into dist/oai/)')
    .option('--out <file>', 'output file', 'dist/oai/static-repository.xml')
    .option('--file-url <url>', "the file's public URL (default <siteBaseUrl>oai/static-repository.xml)")
    .option('--gateway <url>', 'base URL of the Static Repository Gateway that serves the file')
    .action(async (opts: CommonOpts & { out: string; fileUrl?: string; gateway?: string }) => {
      const repo = await load(opts);
      if (!repo) return;
      const { readFile } = await import('node:fs/promises');
      const { join } = await import('node:path');
      const { absoluteUrl } = await import('../../core/routes.ts');
      const { writeStaticRepository, STATIC_REPOSITORY_PATH } = await import('../../oai/static-repository.ts');
      const config = JSON.parse(await readFile(join(opts.catalog, 'config.json'), 'utf8')) as { siteBaseUrl?: string };
      const fileUrl = opts.fileUrl ?? absoluteUrl(config.siteBaseUrl ?? 'http://localhost/', STATIC_REPOSITORY_PATH);
      const report = await writeStaticRepository(repo, opts.out, { fileUrl, ...(opts.gateway ? { gatewayUrl: opts.gateway } : {}) });
      for (const p of report.problems) process.stderr.write(`${p.identifier}: left out: ${p.message}\n`);
      process.stdout.write(`Wrote ${report.records} records (${(report.bytes / 1e6).toFixed(1)} MB) to ${report.file}\n`);
      if (report.problems.length > 0) process.exitCode = 1;
    });
}
