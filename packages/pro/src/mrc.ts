/**
 * The MRC trap: Danish practice records the MRC dyspnoea scale 1-5 (MedCom
 * MCS88021), GOLD uses mMRC 0-4. mMRC = MRC - 1, so GOLD's "mMRC >= 2" is
 * "MRC >= 3".
 *
 * @module
 */

import { KronikerpakkerError } from '@kronikerpakker/core';

/**
 * A grade of the Danish MRC dyspnoea scale (1-5).
 *
 * @example
 * ```ts
 * const grade: MrcGrade = 3;
 * ```
 */
export type MrcGrade = 1 | 2 | 3 | 4 | 5;

/**
 * A grade of GOLD's modified MRC scale (0-4).
 *
 * @example
 * ```ts
 * const grade: MmrcGrade = 2;
 * ```
 */
export type MmrcGrade = 0 | 1 | 2 | 3 | 4;

/**
 * Converts a Danish MRC grade (1-5) to GOLD's mMRC (0-4): mMRC = MRC - 1.
 *
 * @param mrc - an MRC grade, an integer 1-5
 * @returns the mMRC grade
 * @throws {@link @kronikerpakker/core!KronikerpakkerError} `INVALID_ARGUMENT` at `['mrc']` for anything but an integer 1-5
 * @example
 * ```ts
 * mrcToMmrc(3); // 2: GOLD's "mMRC >= 2" threshold
 * mrcToMmrc(1); // 0
 * ```
 */
export function mrcToMmrc(mrc: number): MmrcGrade {
  if (!Number.isInteger(mrc) || mrc < 1 || mrc > 5) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'MRC grade must be an integer from 1 to 5', { path: ['mrc'] });
  }
  return (mrc - 1) as MmrcGrade;
}

/**
 * Converts GOLD's mMRC (0-4) to the Danish MRC grade (1-5): MRC = mMRC + 1.
 *
 * @param mmrc - an mMRC grade, an integer 0-4
 * @returns the MRC grade
 * @throws {@link @kronikerpakker/core!KronikerpakkerError} `INVALID_ARGUMENT` at `['mmrc']` for anything but an integer 0-4
 * @example
 * ```ts
 * mmrcToMrc(2); // 3
 * ```
 */
export function mmrcToMrc(mmrc: number): MrcGrade {
  if (!Number.isInteger(mmrc) || mmrc < 0 || mmrc > 4) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'mMRC grade must be an integer from 0 to 4', { path: ['mmrc'] });
  }
  return (mmrc + 1) as MrcGrade;
}
