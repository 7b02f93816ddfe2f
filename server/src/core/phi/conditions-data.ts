/**
 * Condition-revealing terms: words whose mere presence next to a recipient reveals what they are
 * being treated for. Matching is word-bounded and case-insensitive unless `caseSensitive` is set.
 * Apostrophes are ignored (`Alzheimer's` = `alzheimers`), and a trailing `s` or `es` on the last
 * word is accepted (`tumors`, `STIs`).
 *
 * Deliberately absent: lab tests (`A1C`, `glucose`), vaccines and vaccination events (`flu shot`,
 * `COVID-19 vaccine clinic`), because those are routine care or public health announcements
 * and reveal nothing about a condition the recipient has.
 */
export interface ConditionTermEntry {
  term: string;
  category: ConditionCategory;
  /** Only the spelling as written matches, for acronyms that are also common words (AIDS, PrEP). */
  caseSensitive?: boolean;
  /** Following words that turn the term into a vaccine or screening announcement. */
  unlessFollowedBy?: string[];
}

export type ConditionCategory =
  | 'hiv'
  | 'cancer'
  | 'mental-health'
  | 'substance-use'
  | 'reproductive'
  | 'sexual-health'
  | 'kidney'
  | 'genetic'
  | 'diabetes'
  | 'dementia'
  | 'weight'
  | 'gender'
  | 'neurological'
  | 'end-of-life'
  | 'respiratory'
  | 'cardiac'
  | 'blood'
  | 'autoimmune'
  | 'digestive'
  | 'custom';

const VACCINE_WORDS = ['vaccine', 'vaccines', 'vaccination', 'vaccinations', 'shot', 'shots', 'immunization', 'immunizations'];

export const CONDITION_TERMS: readonly ConditionTermEntry[] = [
  { term: 'HIV', category: 'hiv' },
  { term: 'AIDS', category: 'hiv', caseSensitive: true },
  { term: 'PrEP', category: 'hiv', caseSensitive: true },
  { term: 'antiretroviral', category: 'hiv' },
  { term: 'viral load', category: 'hiv' },
  { term: 'infectious disease', category: 'hiv' },

  { term: 'cancer', category: 'cancer' },
  { term: 'oncology', category: 'cancer' },
  { term: 'oncologist', category: 'cancer' },
  { term: 'tumor', category: 'cancer' },
  { term: 'tumour', category: 'cancer' },
  { term: 'chemotherapy', category: 'cancer' },
  { term: 'chemo', category: 'cancer' },
  { term: 'radiation therapy', category: 'cancer' },
  { term: 'radiation oncology', category: 'cancer' },
  { term: 'leukemia', category: 'cancer' },
  { term: 'lymphoma', category: 'cancer' },
  { term: 'melanoma', category: 'cancer' },
  { term: 'carcinoma', category: 'cancer' },
  { term: 'metastatic', category: 'cancer' },

  { term: 'psychiatric', category: 'mental-health' },
  { term: 'psychiatry', category: 'mental-health' },
  { term: 'psychiatrist', category: 'mental-health' },
  { term: 'mental health', category: 'mental-health' },
  { term: 'behavioral health', category: 'mental-health' },
  { term: 'behavioural health', category: 'mental-health' },
  { term: 'depression', category: 'mental-health' },
  { term: 'anxiety', category: 'mental-health' },
  { term: 'bipolar', category: 'mental-health' },
  { term: 'schizophrenia', category: 'mental-health' },
  { term: 'PTSD', category: 'mental-health' },
  { term: 'eating disorder', category: 'mental-health' },
  { term: 'anorexia', category: 'mental-health' },
  { term: 'bulimia', category: 'mental-health' },
  { term: 'ADHD', category: 'mental-health' },
  { term: 'OCD', category: 'mental-health', caseSensitive: true },
  { term: 'suicidal', category: 'mental-health' },
  { term: 'suicide', category: 'mental-health' },

  { term: 'substance use', category: 'substance-use' },
  { term: 'substance abuse', category: 'substance-use' },
  { term: 'addiction', category: 'substance-use' },
  { term: 'rehab', category: 'substance-use' },
  { term: 'detox', category: 'substance-use' },
  { term: 'opioid', category: 'substance-use' },
  { term: 'methadone', category: 'substance-use' },
  { term: 'suboxone', category: 'substance-use' },
  { term: 'buprenorphine', category: 'substance-use' },
  { term: 'naloxone', category: 'substance-use' },
  { term: 'alcohol treatment', category: 'substance-use' },
  { term: 'alcoholism', category: 'substance-use' },
  { term: 'alcohol use disorder', category: 'substance-use' },
  { term: 'overdose', category: 'substance-use' },

  { term: 'pregnancy', category: 'reproductive' },
  { term: 'pregnant', category: 'reproductive' },
  { term: 'prenatal', category: 'reproductive' },
  { term: 'postpartum', category: 'reproductive' },
  { term: 'fertility', category: 'reproductive' },
  { term: 'infertility', category: 'reproductive' },
  { term: 'IVF', category: 'reproductive' },
  { term: 'in vitro fertilization', category: 'reproductive' },
  { term: 'egg freezing', category: 'reproductive' },
  { term: 'miscarriage', category: 'reproductive' },
  { term: 'abortion', category: 'reproductive' },
  { term: 'contraception', category: 'reproductive' },
  { term: 'birth control', category: 'reproductive' },
  { term: 'family planning', category: 'reproductive' },

  { term: 'STI', category: 'sexual-health' },
  { term: 'STD', category: 'sexual-health' },
  { term: 'sexually transmitted', category: 'sexual-health' },
  { term: 'sexual health', category: 'sexual-health' },
  { term: 'chlamydia', category: 'sexual-health' },
  { term: 'gonorrhea', category: 'sexual-health' },
  { term: 'gonorrhoea', category: 'sexual-health' },
  { term: 'syphilis', category: 'sexual-health' },
  { term: 'herpes', category: 'sexual-health', unlessFollowedBy: ['zoster'] },
  { term: 'HPV', category: 'sexual-health', unlessFollowedBy: VACCINE_WORDS },
  { term: 'hepatitis B', category: 'sexual-health', unlessFollowedBy: VACCINE_WORDS },
  { term: 'hepatitis C', category: 'sexual-health' },
  { term: 'hep B', category: 'sexual-health', unlessFollowedBy: VACCINE_WORDS },
  { term: 'hep C', category: 'sexual-health' },
  { term: 'trichomoniasis', category: 'sexual-health' },
  { term: 'erectile dysfunction', category: 'sexual-health' },

  { term: 'dialysis', category: 'kidney' },
  { term: 'kidney failure', category: 'kidney' },
  { term: 'renal failure', category: 'kidney' },
  { term: 'kidney disease', category: 'kidney' },

  { term: 'genetic testing', category: 'genetic' },
  { term: 'genetic test', category: 'genetic' },
  { term: 'genetic counseling', category: 'genetic' },
  { term: 'BRCA', category: 'genetic' },
  { term: 'BRCA1', category: 'genetic' },
  { term: 'BRCA2', category: 'genetic' },

  { term: 'diabetes', category: 'diabetes' },
  { term: 'diabetic', category: 'diabetes' },
  { term: 'prediabetes', category: 'diabetes' },
  { term: 'insulin', category: 'diabetes' },

  { term: 'dementia', category: 'dementia' },
  { term: 'alzheimers', category: 'dementia' },
  { term: 'alzheimer', category: 'dementia' },
  { term: 'memory care', category: 'dementia' },

  { term: 'bariatric', category: 'weight' },
  { term: 'weight loss surgery', category: 'weight' },
  { term: 'obesity', category: 'weight' },

  { term: 'gender affirming', category: 'gender' },
  { term: 'transgender', category: 'gender' },

  { term: 'epilepsy', category: 'neurological' },
  { term: 'seizure disorder', category: 'neurological' },
  { term: 'multiple sclerosis', category: 'neurological' },
  { term: "parkinson's", category: 'neurological' },
  { term: 'parkinsons', category: 'neurological' },
  { term: 'copd', category: 'respiratory' },
  { term: 'emphysema', category: 'respiratory' },
  { term: 'asthma', category: 'respiratory' },
  { term: 'cystic fibrosis', category: 'respiratory' },
  { term: 'heart failure', category: 'cardiac' },
  { term: 'sickle cell', category: 'blood' },
  { term: 'hemophilia', category: 'blood' },
  { term: 'lupus', category: 'autoimmune' },
  { term: "crohn's", category: 'digestive' },
  { term: 'ulcerative colitis', category: 'digestive' },
  { term: 'multiple sclerosis', category: 'neurological' },
  { term: 'parkinsons', category: 'neurological' },
  { term: 'autism', category: 'neurological' },

  { term: 'hospice', category: 'end-of-life' },
  { term: 'palliative care', category: 'end-of-life' },
];
