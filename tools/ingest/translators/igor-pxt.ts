/**
 * Igor packed experiment (`.pxt`, `.pxp`) as written by Scienta SES: a chain of
 * records (Igor Technical Note PTN003) whose wave records are SES waves. All
 * waves of the file form one measurement, one region per wave.
 */
import type { Translator, TranslatorResult } from '../measurement.ts';
import { TranslateError, guarded, readFileSafe } from './common.ts';
import { looksLikeWave5, packedEvidence, readPacked } from './igor-binary.ts';
import { wavesToMeasurement } from './igor-ibw.ts';

export const igorPxt: Translator = {
  id: 'igor-pxt',
  description: 'Igor packed experiment written by Scienta SES (.pxt, .pxp)',
  detect(head, fileName) {
    if (looksLikeWave5(head)) return false;
    const evidence = packedEvidence(head);
    return evidence === 'wave' || (evidence === 'records' && /\.px[tp]$/i.test(fileName));
  },
  read(path, content): Promise<TranslatorResult> {
    return guarded(path, 'an Igor packed experiment', async () => {
      const waves = readPacked(await readFileSafe(path, content));
      if (waves.length === 0) {
        throw new TranslateError(
          'the packed experiment holds no waves, so there is no measurement to catalogue.',
          'Save the experiment from SES again with the spectrum in it, or export the spectrum as text.',
        );
      }
      return { status: 'ok', file: path, measurements: [wavesToMeasurement(waves, path, 'igor-pxt')] };
    });
  },
};
