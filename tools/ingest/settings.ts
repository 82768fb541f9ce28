/**
 * What ingestion needs from the catalogue: the config's ingest settings, the
 * metadata profiles and the instrument records (for analyser serials and
 * techniques). Read once per batch; every value has a documented default so a
 * fresh catalogue can ingest before anyone has tuned it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A metadata profile field (catalog/profiles/*.json, see schemas/README.md). */
export interface ProfileField {
  key: string;
  name: string;
  description?: string;
  required: boolean;
  dimension?: string;
  unit?: string;
  /** Allowed range; its unit is the display unit for a `dimension` field. */
  range?: { min?: number; max?: number; unit: string };
  /** Harvest keys (tools/ingest/measurement.ts) that fill this field, besides the key's last segment. */
  aliases?: string[];
}

export interface Profile {
  id: string;
  name: string;
  appliesTo?: { techniques?: string[]; instruments?: string[] };
  fields: ProfileField[];
}

export interface InstrumentInfo {
  id: string;
  name?: string;
  techniques?: { pid: string; name: string }[];
  analysers?: { model?: string; serial?: string }[];
}

/** The settings of one ingest run. */
export interface IngestSettings {
  pidPrefix: string;
  /** IANA zone that instrument clocks without offset are read in. */
  timeZone: string;
  defaultEmbargoYears: number;
  retentionYears: number;
  license?: string;
  instrumentBySerial: Record<string, string>;
  instrumentByName: Record<string, string>;
  /** Regex with a named group `proposal`, matched against the source path. */
  proposalPathPattern?: RegExp;
  defaultProposal?: string;
  profiles: Profile[];
  instruments: InstrumentInfo[];
}

/** A problem with the catalogue's own settings (not with an instrument file). */
export class SettingsError extends Error {
  readonly code = 'E_INGEST_SETTINGS';
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strMap = (v: unknown): Record<string, string> =>
  isObj(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};

/** Builds settings from a parsed config object plus profiles and instruments. Pure. */
export function settingsFromConfig(
  config: unknown,
  profiles: Profile[] = [],
  instruments: InstrumentInfo[] = [],
  file = 'catalog/config.json',
): IngestSettings {
  if (!isObj(config)) throw new SettingsError(`${file}: expected a JSON object, found ${typeof config}.`);
  const ingest = isObj(config.ingest) ? config.ingest : {};
  const pidPrefix = config.pidPrefix;
  if (typeof pidPrefix !== 'string' || !/^\d+(\.\d+)*$/.test(pidPrefix))
    throw new SettingsError(
      `${file} /pidPrefix: expected a handle or DOI prefix such as "20.500.12345", found ${JSON.stringify(pidPrefix)}. Set it before ingesting: every dataset pid starts with it.`,
    );
  let proposalPathPattern: RegExp | undefined;
  if (typeof ingest.proposalPathPattern === 'string') {
    try {
      proposalPathPattern = new RegExp(ingest.proposalPathPattern);
    } catch (err) {
      throw new SettingsError(
        `${file} /ingest/proposalPathPattern: not a valid regular expression (${(err as Error).message}). Expected e.g. "/data/(?<proposal>\\\\d{8})/".`,
      );
    }
    if (!/\(\?<proposal>/.test(ingest.proposalPathPattern))
      throw new SettingsError(`${file} /ingest/proposalPathPattern: expected a named group (?<proposal>…), found ${JSON.stringify(ingest.proposalPathPattern)}.`);
  }
  const license = typeof config.license === 'string' ? config.license : typeof config.defaultLicense === 'string' ? config.defaultLicense : undefined;
  return {
    pidPrefix,
    timeZone: typeof config.timeZone === 'string' ? config.timeZone : 'UTC',
    defaultEmbargoYears: typeof config.defaultEmbargoYears === 'number' ? config.defaultEmbargoYears : 3,
    retentionYears: typeof config.retentionYears === 'number' ? config.retentionYears : 7,
    ...(license ? { license } : {}),
    instrumentBySerial: strMap(ingest.instrumentBySerial),
    instrumentByName: strMap(ingest.instrumentByName),
    ...(proposalPathPattern ? { proposalPathPattern } : {}),
    ...(typeof ingest.defaultProposal === 'string' ? { defaultProposal: ingest.defaultProposal } : {}),
    profiles,
    instruments,
  };
}

async function readJsonDir<T>(dir: string): Promise<T[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: T[] = [];
  for (const n of names) {
    const path = join(dir, n);
    try {
      out.push(JSON.parse(await readFile(path, 'utf8')) as T);
    } catch (err) {
      throw new SettingsError(`${path}: not valid JSON (${(err as Error).message}). Run "shelfmark validate" to see where.`);
    }
  }
  return out;
}

/** Loads config, profiles and instruments from a catalogue root. */
export async function loadSettings(catalogRoot: string): Promise<IngestSettings> {
  const file = join(catalogRoot, 'config.json');
  let config: unknown;
  try {
    config = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new SettingsError(
      e.code === 'ENOENT'
        ? `${file}: no catalogue config here. Pass --catalog <folder> pointing at the catalogue root (the folder holding config.json).`
        : `${file}: not valid JSON (${e.message}).`,
    );
  }
  const profiles = (await readJsonDir<Profile>(join(catalogRoot, 'profiles'))).filter((p) => Array.isArray(p.fields));
  const instruments = await readJsonDir<InstrumentInfo>(join(catalogRoot, 'instruments'));
  return settingsFromConfig(config, profiles, instruments, file);
}
