/** The error curves' series type (drawing is src/lib/charts; number lists are common/lists.ts). */

export interface CurveSeries {
  name: string;
  points: { x: number; share: number }[];
}
