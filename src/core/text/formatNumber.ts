// Number formatting with thousands separators ("12,345", "1,234.5"), without Intl: toLocaleString
// is slow enough to matter when labelling 30,000 outline symbols.
export function formatCount(n: number): string {
  const [int, frac] = String(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}
