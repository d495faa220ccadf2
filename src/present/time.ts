/** Short human times: "12 s ago", "3 min", "in 40 s"; and a duration between two instants. */
export function ago(fromMs: number, nowMs: number): string {
  const s = Math.max(0, Math.round((nowMs - fromMs) / 1000));
  if (s < 5) {
    return 'just now';
  }
  if (s < 60) {
    return `${s} s ago`;
  }
  const m = Math.round(s / 60);
  if (m < 60) {
    return `${m} min ago`;
  }
  const h = Math.round(m / 60);
  if (h < 48) {
    return `${h} h ago`;
  }
  return `${Math.round(h / 24)} days ago`;
}

export function inTime(atMs: number, nowMs: number): string {
  const s = Math.max(0, Math.round((atMs - nowMs) / 1000));
  if (s < 60) {
    return `in ${s} s`;
  }
  return `in ${Math.round(s / 60)} min`;
}

export function duration(fromMs: number, toMs: number): string {
  const s = Math.max(0, Math.round((toMs - fromMs) / 1000));
  if (s < 60) {
    return `${s} s`;
  }
  const m = Math.floor(s / 60);
  if (m < 60) {
    return `${m} min ${s % 60} s`;
  }
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);
