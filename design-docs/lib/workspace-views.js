/** Every view of the workspace design document, by the name it is queried with. */
import { analyticsViews } from './analytics-views.js';
import { reminderViews } from './reminder-views.js';
import { timeViews } from './time-views.js';

export var workspaceViews = Object.assign({}, timeViews, analyticsViews, reminderViews);
