// Number formatting: thousands separators ("12,345", "1,234.5") without Intl (toLocaleString is
// slow enough to matter when labelling 30,000 outline symbols), and model outputs in tables.
export function formatCount(n: number): string {
  const [int, frac] = String(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/**
 * A model output for a table: `digits` significant digits, no trailing zeros (0.37260955057171735
 * -> "0.37261", 12.5 -> "12.5"). Float32 networks carry about 7 digits; the rest of a double's digits are noise.
 */
export function formatSignificant(x: number, digits = 6): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(digits))) : String(x);
}
