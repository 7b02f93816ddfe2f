/**
 * CSS values the model needs: declarations, colours and font sizes, parsed simply and
 * leniently, since email CSS is hand-written and clients ignore what they do not understand.
 */

export interface Declaration {
  property: string;
  value: string;
  important: boolean;
}

/** Splits `a: b; c: d !important` on semicolons outside parentheses and quotes. */
export function parseDeclarations(text: string): Declaration[] {
  const declarations: Declaration[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) {
        quote = '';
      }
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '(') {
      depth++;
    } else if (char === ')') {
      depth = Math.max(0, depth - 1);
    } else if ((char === ';' && depth === 0) || i === text.length) {
      const declaration = parseDeclaration(text.slice(start, i));
      if (declaration) {
        declarations.push(declaration);
      }
      start = i + 1;
    }
  }
  return declarations;
}

function parseDeclaration(text: string): Declaration | undefined {
  const colon = text.indexOf(':');
  if (colon === -1) {
    return undefined;
  }
  const property = text.slice(0, colon).trim().toLowerCase();
  let value = text.slice(colon + 1).trim();
  const important = /!\s*important\s*$/i.test(value);
  if (important) {
    value = value.replace(/!\s*important\s*$/i, '').trim();
  }
  if (!property || !value) {
    return undefined;
  }
  return { property, value, important };
}

const NAMED_COLOURS: Record<string, string> = {
  black: '#000000', silver: '#c0c0c0', gray: '#808080', grey: '#808080', white: '#ffffff',
  maroon: '#800000', red: '#ff0000', purple: '#800080', fuchsia: '#ff00ff', magenta: '#ff00ff',
  green: '#008000', lime: '#00ff00', olive: '#808000', yellow: '#ffff00', navy: '#000080',
  blue: '#0000ff', teal: '#008080', aqua: '#00ffff', cyan: '#00ffff', orange: '#ffa500',
  lightgray: '#d3d3d3', lightgrey: '#d3d3d3', darkgray: '#a9a9a9', darkgrey: '#a9a9a9',
  dimgray: '#696969', dimgrey: '#696969', gainsboro: '#dcdcdc', whitesmoke: '#f5f5f5',
  lightslategray: '#778899', slategray: '#708090', darkslategray: '#2f4f4f',
  snow: '#fffafa', ivory: '#fffff0', beige: '#f5f5dc', linen: '#faf0e6', ghostwhite: '#f8f8ff',
  aliceblue: '#f0f8ff', lightblue: '#add8e6', skyblue: '#87ceeb', lightskyblue: '#87cefa',
  steelblue: '#4682b4', royalblue: '#4169e1', dodgerblue: '#1e90ff', darkblue: '#00008b',
  midnightblue: '#191970', cornflowerblue: '#6495ed', darkred: '#8b0000', firebrick: '#b22222',
  crimson: '#dc143c', tomato: '#ff6347', coral: '#ff7f50', salmon: '#fa8072', pink: '#ffc0cb',
  hotpink: '#ff69b4', gold: '#ffd700', khaki: '#f0e68c', lightyellow: '#ffffe0',
  darkgreen: '#006400', forestgreen: '#228b22', seagreen: '#2e8b57', lightgreen: '#90ee90',
  darkorange: '#ff8c00', brown: '#a52a2a', chocolate: '#d2691e', tan: '#d2b48c',
  violet: '#ee82ee', indigo: '#4b0082', lavender: '#e6e6fa', transparent: 'transparent',
};

/**
 * Normalises a colour to lower-case `#rrggbb`, or `transparent` when its alpha is zero.
 * Returns the value lower-cased as declared when it is not a colour this function parses,
 * and undefined for keywords that declare nothing (`inherit`, `initial`, `none`).
 */
export function normalizeColor(input: string): string | undefined {
  const value = input.trim().toLowerCase();
  if (!value || value === 'inherit' || value === 'initial' || value === 'unset' || value === 'none' || value === 'currentcolor') {
    return undefined;
  }
  const named = NAMED_COLOURS[value];
  if (named) {
    return named;
  }

  const hex = /^#([0-9a-f]{3,8})$/.exec(value);
  if (hex) {
    return normalizeHex(hex[1]) ?? value;
  }

  const functional = /^rgba?\(([^)]*)\)$/.exec(value);
  if (functional) {
    return normalizeRgb(functional[1]) ?? value;
  }
  return value;
}

function normalizeHex(digits: string): string | undefined {
  if (digits.length === 3 || digits.length === 4) {
    if (digits.length === 4 && digits[3] === '0') {
      return 'transparent';
    }
    return '#' + digits.slice(0, 3).split('').map((d) => d + d).join('');
  }
  if (digits.length === 6 || digits.length === 8) {
    if (digits.length === 8 && digits.slice(6) === '00') {
      return 'transparent';
    }
    return '#' + digits.slice(0, 6);
  }
  return undefined;
}

function normalizeRgb(argumentsText: string): string | undefined {
  const parts = argumentsText.split(/[\s,/]+/).filter((part) => part.length > 0);
  if (parts.length < 3) {
    return undefined;
  }
  if (parts.length >= 4) {
    const alpha = parts[3].endsWith('%') ? parseFloat(parts[3]) / 100 : parseFloat(parts[3]);
    if (alpha === 0) {
      return 'transparent';
    }
  }
  const channels = parts.slice(0, 3).map((part) => {
    const number = part.endsWith('%') ? (parseFloat(part) * 255) / 100 : parseFloat(part);
    return Number.isFinite(number) ? Math.round(Math.min(255, Math.max(0, number))) : NaN;
  });
  if (channels.some((channel) => Number.isNaN(channel))) {
    return undefined;
  }
  return '#' + channels.map((channel) => channel.toString(16).padStart(2, '0')).join('');
}

/** Returns the first colour in a `background` shorthand (`#fff url(x.png) no-repeat`). */
export function colorInBackground(value: string): string | undefined {
  const withoutUrls = value.replace(/url\([^)]*\)/gi, ' ');
  const tokens = withoutUrls.match(/rgba?\([^)]*\)|#[0-9a-f]{3,8}\b|[a-z]+/gi) ?? [];
  for (const token of tokens) {
    const lower = token.toLowerCase();
    if (lower.startsWith('#') || lower.startsWith('rgb') || NAMED_COLOURS[lower]) {
      return normalizeColor(lower);
    }
  }
  return undefined;
}

const KEYWORD_SIZES: Record<string, number> = {
  'xx-small': 9, 'x-small': 10, small: 13, medium: 16, large: 18, 'x-large': 24, 'xx-large': 32,
};

/** `<font size=1..7>` in CSS pixels, as browsers map them. */
const FONT_ELEMENT_SIZES = [10, 13, 16, 18, 24, 32, 48];

/**
 * Converts a font size to CSS pixels: px, pt (96/72), em and % against the parent, rem against
 * 16px. Returns undefined when the value is not a size.
 */
export function parseFontSize(input: string, parentPx: number): number | undefined {
  const value = input.trim().toLowerCase();
  const keyword = KEYWORD_SIZES[value];
  if (keyword !== undefined) {
    return keyword;
  }
  const match = /^(-?\d*\.?\d+)\s*(px|pt|em|rem|%)?$/.exec(value);
  if (!match) {
    return undefined;
  }
  const number = parseFloat(match[1]);
  switch (match[2]) {
    case 'pt':
      return (number * 96) / 72;
    case 'em':
      return number * parentPx;
    case 'rem':
      return number * 16;
    case '%':
      return (number * parentPx) / 100;
    default:
      return number;
  }
}

export function fontElementSize(sizeAttribute: string): number | undefined {
  const value = sizeAttribute.trim();
  const relative = /^[+-]/.test(value);
  const number = parseInt(value, 10);
  if (Number.isNaN(number)) {
    return undefined;
  }
  const index = Math.min(7, Math.max(1, relative ? 3 + number : number)) - 1;
  return FONT_ELEMENT_SIZES[index];
}

/** True for a length that is zero in any unit (`0`, `0px`, `0%`, `0.0em`). */
export function isZeroLength(value: string): boolean {
  const match = /^-?([\d.]+)\s*(?:px|pt|em|rem|%|vh|vw)?$/i.exec(value.trim());
  return match !== null && parseFloat(match[1]) === 0;
}
