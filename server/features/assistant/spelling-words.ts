/**
 * Word lists for the offline spelling fixer. Hunspell's English dictionary knows neither the
 * words of a student-services office nor which of its suggestions are common, so it would
 * turn "fafsa" into "faffs" and "shoud" into "shod".
 */

/** Office words that are never corrected; a near miss of one becomes it ("fasfa" → FAFSA). */
export const EDUCATION_WORDS: ReadonlyMap<string, string> = new Map(
  [
    'FAFSA',
    'FERPA',
    'GPA',
    'SAT',
    'PSAT',
    'ACT',
    'AP',
    'IB',
    'TOEFL',
    'IELTS',
    'CSS',
    'SAI',
    'EFC',
    'ISIR',
    'Pell',
    'DACA',
    'ESL',
    'STEM',
    'FWS',
    'transcript',
    'transcripts',
    'registrar',
    'bursar',
    'admissions',
    'admission',
    'financial',
    'scholarship',
    'scholarships',
    'deferral',
    'enrollment',
    'enrolment',
    'orientation',
    'counselor',
    'counsellor',
    'advisor',
    'prereq',
    'prereqs',
    'syllabus',
    'waitlist',
    'waitlisted',
    'dorm',
    'dorms',
    'semester',
    'portal',
    'pls',
    'plz',
    'thx',
    'ok',
    'okay',
    'asap',
    'fyi',
    'btw',
    'lol',
    'idk',
    'tbh',
    'omg',
    'np',
    'ty',
    'hiya',
  ].map((word) => [word.toLowerCase(), word]),
);

/**
 * Frequent words, so a tie between the dictionary's suggestions goes to the one people mean:
 * "shoud" has should, shod and shout one letter away.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `the be to of and a in that have it for not on with he as you do at this but his by from they
  we say her she or an will my one all would there their what so up out if about who get which
  go me when make can like time no just him know take people into year your good some could them
  see other than then now look only come its over think also back after use two how our work
  first well way even new want because any these give day most us should school student students
  receive received receiving believe different definitely tomorrow address until occurred
  separate government schedule deadline deadlines application applications acceptance accepted
  please thanks thank form forms office email call today week month class classes campus enroll
  deposit payment balance appointment college university federal aid loan loans grant grants
  tuition housing submit submitted complete completed missing document documents verify
  verification information question questions help need sure soon already again before still
  really probably necessary business beginning friend interest important immediately
  accommodate recommend recommendation letter letters weekend tonight yesterday while whether
  without within through though thought those another every everyone everything something
  someone anything nothing next last right review process processing status update updated
  available possible personal program programs major minor course courses credit credits grade
  grades exam exams test tests score scores visit tour meeting message number phone parent
  parents family check checked mail online login password account send sent where here hear
  were went wait waiting around above across against along among since during each few many
  much such very too more less least better best great little long small large late early
  often always never sometimes maybe perhaps actually usually`.split(/\s+/),
);
