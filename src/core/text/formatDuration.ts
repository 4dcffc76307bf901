// Durations for people: "40 s", "3 min", "1 h 5 min"; and a remaining-time range such as
// "2-6 min left" (the CLI's and the training panel's progress lines).

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 120) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 120) return `${min} min`;
  return `${Math.floor(min / 60)} h ${min % 60} min`;
}

/** "about 40 s left", "40-190 s left", "2-6 min left" (one unit when both ends share it). */
export function formatRemaining(minSeconds: number, maxSeconds: number): string {
  const lo = formatDuration(minSeconds);
  const hi = formatDuration(Math.max(minSeconds, maxSeconds));
  if (lo === hi) return `about ${hi} left`;
  const unit = (t: string) => t.replace(/^[\d ]+/, '');
  const same = unit(lo) === unit(hi) && !lo.includes('h');
  return `${same ? lo.replace(/ \S+$/, '') : lo}-${hi} left`;
}
