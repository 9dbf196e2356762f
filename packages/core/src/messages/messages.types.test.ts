/**
 * Compile-time checks of the typed message API. `pnpm typecheck` fails if a
 * `@ts-expect-error` line below stops being an error; vitest also runs the
 * calls, which the run-time checks reject.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineCatalogue } from './catalogue';
import {
  errorMessageCode,
  formatIsoDate,
  formatMessage,
  formatNumber,
  messages,
  recordIssueMessageCode,
  redFlagCategoryLabel,
} from './index';
import type { ErrorMessageCode, MessageCode, MessageParams, RecordIssueMessageCode } from './index';

describe('typed messages', () => {
  it('infers each code’s parameters', () => {
    expectTypeOf<MessageParams<'inclusion.age.below'>>().toEqualTypeOf<{ readonly minAge: number }>();
    expectTypeOf<MessageParams<'inclusion.lrs.duration.short'>>().toEqualTypeOf<{
      readonly weeks: number;
      readonly minWeeks: number;
    }>();
    expectTypeOf<MessageParams<'inclusion.lrs.red-flag'>>().toEqualTypeOf<{
      readonly category:
        | 'cauda-equina'
        | 'malignancy'
        | 'infection'
        | 'fracture'
        | 'inflammatory'
        | 'neurological-deficit';
    }>();
    expectTypeOf<MessageParams<'record.issue.required'>>().toEqualTypeOf<{ readonly path: string }>();
    expectTypeOf(messages['inclusion.age.below'].da).parameter(0).toEqualTypeOf<{ readonly minAge: number }>();
  });

  it('maps record issue and error codes to typed message codes', () => {
    expectTypeOf(recordIssueMessageCode('required')).toEqualTypeOf<'record.issue.required'>();
    expectTypeOf(errorMessageCode('INTERNAL')).toEqualTypeOf<'error.INTERNAL'>();
    expectTypeOf<RecordIssueMessageCode>().toExtend<MessageCode>();
    expectTypeOf<ErrorMessageCode>().toExtend<MessageCode>();
    // A union of codes needs params that satisfy all of them.
    expectTypeOf<MessageParams<RecordIssueMessageCode>>().toEqualTypeOf<{ readonly path: string }>();
  });

  it('rejects wrong parameters, codes and locales at compile time', () => {
    const attempts: (() => unknown)[] = [
      // @ts-expect-error: minAge must be a number
      () => formatMessage('inclusion.age.below', { minAge: '30' }, 'da'),
      // @ts-expect-error: minAge is missing
      () => formatMessage('inclusion.age.below', {}, 'da'),
      // @ts-expect-error: minWeeks is missing
      () => formatMessage('inclusion.lrs.duration.short', { weeks: 8 }, 'da'),
      // @ts-expect-error: not a red-flag category
      () => formatMessage('inclusion.lrs.red-flag', { category: 'headache' }, 'da'),
      // @ts-expect-error: the date is a YYYY-MM-DD string, not a Date
      () => formatMessage('inclusion.excluded.declined', { date: new Date() }, 'da'),
      // @ts-expect-error: params belong to another message
      () => formatMessage('inclusion.kol.spirometry.confirms', { minAge: 30 }, 'da'),
      // @ts-expect-error: unknown code
      () => formatMessage('inclusion.kol.age.unknown', {}, 'da'),
      // @ts-expect-error: unsupported locale
      () => formatMessage('synthetic.record', {}, 'de'),
      // @ts-expect-error: a union of codes needs the params of every member
      () => formatMessage((['inclusion.age.below', 'synthetic.record'] as const)[0 as 0 | 1], {}, 'da'),
      // @ts-expect-error: not a record issue code
      () => recordIssueMessageCode('missing'),
      // @ts-expect-error: not an error code
      () => errorMessageCode('NOT_FOUND'),
      // @ts-expect-error: unsupported locale
      () => formatNumber(0.7, 'de', 2),
      // @ts-expect-error: unsupported locale
      () => formatIsoDate('2027-01-15', 'sv'),
      // @ts-expect-error: not a red-flag category
      () => redFlagCategoryLabel('headache', 'da'),
    ];
    for (const attempt of attempts) expect(attempt).toThrow();
  });

  it('rejects a renderer that uses a parameter it does not declare', () => {
    const catalogue = defineCatalogue({
      'test.message': {
        params: { minAge: 'integer' },
        da: (p) => `Patienten er under ${p.minAge} år.`,
        // @ts-expect-error: `weeks` is not a parameter of this message
        en: (p) => p.weeks, // eslint-disable-line @typescript-eslint/no-unsafe-return
      },
    });
    expect(catalogue['test.message'].da({ minAge: 3 })).toBe('Patienten er under 3 år.');
  });

  it('accepts correct calls', () => {
    expect(formatMessage('inclusion.age.below', { minAge: 30 }, 'da')).toBe('Patienten er under 30 år.');
    const code: RecordIssueMessageCode = recordIssueMessageCode('unknown-field');
    expect(formatMessage(code, { path: 'extra' }, 'en')).toBe('The field extra is unknown. Unknown fields are not allowed.');
  });
});
