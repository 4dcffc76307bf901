// The server's view of the `basepair.*` settings, pushed by the client on start and on change.
export interface ServerSettings {
  fold: {
    /** Records up to this length are folded on hover (0 = never). */
    maxHoverLength: number;
    /** "Fold Sequences" skips longer records. */
    maxLength: number;
  };
  structure: {
    /** "Show structure" code lens above each record. */
    codeLens: boolean;
  };
}

export const DEFAULT_SETTINGS: ServerSettings = { fold: { maxHoverLength: 500, maxLength: 5000 }, structure: { codeLens: true } };

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
}

/** Reads the `basepair` section of a didChangeConfiguration payload; missing values keep their defaults. */
export function readSettings(section: unknown): ServerSettings {
  const s = (section ?? {}) as { fold?: { maxHoverLength?: unknown; maxLength?: unknown }; structure?: { codeLens?: unknown } };
  return {
    fold: {
      maxHoverLength: num(s.fold?.maxHoverLength, DEFAULT_SETTINGS.fold.maxHoverLength),
      maxLength: num(s.fold?.maxLength, DEFAULT_SETTINGS.fold.maxLength),
    },
    structure: {
      codeLens: typeof s.structure?.codeLens === 'boolean' ? s.structure.codeLens : DEFAULT_SETTINGS.structure.codeLens,
    },
  };
}
