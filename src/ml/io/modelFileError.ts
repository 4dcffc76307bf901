// The one error of model loading/saving: names the file at fault (model.json, weights.bin, card.json or
// the directory) so that the CLI and the editor can show it as is.
export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
  constructor(
    /** The file (or directory) at fault. */
    readonly file: string,
    /** What is wrong, without the file name. */
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}
