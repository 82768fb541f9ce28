/**
 * The neutral result of reading one instrument file, before it becomes a dataset
 * record. Each translator (one per source format) turns one file into one
 * TranslatorResult; the ingest pipeline groups measurements, applies the
 * technique's metadata profile and writes records. Keys in `metadata` are the
 * canonical harvest keys below; the profile decides which are kept and how they
 * are named.
 */

/** A harvested value with its unit, as found in the file (unit strings parse with mathjs). */
export interface HarvestedQuantity {
  value: number | string | boolean | number[] | string[];
  unit?: string;
}

/** One region (SES, Prodigy) or NXentry/NXdata (NeXus) of a measurement. */
export interface Region {
  name: string;
  /** Canonical keys, e.g. excitation_energy, pass_energy, lens_mode, acquisition_mode,
   * energy_scale, energy_start, energy_end, energy_step, dwell_time, sweeps, points.
   * Translators also emit: center_energy, energy_range_scale (SES "Energy Unit": which scale
   * energy_start/end are on), kinetic_energy, binding_energy, work_function, analyser_slit,
   * detector_first/last_x/y_channel, slices, dimensions, spectrum_id, analysis_method, source,
   * bias_voltage, detector_voltage, wavelength, count_time, detector, software, software_version,
   * and, for keys a format does not define, the snake_cased key as written (e.g. mono_energy). */
  metadata: Record<string, HarvestedQuantity>;
  /** A 1-D spectrum for the quick-look plot, when the file has one. */
  spectrum?: Spectrum;
}

/** A 1-D spectrum: what the quick-look plot (quicklook.ts) draws, and nothing else reads. */
export interface Spectrum {
  x: number[];
  y: number[];
  xLabel: string;
  xUnit: string;
  yLabel: string;
  /**
   * The plot already drawn from x and y, without its title (quicklook.ts `renderPlot`).
   * A read worker draws it and sends empty x and y instead of the arrays, the bulk of a
   * result that only the plot needs; ingest then adds the dataset's title.
   */
  plot?: string;
}

export interface Measurement {
  /** Translator id, e.g. `ses-txt`, `igor-ibw`, `igor-pxt`, `prodigy-xy`, `specslab-xml`, `vamas`, `nexus`. */
  format: string;
  /** Files that make up this measurement (absolute paths); the first is the primary one. */
  files: string[];
  /** A key that is the same for all files of one measurement (e.g. SES base name), for grouping. */
  groupKey: string;
  /**
   * Added for the NeXus translator (backwards compatible, optional): `part` marks a
   * measurement that only contributes its files to the group with the same groupKey
   * (a NeXus data file `<master>_000001.h5` read on its own: no metadata, no regions);
   * `primary` (or absent) is a measurement that describes itself. When merging a
   * group, take the fields of a non-`part` measurement first.
   */
  role?: 'primary' | 'part';
  title?: string;
  /** Start time as written in the file, and its ISO 8601 reading (no offset when the file gives none). */
  startTimeRaw?: string;
  startTime?: string;
  endTimeRaw?: string;
  endTime?: string;
  sample?: string;
  user?: string;
  /** Instrument hints: analyser model and serial, NeXus instrument/source names, beamline. */
  analyser?: { model?: string; serial?: string };
  instrumentName?: string;
  facility?: string;
  beamline?: string;
  /** NeXus application definition, e.g. NXarpes. */
  definition?: string;
  /** Technique guess as a PaNET id (e.g. PaNET01196 for XPS), with its name. */
  technique?: { pid: string; name: string };
  /** Measurement-level canonical metadata (excitation energy, analyser settings common to all regions…). */
  metadata: Record<string, HarvestedQuantity>;
  regions: Region[];
  /** Non-fatal problems: missing external link targets, unreadable fields. */
  warnings: string[];
}

export type TranslatorResult =
  | { status: 'ok'; file: string; measurements: Measurement[] }
  | { status: 'skipped'; file: string; reason: string }
  | { status: 'error'; file: string; message: string; fix?: string };

export interface Translator {
  id: string;
  /** Formats this translator reads, for messages: "Scienta SES text export (.txt)". */
  description: string;
  /** True when the content (first bytes) and name look like this format. Content wins over extension. */
  detect(head: Uint8Array, fileName: string): boolean;
  /**
   * Reads one file. Never throws for bad input: returns an error result. `content` is the
   * file's bytes when the caller has read them already (ingest reads and hashes each file
   * once, so the manifest's SHA-256 is of the very bytes translated); translators that read
   * the file in their own way (HDF5) may ignore it.
   */
  read(path: string, content?: Uint8Array): Promise<TranslatorResult>;
}
