/** One row of a timesheet grid: a task (or a member) with minutes per day. */
export interface GridRow {
	key: string;
	label: string;
	sublabel?: string;
	href?: string;
	cells: number[];
	total: number;
}
