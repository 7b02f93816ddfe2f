/**
 * WCAG 2.x relative luminance and contrast ratio for `#rrggbb` colours.
 * Returns undefined when either colour is not in that form.
 */
export function contrastRatio(foreground: string | undefined, background: string | undefined): number | undefined {
  const fg = luminance(foreground);
  const bg = luminance(background);
  if (fg === undefined || bg === undefined) {
    return undefined;
  }
  const [light, dark] = fg > bg ? [fg, bg] : [bg, fg];
  return (light + 0.05) / (dark + 0.05);
}

function luminance(colour: string | undefined): number | undefined {
  const match = colour ? /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour) : null;
  if (!match) {
    return undefined;
  }
  const [r, g, b] = match.slice(1).map((hex) => {
    const channel = parseInt(hex, 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
