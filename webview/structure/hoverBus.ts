// Links the three views: whichever view is hovered publishes the base (and, for a dot-plot cell,
// the second base); every view draws the highlight and the toolbar shows the words for it.
export interface Hover {
  /** hovered base, 0-based */
  k: number;
  /** the other base of a hovered dot-plot cell; else the views use k's partner */
  other?: number;
  /** which view the hover comes from */
  source: 'dotPlot' | 'arcs' | 'drawing';
}

export class HoverBus {
  private readonly listeners: ((h: Hover | null) => void)[] = [];
  private current: Hover | null = null;

  get value(): Hover | null {
    return this.current;
  }

  subscribe(cb: (h: Hover | null) => void): void {
    this.listeners.push(cb);
  }

  publish(h: Hover | null): void {
    if (h === this.current || (h && this.current && h.k === this.current.k && h.other === this.current.other && h.source === this.current.source)) return;
    this.current = h;
    for (const cb of this.listeners) cb(h);
  }
}
