// The regressor architectures a user can pick (`--arch`, the train command's quick pick, model cards):
// the one list every layer reads.
export const ARCHITECTURES = ['default', 'seed-cnn', 'sequence-only'] as const;
export type ArchitectureName = (typeof ARCHITECTURES)[number];

export function isArchitectureName(name: string): name is ArchitectureName {
  return (ARCHITECTURES as readonly string[]).includes(name);
}

/** Where a regressor's structures come from: given in the data, MFE, or base-pair probabilities ('auto' picks). */
export type StructureMode = 'auto' | 'given' | 'mfe' | 'bpp';
