/**
 * Pairs of task titles that mean the same thing in different words; titles of different pairs
 * are unrelated. Used to check that an encoder ranks paraphrases closer (Node and browser).
 */
export const PARAPHRASES: [string, string][] = [
	['Fix the login page crash', 'Login screen crashes, repair it'],
	['Order new printer toner', 'Buy toner cartridges for the office printer'],
	['Plan the quarterly budget review', 'Prepare the budget meeting for this quarter'],
	['Update the website homepage photos', 'Replace the pictures on our web site front page'],
	['Book flights for the sales conference', 'Reserve plane tickets to the sales convention'],
	['Write the newsletter for customers', 'Draft the customer email newsletter'],
	['Repair the leaking kitchen tap', 'Fix the dripping faucet in the kitchen']
];
