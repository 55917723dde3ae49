/**
 * Whether the page behind a mention is dark or light, so that the card matches the page
 * (a dark page gets a dark card even when the system is light, and the other way round).
 * Null when the page does not say: the card then follows the system's colour scheme.
 */
export type Theme = 'light' | 'dark';

/** An opaque enough background decides; a faint one lets the one behind it show. */
const OPAQUE = 0.5;

function parseColor(value: string): [number, number, number, number] | null {
  const m = /rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/u.exec(value);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** Relative luminance (WCAG) of an sRGB colour. */
function luminance([r, g, b]: [number, number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function pageTheme(from: Element | null): Theme | null {
  for (let el = from; el; el = el.parentElement) {
    const color = parseColor(getComputedStyle(el).backgroundColor);
    if (color && color[3] >= OPAQUE) return luminance(color) < 0.18 ? 'dark' : 'light';
  }
  // No background anywhere: the canvas. A page that declares a dark scheme gets a dark
  // canvas when the system is dark; otherwise it is white.
  const scheme = getComputedStyle(document.documentElement).colorScheme;
  if (/\bdark\b/u.test(scheme) && matchMedia('(prefers-color-scheme: dark)').matches) return 'dark';
  return /\blight\b|\bdark\b/u.test(scheme) ? 'light' : null;
}
