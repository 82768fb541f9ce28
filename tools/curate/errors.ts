/** Errors of the curation commands: a stable `code` and a message that says what to do. */
export type CurateErrorCode =
  | 'E_CURATE_BAD_ID'
  | 'E_CURATE_NOT_FOUND'
  | 'E_CURATE_AMBIGUOUS'
  | 'E_CURATE_POINTER'
  | 'E_CURATE_BAD_ARGUMENT'
  | 'E_CURATE_NO_CHANGES'
  | 'E_CURATE_BRANCH';

export class CurateError extends Error {
  readonly code: CurateErrorCode;

  constructor(code: CurateErrorCode, message: string) {
    super(message);
    this.name = 'CurateError';
    this.code = code;
  }
}
