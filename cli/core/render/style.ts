/** ANSI styling that renders as plain text when colour is off. */
export interface Style {
  isColor: boolean;
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
  cyan(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export function createStyle(isColor: boolean): Style {
  if (!isColor) return { isColor, bold: plain, dim: plain, green: plain, yellow: plain, red: plain, cyan: plain };
  return { isColor, bold: wrap(1, 22), dim: wrap(2, 22), green: wrap(32, 39), yellow: wrap(33, 39), red: wrap(31, 39), cyan: wrap(36, 39) };
}
