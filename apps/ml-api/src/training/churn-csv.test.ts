import { describe, expect, test } from 'vitest';
import { readChurnCsv } from './churn-csv';
import { ChurnDataError } from './errors';

const header =
  'RowNumber,CustomerId,Surname,CreditScore,Geography,Gender,Age,Tenure,Balance,NumOfProducts,HasCrCard,IsActiveMember,EstimatedSalary,Exited';

describe('readChurnCsv', () => {
  test('reads rows in column order and their labels; empty numbers are missing values', () => {
    const data = readChurnCsv(
      `${header}\n1,15634602,"O'Hara, Jr.",619,France,Female,42,2,0,1,1,1,101348.88,1\n2,15647311,Hill,,Spain,Male,NA,1,83807.86,1,0,1,112542.58,0\n`,
    );
    expect(data.rows).toEqual([
      [1, 15634602, "O'Hara, Jr.", 619, 'France', 'Female', 42, 2, 0, 1, 1, 1, 101348.88],
      [2, 15647311, 'Hill', null, 'Spain', 'Male', null, 1, 83807.86, 1, 0, 1, 112542.58],
    ]);
    expect(data.labels).toEqual([1, 0]);
  });

  test('refuses another header, naming the one it expects', () => {
    expect(() => readChurnCsv('a,b\n1,2\n')).toThrow(ChurnDataError);
    expect(() => readChurnCsv('a,b\n1,2\n')).toThrow(`Expected the header ${header}; got a,b`);
  });

  test('refuses a short line, a number that is not one and a target other than 0 or 1', () => {
    expect(() => readChurnCsv(`${header}\n1,2,3\n`)).toThrow('Line 2 has 3 fields; expected 14');
    expect(() => readChurnCsv(`${header}\n1,2,Hill,high,Spain,Male,40,1,0,1,0,1,100,0\n`)).toThrow(
      'Line 2, column CreditScore: expected a number, got "high"',
    );
    expect(() => readChurnCsv(`${header}\n1,2,Hill,600,Spain,Male,40,1,0,1,0,1,100,yes\n`)).toThrow(
      'Line 2, column Exited: expected 0 or 1, got "yes"',
    );
  });
});
