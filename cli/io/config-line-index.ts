/** Maps offsets in a text to 1-based lines and columns (binary search over line starts). */
export interface LineIndex {
  locate(offset: number): [line: number, column: number];
}

export function createLineIndex(source: string): LineIndex {
  let starts: number[] | undefined;
  return {
    locate(offset) {
      if (!starts) {
        starts = [0];
        for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) starts.push(index + 1);
      }
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((starts[middle] as number) <= offset) low = middle;
        else high = middle - 1;
      }
      return [low + 1, offset - (starts[low] as number) + 1];
    },
  };
}
