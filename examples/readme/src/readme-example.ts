import { ageInYears, formatMessage, getValueSet, inValueSet, parsePatientRecord } from '@kronikerpakker/core';

const asOf = '2027-01-15'; // no hidden clock: every evaluation names its date
const record = parsePatientRecord(
  { id: 'p-1', patient: { birthDate: '1952-03-31', sex: 'female', listed: true },
    diagnoses: [{ system: 'SKS', code: 'DJ449', status: 'active', recordedDate: '2019-05-02' }] },
  { asOf },
); // throws InvalidRecordError (paths and codes, never values) on bad input
const kol = record.diagnoses.some((d) => d.status === 'active' && inValueSet(getValueSet('kol-diagnosis'), d));
console.log(ageInYears(record.patient.birthDate, asOf), kol, formatMessage('inclusion.age.below', { minAge: 30 }, 'da'));
