import type { IndexData } from "./index-data";

/**
 * IndexData as shipped: each token's documents, an ascending run, as gaps from the previous one, small numbers that JSON writes in a few digits and gzip packs well, and the
 * name weights, a handful of distinct values repeated over thousands of postings, as indexes into a table.
 * Decoding is a few linear passes: no tokenizing, no maps.
 */
export type CompactIndex = Omit<IndexData, "postingDocs" | "nameWeights"> & {
  postingDocGaps: number[];
  nameWeightValues: number[];
  nameWeightCodes: number[];
};

export function encodeIndex(data: IndexData): CompactIndex {
  const { postingDocs, nameWeights, ...rest } = data;
  const nameWeightValues = [...new Set(nameWeights)];
  const codes = new Map(nameWeightValues.map((value, code) => [value, code]));
  return {
    ...rest,
    postingDocGaps: toGaps(postingDocs, data.postingCounts),
    nameWeightValues,
    nameWeightCodes: nameWeights.map((value) => codes.get(value)!),
  };
}

export function decodeIndex(compact: CompactIndex): IndexData {
  const { postingDocGaps, nameWeightValues, nameWeightCodes, ...rest } = compact;
  return {
    ...rest,
    postingDocs: fromGaps(postingDocGaps, compact.postingCounts),
    nameWeights: nameWeightCodes.map((code) => nameWeightValues[code]!),
  };
}

/** Each value minus the one before it in its run; a run's first value stays as it is. */
function toGaps(values: number[], runLengths: number[]): number[] {
  const gaps = new Array<number>(values.length);
  let index = 0;
  for (const length of runLengths) {
    for (let i = 0; i < length; i++, index++) gaps[index] = values[index]! - (i === 0 ? 0 : values[index - 1]!);
  }
  return gaps;
}

function fromGaps(gaps: number[], runLengths: number[]): number[] {
  const values = new Array<number>(gaps.length);
  let index = 0;
  for (const length of runLengths) {
    for (let i = 0; i < length; i++, index++) values[index] = gaps[index]! + (i === 0 ? 0 : values[index - 1]!);
  }
  return values;
}
