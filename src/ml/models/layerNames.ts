// Deterministic layer names (prefix + kind + running number): the same builder called twice with the
// same prefix names its layers identically, which is how ensemble members' weights are matched to the
// combined model that is saved (see ensembleModel.ts).
export class LayerNames {
  private count = 0;
  constructor(readonly prefix: string) {}
  next(kind: string): string {
    return `${this.prefix}${kind}_${this.count++}`;
  }
}
