/** Words the generator builds titles, descriptions and comments from. */
export const VERBS = [
	'Fix',
	'Add',
	'Review',
	'Update',
	'Investigate',
	'Refactor',
	'Document',
	'Test',
	'Design',
	'Migrate',
	'Remove',
	'Speed up',
	'Draft',
	'Plan',
	'Audit',
	'Replace'
];
export const OBJECTS = [
	'login flow',
	'invoice export',
	'onboarding emails',
	'search index',
	'sync indicator',
	'billing page',
	'CSV import',
	'dark theme',
	'release notes',
	'password reset',
	'team dashboard',
	'audit log',
	'mobile navigation',
	'backup job',
	'API rate limits',
	'notification settings',
	'error reporting',
	'pricing table',
	'access roles',
	'weekly report'
];
export const QUALIFIERS = [
	'for enterprise customers',
	'on slow networks',
	'before the Q3 launch',
	'in Safari',
	'after the schema change',
	'for screen readers',
	'with offline support',
	'in the admin area',
	'for the EU region',
	'on Android',
	''
];
export const SENTENCES = [
	'Customers reported that the page stalls for several seconds before anything shows up.',
	'We agreed in the planning meeting to keep the current behaviour behind a flag.',
	'The fix should not change the stored data format, so no migration is needed.',
	'Logs from last week show the error only for accounts created before March.',
	'Please coordinate with support before we announce the change.',
	'The design team has mock-ups ready; see the linked board for the latest version.',
	'This blocks the release, so it has priority over the refactoring work.',
	'Measure before and after on a mid-range phone and note the numbers here.',
	'Keep the old endpoint working until every client has upgraded.',
	'Two customers asked for this explicitly in their renewal calls.'
];
export const CHECKLIST = [
	'Reproduce on staging',
	'Write a failing test',
	'Update the documentation',
	'Ask QA for a pass',
	'Announce in the changelog',
	'Check the metrics dashboard',
	'Clean up the feature flag'
];
export const COMMENTS = [
	'I can reproduce this on my machine, looking into it now.',
	'Pushed a first draft, feedback welcome.',
	'Blocked until the API change is deployed.',
	'Looks good to me. **Approved.**',
	'Moved the due date, the vendor needs another week.',
	'Can we split this into two smaller tasks?',
	'Done on staging, waiting for the release window.',
	'See the attached log: the timeout is `30 s`, not `60 s`.'
];
export const TIME_NOTES = [
	'pairing',
	'code review',
	'investigation',
	'meeting',
	'implementation',
	''
];
export const TAGS = [
	'frontend',
	'backend',
	'bug',
	'feature',
	'ux',
	'performance',
	'security',
	'docs',
	'infra',
	'customer',
	'tech-debt',
	'mobile'
];
export const PEOPLE = [
	'alice',
	'bruno',
	'chen.wei',
	'dana',
	'emeka',
	'fatima',
	'gustav',
	'hana',
	'ivan',
	'julia',
	'kofi',
	'lena'
];
export const PROJECT_NAMES = [
	'Website relaunch',
	'Mobile app',
	'Billing',
	'Platform',
	'Customer success',
	'Data pipeline',
	'Security review',
	'Design system',
	'Growth',
	'Internal tools'
];
