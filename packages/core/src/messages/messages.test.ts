import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, KronikerpakkerError } from '../errors/errors';
import type { ErrorCode, RecordIssueCode } from '../errors/errors';
import { RED_FLAG_CATEGORIES } from '../record/vocabulary';
import {
  DEFAULT_LOCALE,
  LOCALES,
  errorMessageCode,
  formatIsoDate,
  formatMessage,
  formatNumber,
  formatRecordIssue,
  isLocale,
  isMessageCode,
  isRedFlagCategory,
  messageCodes,
  messages,
  recordIssueMessageCode,
  redFlagCategoryLabel,
} from './index';
import type { Locale, MessageCode, MessageParams } from './index';

/** One sample per code. Typed: a new code without a sample fails `pnpm typecheck`. */
const SAMPLES: { readonly [C in MessageCode]: MessageParams<C> } = {
  'record.issue.required': { path: 'spirometry[0].fev1L' },
  'record.issue.invalid-type': { path: 'spirometry[0].fev1L' },
  'record.issue.invalid-format': { path: 'diagnoses[2].date' },
  'record.issue.invalid-date': { path: 'diagnoses[2].date' },
  'record.issue.future-date': { path: 'diagnoses[2].date' },
  'record.issue.out-of-range': { path: 'mrc[0].grade' },
  'record.issue.invalid-value': { path: 'diagnoses[2].code' },
  'record.issue.unknown-field': { path: 'extra' },
  'record.issue.inconsistent': { path: 'spirometry[0].fev1L' },
  'record.issue.replacement-number': { path: 'patient.cpr' },
  'error.INVALID_RECORD': {},
  'error.INVALID_RULE_PACK': {},
  'error.INVALID_ARGUMENT': {},
  'error.INVALID_CPR': {},
  'error.INTERNAL': {},
  'cpr.mod11.invalid': {},
  'cpr.replacement-number': {},
  'synthetic.record': {},
  'provisional.rule': { ruleSet: 'lrs-2027' },
  'inclusion.kol.diagnosis.present': {},
  'inclusion.kol.diagnosis.absent': {},
  'inclusion.kol.spirometry.confirms': { ratio: 0.62 },
  'inclusion.kol.spirometry.contradicts': { ratio: 0.78 },
  'inclusion.kol.spirometry.missing': {},
  'inclusion.age.below': { minAge: 40 },
  'inclusion.excluded.hospital': {},
  'inclusion.excluded.declined': { date: '2027-01-15' },
  'inclusion.excluded.deceased': {},
  'inclusion.excluded.not-listed': {},
  'inclusion.lrs.duration.met': { weeks: 14 },
  'inclusion.lrs.duration.short': { weeks: 8, minWeeks: 12 },
  'inclusion.lrs.recurrent': { episodes: 3 },
  'inclusion.lrs.red-flag': { category: 'cauda-equina' },
  'inclusion.age.met': { minAge: 30 },
  'inclusion.kol.spirometry.unconfirmed': {},
  'inclusion.excluded.declined.revisitable': { date: '2026-03-02' },
  'inclusion.lrs.diagnosis.present': {},
  'inclusion.lrs.diagnosis.absent': {},
  'inclusion.lrs.persistence.not-met': { weeks: 8, minWeeks: 12, episodes: 1, minEpisodes: 2, months: 12 },
  'inclusion.lrs.persistence.unknown': {},
  'differentiation.summary.determined': { level: 2 },
  'differentiation.summary.undetermined': { level: 1, maximum: 3 },
  'differentiation.clinician.differs': { decided: 3, suggested: 2 },
  'differentiation.reassessment.aarsstatus': { date: '2027-01-10' },
  'differentiation.reassessment.after-admission': { date: '2026-11-02' },
  'differentiation.reassessment.severity-changed': {},
  'differentiation.kol.gold-group-e': {},
  'differentiation.kol.gold-grade-4': {},
  'differentiation.kol.gold-group-b': {},
  'differentiation.kol.gold-grade-3': {},
  'differentiation.lrs.start-back-high': {},
  'differentiation.lrs.start-back-medium': {},
  'differentiation.lrs.odi-severe': { value: 42.22 },
  'differentiation.factor.multimorbidity': { value: 2 },
  'differentiation.factor.mental-health-diagnosis': {},
  'differentiation.factor.mental-health-screen': {},
  'differentiation.factor.health-literacy': { value: 4 },
  'differentiation.factor.lives-alone': {},
  'differentiation.factor.caregiver-burden': {},
  'differentiation.factor.language-barrier': {},
  'differentiation.factor.substance-abuse': {},
  'differentiation.factor.self-management-partial': {},
  'differentiation.factor.self-management-poor': {},
  'differentiation.factor.sick-leave': { value: 6 },
  'differentiation.factor.job-at-risk': {},
  'differentiation.clinician.complex-course': {},
  'differentiation.level.1': {},
  'differentiation.level.2': {},
  'differentiation.level.3': {},
  'differentiation.aarsstatus.every': { months: 12 },
  'differentiation.follow-up.none': {},
  'differentiation.follow-up.every': { months: 6 },
  'differentiation.pro-before.aarsstatus': {},
  'differentiation.pro-before.aarsstatus-and-follow-up': {},
  'differentiation.offer.kol.self-management-plan': {},
  'differentiation.offer.kol.smoking-cessation': {},
  'differentiation.offer.kol.municipal-rehabilitation': {},
  'differentiation.offer.kol.specialist-assessment': {},
  'differentiation.offer.coordinator': {},
  'differentiation.offer.lrs.advice': {},
  'differentiation.offer.lrs.self-management-material': {},
  'differentiation.offer.lrs.supervised-exercise': {},
  'differentiation.offer.lrs.psychologically-informed-physiotherapy': {},
  'differentiation.offer.lrs.multidisciplinary-assessment': {},
  'missing.needs-assessment': {},
  'missing.start-back': {},
  'missing.odi': {},
  'missing.sils': {},
  'care.kol.aarsstatus.overdue': { date: '2027-03-31' },
  'care.kol.aarsstatus.due': { date: '2027-03-31' },
  'care.kol.aarsstatus.none': { date: '2027-01-15' },
  'care.kol.follow-up.overdue': { date: '2027-03-31' },
  'care.kol.follow-up.due': { date: '2027-03-31' },
  'care.kol.spirometry.due': {},
  'care.kol.mrc.missing': {},
  'care.kol.cat.missing': {},
  'care.kol.smoking-cessation': {},
  'care.kol.influenza-vaccination': {},
  'care.kol.pneumococcal-vaccination': {},
  'care.kol.exacerbations.review': {},
  'care.kol.rehabilitation': {},
  'care.kol.inhaler-technique': {},
  'care.kol.dxa': {},
  'care.kol.pro.cat-before-aarsstatus': { date: '2027-03-31' },
  'care.kol.level.reassessment': {},
  'care.lrs.red-flag.open': {},
  'care.lrs.risk-factors.consider-assessment': {},
  'care.lrs.risk-factor.noted': {},
  'care.lrs.self-management': {},
  'care.lrs.start-back.missing': {},
  'care.lrs.red-flag-review.missing': {},
  'care.lrs.sick-leave': {},
  'care.lrs.physiotherapy': {},
  'care.lrs.psychologically-informed-care': {},
  'care.lrs.follow-up.overdue': { date: '2027-03-31' },
  'care.lrs.follow-up.due': { date: '2027-03-31' },
  'care.lrs.pro.due': {},
  'care.lrs.imaging.without-red-flag': {},
  'care.dq.fev1-percent-implausible': {},
  'care.dq.fev1-percent-as-fraction': {},
  'care.dq.bmi-implausible': {},
  'care.dq.ratio-mismatch': {},
  'care.dq.kol-without-spirometry': {},
  'care.dq.spirometry-contradicts-kol': {},
  'care.dq.spirometry-disagrees': {},
  'care.dq.cpr-sex-mismatch': {},
  'care.dq.cpr-birth-date-mismatch': {},
  'care.dq.duplicate-entries': {},
  'missing.post-bronchodilator-spirometry': {},
  'missing.fev1-percent-predicted': {},
  'missing.back-pain-episode-onset': {},
  'missing.mrc': {},
  'missing.cat': {},
};

function render(code: MessageCode, locale: Locale): string {
  // The samples table pairs each code with its own params.
  return formatMessage(code, SAMPLES[code] as never, locale);
}

function catchError(fn: () => unknown): KronikerpakkerError {
  try {
    fn();
  } catch (err) {
    if (KronikerpakkerError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a KronikerpakkerError');
}

const RECORD_ISSUE_CODES: readonly RecordIssueCode[] = [
  'required',
  'invalid-type',
  'invalid-format',
  'invalid-date',
  'future-date',
  'out-of-range',
  'invalid-value',
  'unknown-field',
  'inconsistent',
  'replacement-number',
];

describe('locales', () => {
  it('lists Danish first and defaults to Danish', () => {
    expect(LOCALES).toEqual(['da', 'en']);
    expect(DEFAULT_LOCALE).toBe('da');
    expect(isLocale('da')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('de')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});

describe('catalogue', () => {
  it('lists every code once, and only catalogue codes', () => {
    const codes = messageCodes();
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(Object.keys(SAMPLES).sort());
    for (const code of codes) expect(isMessageCode(code)).toBe(true);
    expect(isMessageCode('cpr.unknown')).toBe(false);
    expect(isMessageCode('toString')).toBe(false);
    expect(isMessageCode('__proto__')).toBe(false);
  });

  it('includes the required codes', () => {
    for (const code of [
      'cpr.mod11.invalid',
      'cpr.replacement-number',
      'synthetic.record',
      'provisional.rule',
      'inclusion.lrs.red-flag',
    ]) {
      expect(isMessageCode(code)).toBe(true);
    }
  });

  it('is frozen data that can be read directly', () => {
    expect(Object.isFrozen(messages)).toBe(true);
    expect(Object.isFrozen(messages['inclusion.age.below'])).toBe(true);
    expect(Object.isFrozen(messages['inclusion.age.below'].params)).toBe(true);
    expect(Object.isFrozen(messageCodes())).toBe(true);
    expect(messages['inclusion.age.below'].params).toEqual({ minAge: 'integer' });
    expect(messages['inclusion.age.below'].da({ minAge: 40 })).toBe('Patienten er under 40 år.');
  });

  it.each(messageCodes())('%s renders non-empty, distinct text in both locales', (code) => {
    const da = render(code, 'da');
    const en = render(code, 'en');
    for (const text of [da, en]) {
      expect(text.trim()).not.toBe('');
      expect(text).toBe(text.trim());
      expect(text).toMatch(/^[A-ZÆØÅ]/u);
      expect(text).not.toMatch(/undefined|NaN|\[object|Infinity|\s{2}/u);
    }
    // Catches a Danish text copied into the English slot or the other way round.
    expect(da).not.toBe(en);
  });

  it('defaults to Danish', () => {
    expect(formatMessage('synthetic.record', {})).toBe('Syntetiske data – ikke en rigtig patient');
  });
});

describe('texts', () => {
  it('writes the agreed wordings', () => {
    expect(formatMessage('synthetic.record', {}, 'da')).toBe('Syntetiske data – ikke en rigtig patient');
    expect(formatMessage('synthetic.record', {}, 'en')).toBe('Synthetic data – not a real patient');
    expect(formatMessage('provisional.rule', { ruleSet: 'lrs-2027' }, 'da')).toBe(
      'Foreløbig regel: lrs-2027 er ikke fastlagt nationalt endnu.',
    );
    expect(formatMessage('inclusion.age.below', { minAge: 40 }, 'da')).toBe('Patienten er under 40 år.');
    expect(formatMessage('inclusion.excluded.declined', { date: '2027-01-15' }, 'da')).toBe(
      'Patienten takkede nej til pakken den 15. januar 2027.',
    );
    expect(formatMessage('inclusion.excluded.declined', { date: '2027-01-15' }, 'en')).toBe(
      'The patient declined the package on 15 January 2027.',
    );
  });

  it('explains that a failed modulus 11 check is not an error', () => {
    const da = formatMessage('cpr.mod11.invalid', {}, 'da');
    expect(da).toContain('1. oktober 2007');
    expect(da).toContain('ikke en fejl');
    expect(formatMessage('cpr.mod11.invalid', {}, 'en')).toContain('not an error');
  });

  it('writes ratios with the locale decimal separator', () => {
    expect(formatMessage('inclusion.kol.spirometry.confirms', { ratio: 0.62 }, 'da')).toBe(
      'Spirometrien bekræfter KOL-diagnosen: FEV1/FVC er 0,62.',
    );
    expect(formatMessage('inclusion.kol.spirometry.confirms', { ratio: 0.62 }, 'en')).toBe(
      'Spirometry confirms the COPD diagnosis: FEV1/FVC is 0.62.',
    );
    expect(formatMessage('inclusion.kol.spirometry.contradicts', { ratio: 0.7 }, 'da')).toContain('0,70');
  });

  it('never shows a ratio below 0.70 as 0,70', () => {
    expect(formatMessage('inclusion.kol.spirometry.confirms', { ratio: 0.6999 }, 'da')).toContain('0,69.');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2, noNaN: true }), (r) => {
        const text = formatMessage('inclusion.kol.spirometry.confirms', { ratio: r }, 'en');
        const shown = Number(/FEV1\/FVC is (\d+\.\d\d)\./u.exec(text)?.[1]);
        return r < 0.7 ? shown < 0.7 : shown >= 0.7;
      }),
    );
  });

  it('never shows a duration on the wrong side of the minimum', () => {
    expect(formatMessage('inclusion.lrs.duration.short', { weeks: 11.9, minWeeks: 12 }, 'da')).toBe(
      'Lænderygsmerterne har varet i 11 uger. Pakken kræver mindst 12 uger.',
    );
  });

  it('names both ways of meeting the LRS persistence criterion when neither is met', () => {
    const params = { weeks: 8.6, minWeeks: 12, episodes: 1, minEpisodes: 2, months: 12 };
    expect(formatMessage('inclusion.lrs.persistence.not-met', params, 'da')).toBe(
      'Lænderygsmerterne har varet i 8 uger, og der er 1 episode inden for de seneste 12 måneder. Pakken kræver mindst 12 uger eller mindst 2 episoder inden for 12 måneder.',
    );
    expect(formatMessage('inclusion.lrs.persistence.not-met', params, 'en')).toBe(
      'The low back pain has lasted 8 weeks, with 1 episode in the last 12 months. The package requires at least 12 weeks, or at least 2 episodes within 12 months.',
    );
    expect(formatMessage('inclusion.lrs.persistence.not-met', { ...params, episodes: 0, months: 1 }, 'da')).toContain(
      '0 episoder inden for den seneste måned. Pakken kræver mindst 12 uger eller mindst 2 episoder inden for 1 måned.',
    );
  });

  it('says that a declined package can be revisited', () => {
    expect(formatMessage('inclusion.excluded.declined.revisitable', { date: '2026-03-02' }, 'da')).toBe(
      'Patienten fravalgte pakken den 2. marts 2026. Beslutningen kan tages op igen, hvis patienten ønsker det.',
    );
    expect(formatMessage('inclusion.excluded.declined.revisitable', { date: '2026-03-02' }, 'en')).toContain('can be revisited');
  });

  it('uses singular and plural', () => {
    expect(formatMessage('inclusion.lrs.duration.met', { weeks: 1 }, 'da')).toContain('1 uge.');
    expect(formatMessage('inclusion.lrs.duration.met', { weeks: 1 }, 'en')).toContain('1 week.');
    expect(formatMessage('inclusion.lrs.duration.met', { weeks: 14 }, 'da')).toContain('14 uger.');
    expect(formatMessage('inclusion.lrs.recurrent', { episodes: 1 }, 'da')).toContain('1 episode.');
    expect(formatMessage('inclusion.lrs.recurrent', { episodes: 3 }, 'da')).toContain('3 episoder.');
    expect(formatMessage('inclusion.lrs.recurrent', { episodes: 3 }, 'en')).toContain('3 episodes.');
  });

  it.each(RED_FLAG_CATEGORIES)('red flag %s reads as an urgent action', (category) => {
    const da = formatMessage('inclusion.lrs.red-flag', { category }, 'da');
    const en = formatMessage('inclusion.lrs.red-flag', { category }, 'en');
    expect(da).toMatch(/^Rødt flag: mistanke om /u);
    expect(da).toContain(redFlagCategoryLabel(category, 'da'));
    expect(da).toContain('Vurder patienten straks');
    expect(da).toContain('henvis akut');
    expect(en).toMatch(/^Red flag: suspected /u);
    expect(en).toContain(redFlagCategoryLabel(category, 'en'));
    expect(en).toContain('refer urgently');
  });
});

describe('red-flag categories', () => {
  it('has the Danish labels', () => {
    expect(RED_FLAG_CATEGORIES.map((c) => redFlagCategoryLabel(c, 'da'))).toEqual([
      'cauda equina-syndrom',
      'malignitet',
      'infektion',
      'fraktur',
      'inflammatorisk sygdom',
      'progredierende eller udbredt neurologisk udfald',
    ]);
    for (const c of RED_FLAG_CATEGORIES) {
      expect(isRedFlagCategory(c)).toBe(true);
      expect(redFlagCategoryLabel(c, 'en')).not.toBe('');
    }
    expect(isRedFlagCategory('headache')).toBe(false);
    expect(isRedFlagCategory('toString')).toBe(false);
  });

  it('rejects an unknown category or locale', () => {
    expect(catchError(() => redFlagCategoryLabel('headache' as never, 'da')).code).toBe('INVALID_ARGUMENT');
    expect(catchError(() => redFlagCategoryLabel('fracture', 'de' as never)).code).toBe('INVALID_ARGUMENT');
  });
});

describe('mappings', () => {
  it.each(RECORD_ISSUE_CODES)('record issue %s has a message taking a path', (code) => {
    const messageCode = recordIssueMessageCode(code);
    expect(messageCode).toBe(`record.issue.${code}`);
    expect(messages[messageCode].params).toEqual({ path: 'string' });
    for (const locale of LOCALES) {
      expect(formatMessage(messageCode, { path: 'spirometry[0].fev1L' }, locale)).toContain('spirometry[0].fev1L');
    }
  });

  it.each(ERROR_CODES)('error %s has a message', (code: ErrorCode) => {
    const messageCode = errorMessageCode(code);
    expect(messageCode).toBe(`error.${code}`);
    expect(formatMessage(messageCode, {}, 'en')).not.toBe('');
  });

  it('covers every catalogue code of the two groups', () => {
    expect(messageCodes().filter((c) => c.startsWith('record.issue.'))).toHaveLength(RECORD_ISSUE_CODES.length);
    expect(messageCodes().filter((c) => c.startsWith('error.'))).toHaveLength(ERROR_CODES.length);
  });

  it('rejects unknown codes without repeating them', () => {
    const issue = catchError(() => recordIssueMessageCode('secret-value' as never));
    expect(issue.code).toBe('INVALID_ARGUMENT');
    expect(JSON.stringify(issue)).not.toContain('secret-value');
    const error = catchError(() => errorMessageCode('SECRET_VALUE' as never));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(JSON.stringify(error)).not.toContain('SECRET_VALUE');
  });

  it('formats a record issue from its path', () => {
    expect(formatRecordIssue({ path: ['spirometry', 0, 'fev1L'], code: 'required' }, 'da')).toBe(
      'Feltet spirometry[0].fev1L mangler. Det skal udfyldes.',
    );
    expect(formatRecordIssue({ path: ['spirometry', 0, 'fev1L'], code: 'required' }, 'en')).toBe(
      'The field spirometry[0].fev1L is missing. It is required.',
    );
  });
});

describe('formatMessage at run time', () => {
  it('rejects an unknown code without echoing it', () => {
    const err = catchError(() => formatMessage('0101901234 Jens Hansen' as MessageCode, {} as never, 'da'));
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.path).toEqual(['code']);
    for (const text of [err.message, String(err), JSON.stringify(err), err.stack ?? '']) {
      expect(text).not.toContain('0101901234');
      expect(text).not.toContain('Jens');
    }
  });

  it('rejects an unknown locale without echoing it', () => {
    const err = catchError(() => formatMessage('synthetic.record', {}, 'xx-secret' as Locale));
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message).not.toContain('xx-secret');
  });

  it('rejects missing or malformed parameters without echoing them', () => {
    const cases: readonly [MessageCode, unknown, string][] = [
      ['inclusion.age.below', {}, 'minAge'],
      ['inclusion.age.below', { minAge: '40' }, 'minAge'],
      ['inclusion.age.below', { minAge: 40.5 }, 'minAge'],
      ['inclusion.kol.spirometry.confirms', { ratio: Number.NaN }, 'ratio'],
      ['inclusion.kol.spirometry.confirms', { ratio: Number.POSITIVE_INFINITY }, 'ratio'],
      ['inclusion.excluded.declined', { date: '15-01-2027' }, 'date'],
      ['inclusion.excluded.declined', { date: '2027-02-29' }, 'date'],
      ['inclusion.lrs.red-flag', { category: 'headache' }, 'category'],
      ['record.issue.required', { path: 42 }, 'path'],
    ];
    for (const [code, params, name] of cases) {
      const err = catchError(() => formatMessage(code, params as never, 'da'));
      expect(err.code).toBe('INVALID_ARGUMENT');
      expect(err.path).toEqual(['params', name]);
      expect(err.message).not.toMatch(/40|NaN|Infinity|2027|headache|42/u);
    }
    expect(catchError(() => formatMessage('inclusion.age.below', null as never, 'da')).path).toEqual(['params']);
  });

  it('ignores parameters a message does not take', () => {
    expect(formatMessage('synthetic.record', { extra: 1 } as never, 'en')).toBe('Synthetic data – not a real patient');
  });
});

describe('formatNumber', () => {
  it('uses a decimal comma in Danish and a point in English', () => {
    expect(formatNumber(0.7, 'da', 2)).toBe('0,70');
    expect(formatNumber(0.7, 'en', 2)).toBe('0.70');
    expect(formatNumber(1.5, 'da')).toBe('1,5');
    expect(formatNumber(42, 'en')).toBe('42');
    expect(formatNumber(42, 'da', 1)).toBe('42,0');
    expect(formatNumber(12345.678, 'da', 1)).toBe('12345,7');
  });

  it('rounds half away from zero on the decimal form', () => {
    expect(formatNumber(0.695, 'da', 2)).toBe('0,70');
    expect(formatNumber(1.005, 'en', 2)).toBe('1.01');
    expect(formatNumber(2.5, 'en', 0)).toBe('3');
    expect(formatNumber(-2.5, 'en', 0)).toBe('-3');
    expect(formatNumber(9.999, 'da', 2)).toBe('10,00');
    expect(formatNumber(0.0004, 'en')).toBe('0');
    expect(formatNumber(0.0005, 'en')).toBe('0.001');
    expect(formatNumber(1e-7, 'en', 8)).toBe('0.00000010');
    expect(formatNumber(1e21, 'en', 0)).toBe('1000000000000000000000');
  });

  it('never writes negative zero', () => {
    expect(formatNumber(-0, 'da', 2)).toBe('0,00');
    expect(formatNumber(-0.001, 'da', 2)).toBe('0,00');
    expect(formatNumber(-0.3, 'da', 1)).toBe('-0,3');
  });

  it('agrees with toFixed up to the separator, away from ties', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 6 }),
        (scaled, digits) => {
          // scaled / 10^(digits+1) + a quarter of the last digit: never a tie.
          const value = (scaled + 0.25) / 10 ** (digits + 1);
          const en = formatNumber(value, 'en', digits);
          const da = formatNumber(value, 'da', digits);
          const expected = value.toFixed(digits).replace(/^-(0\.?0*)$/u, '$1');
          return en === expected && da === expected.replace('.', ',');
        },
      ),
    );
  });

  it('rejects non-finite values and bad digit counts', () => {
    expect(catchError(() => formatNumber(Number.NaN, 'da')).code).toBe('INVALID_ARGUMENT');
    expect(catchError(() => formatNumber(Number.POSITIVE_INFINITY, 'da')).code).toBe('INVALID_ARGUMENT');
    expect(catchError(() => formatNumber(1, 'da', -1)).code).toBe('INVALID_ARGUMENT');
    expect(catchError(() => formatNumber(1, 'da', 1.5)).code).toBe('INVALID_ARGUMENT');
    expect(catchError(() => formatNumber(1, 'da', 21)).code).toBe('INVALID_ARGUMENT');
    expect(catchError(() => formatNumber(1, 'de' as Locale)).code).toBe('INVALID_ARGUMENT');
  });
});

describe('formatIsoDate', () => {
  const DA = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
  const EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

  it('writes dates in words', () => {
    expect(formatIsoDate('2027-01-15', 'da')).toBe('15. januar 2027');
    expect(formatIsoDate('2027-01-15', 'en')).toBe('15 January 2027');
    expect(formatIsoDate('2024-02-29', 'da')).toBe('29. februar 2024');
    expect(formatIsoDate('2000-12-01', 'en')).toBe('1 December 2000');
    expect(formatIsoDate('2026-05-03', 'da')).toBe('3. maj 2026');
  });

  it('matches the UTC calendar for every date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const day = d.getUTCDate();
        const month = d.getUTCMonth();
        const year = d.getUTCFullYear();
        return (
          formatIsoDate(iso, 'da') === `${day}. ${DA[month] ?? ''} ${year}` &&
          formatIsoDate(iso, 'en') === `${day} ${EN[month] ?? ''} ${year}`
        );
      }),
    );
  });

  it('rejects malformed and non-existent dates without echoing them', () => {
    for (const bad of ['2027-02-29', '2100-02-29', '2027-13-01', '2027-00-10', '2027-04-31', '2027-1-5', '15-01-2027', '2027-01-15T00:00', '']) {
      const err = catchError(() => formatIsoDate(bad, 'da'));
      expect(err.code).toBe('INVALID_ARGUMENT');
      if (bad !== '') expect(err.message).not.toContain(bad);
    }
    expect(catchError(() => formatIsoDate('2027-01-15', 'fr' as Locale)).code).toBe('INVALID_ARGUMENT');
  });
});
