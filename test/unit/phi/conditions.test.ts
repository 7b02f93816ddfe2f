import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findConditionTargeting, findConditionTerms } from '../../../server/src/core/phi/conditions';

function terms(text: string, extra?: string[]): Array<[string, string]> {
  return findConditionTerms(text, extra).map((match) => [match.term, match.category]);
}

test('condition terms with exact spans', () => {
  const text = 'Your HIV/AIDS care and chemotherapy schedule';
  assert.deepEqual(findConditionTerms(text), [
    { term: 'HIV', start: 5, end: 8, category: 'hiv' },
    { term: 'AIDS', start: 9, end: 13, category: 'hiv' },
    { term: 'chemotherapy', start: 23, end: 35, category: 'cancer' },
  ]);
});

test('condition terms by category', () => {
  const cases: Array<[string, Array<[string, string]>]> = [
    ['Oncology follow-up for the tumor', [['Oncology', 'cancer'], ['tumor', 'cancer']]],
    ['radiation therapy starts Monday', [['radiation therapy', 'cancer']]],
    ['Cancer Awareness Month', [['Cancer', 'cancer']]],
    ['mental health and depression support', [['mental health', 'mental-health'], ['depression', 'mental-health']]],
    ['anxiety, bipolar disorder, schizophrenia, PTSD', [['anxiety', 'mental-health'], ['bipolar', 'mental-health'], ['schizophrenia', 'mental-health'], ['PTSD', 'mental-health']]],
    ['Eating disorder program', [['Eating disorder', 'mental-health']]],
    ['Our psychiatric unit', [['psychiatric', 'mental-health']]],
    ['substance use and addiction, rehab', [['substance use', 'substance-use'], ['addiction', 'substance-use'], ['rehab', 'substance-use']]],
    ['opioid, methadone or Suboxone refills', [['opioid', 'substance-use'], ['methadone', 'substance-use'], ['Suboxone', 'substance-use']]],
    ['alcohol treatment', [['alcohol treatment', 'substance-use']]],
    ['pregnancy and prenatal visits', [['pregnancy', 'reproductive'], ['prenatal', 'reproductive']]],
    ['fertility, IVF, miscarriage, abortion', [['fertility', 'reproductive'], ['IVF', 'reproductive'], ['miscarriage', 'reproductive'], ['abortion', 'reproductive']]],
    ['chlamydia, gonorrhea, syphilis, herpes', [['chlamydia', 'sexual-health'], ['gonorrhea', 'sexual-health'], ['syphilis', 'sexual-health'], ['herpes', 'sexual-health']]],
    ['HPV and hepatitis B or hepatitis C', [['HPV', 'sexual-health'], ['hepatitis B', 'sexual-health'], ['hepatitis C', 'sexual-health']]],
    ['dialysis for kidney failure', [['dialysis', 'kidney'], ['kidney failure', 'kidney']]],
    ['genetic testing for BRCA', [['genetic testing', 'genetic'], ['BRCA', 'genetic']]],
    ['diabetes and insulin', [['diabetes', 'diabetes'], ['insulin', 'diabetes']]],
    ["dementia and Alzheimer's", [['dementia', 'dementia'], ["Alzheimer's", 'dementia']]],
    ['Alzheimer\u2019s and Alzheimers', [['Alzheimer\u2019s', 'dementia'], ['Alzheimers', 'dementia']]],
    ['HIV PrEP refills', [['HIV', 'hiv'], ['PrEP', 'hiv']]],
    ['bariatric surgery', [['bariatric', 'weight']]],
    ['tumors and STIs', [['tumors', 'cancer'], ['STIs', 'sexual-health']]],
    ['HIV-positive', [['HIV', 'hiv']]],
  ];
  for (const [text, expected] of cases) {
    assert.deepEqual(terms(text), expected, text);
  }
});

test('condition near misses do not match', () => {
  const negatives = [
    // Screening tests are offered to everyone of an age; naming one reveals no condition.
    'Free mammogram screenings in October',
    'Your A1C is due',
    'COVID-19 vaccine clinic this Saturday',
    'Flu shots and vaccines for everyone',
    'Get your HPV vaccine',
    'Hepatitis B vaccination clinic',
    'New hearing aids and visual aids',
    'Meal prep tips',
    'Herpes zoster (shingles) vaccine',
    'cancerous', // whole words only
    'Preparation for your visit',
    'aidsworth',
  ];
  for (const text of negatives) {
    assert.deepEqual(terms(text), [], text);
  }
});

test('extra condition terms', () => {
  assert.deepEqual(terms('Our Sleep Apnea clinic', ['sleep apnea']), [['Sleep Apnea', 'custom']]);
  assert.deepEqual(terms('Our Sleep Apnea clinic'), []);
});

test('condition targeting phrases', () => {
  const cases: Array<[string, Array<[string, string]>]> = [
    ['Because you were diagnosed with diabetes, we', [['Because you were diagnosed with diabetes', 'because-you-have']]],
    ["Since you've been diagnosed, here is help", [["you've been diagnosed", 'you-were-diagnosed']]],
    ['You were recently diagnosed with asthma', [['You were recently diagnosed with asthma', 'you-were-diagnosed']]],
    ['As someone living with diabetes, you', [['As someone living with diabetes', 'as-someone-with']]],
    ['Resources for patients with heart disease', [['for patients with heart disease', 'for-patients-with']]],
    ['A group for people living with HIV', [['for people living with HIV', 'for-patients-with']]],
    ['Tips for managing your condition', [['managing your condition', 'managing-your-condition']]],
    ['About your recent diagnosis', [['your recent diagnosis', 'your-diagnosis']]],
    ['Your chronic condition needs care', [['Your chronic condition', 'your-condition']]],
    ['Your diabetes care plan', [['Your diabetes', 'your-condition-term']]],
    ['Support while living with cancer', [['living with cancer', 'living-with']]],
  ];
  for (const [text, expected] of cases) {
    assert.deepEqual(
      findConditionTargeting(text).map((match) => [match.text, match.pattern]),
      expected,
      text,
    );
  }
});

test('condition targeting spans', () => {
  const text = 'Hi Ana. Because you were diagnosed with diabetes, we';
  assert.deepEqual(findConditionTargeting(text), [{ text: 'Because you were diagnosed with diabetes', start: 8, end: 48, pattern: 'because-you-have' }]);
});

test('condition targeting near misses', () => {
  const negatives = [
    'For patients with questions about billing, call us.',
    'For patients with questions. Managing your account is easy.',
    'Many people are diagnosed with the flu each year.',
    'Living with roommates',
    'Your HPV vaccine is due',
    'Read our terms and conditions',
    'Your appointment is confirmed',
  ];
  for (const text of negatives) {
    assert.deepEqual(findConditionTargeting(text), [], text);
  }
});
