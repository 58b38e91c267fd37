import { describe, expect, it } from 'vitest';
import { changeRole, isRefused, join, securityObject, sortedMembers } from './membership-rules';

const team = { olga: 'owner', ada: 'admin', abe: 'admin', max: 'member', vic: 'viewer' } as const;

describe('changeRole', () => {
	it('lets admins change and remove admins, members and viewers', () => {
		expect(changeRole(team, 'ada', 'max', 'viewer')).toMatchObject({ max: 'viewer' });
		expect(changeRole(team, 'ada', 'abe', 'member')).toMatchObject({ abe: 'member' });
		expect(changeRole(team, 'ada', 'vic', null)).not.toHaveProperty('vic');
	});

	it('lets nobody remove or demote the owner', () => {
		for (const role of ['admin', 'member', 'viewer', null] as const) {
			expect(changeRole(team, 'ada', 'olga', role)).toEqual({
				status: 403,
				reason: 'nobody can remove or demote the owner of a workspace'
			});
		}
		expect(changeRole(team, 'olga', 'olga', null)).toMatchObject({ status: 403 });
	});

	it('hands ownership on only from the owner, who becomes an admin', () => {
		expect(changeRole(team, 'olga', 'max', 'owner')).toMatchObject({ olga: 'admin', max: 'owner' });
		expect(changeRole(team, 'ada', 'ada', 'owner')).toMatchObject({ status: 403 });
	});

	it('refuses members and viewers, except leaving', () => {
		expect(changeRole(team, 'max', 'vic', null)).toMatchObject({ status: 403 });
		expect(changeRole(team, 'max', 'max', 'admin')).toMatchObject({ status: 403 });
		expect(changeRole(team, 'vic', 'vic', null)).not.toHaveProperty('vic');
	});

	it('answers 404 for outsiders and unknown targets', () => {
		expect(changeRole(team, 'zed', 'max', null)).toMatchObject({ status: 404 });
		expect(changeRole(team, 'ada', 'zed', 'member')).toMatchObject({ status: 404 });
	});

	it('keeps an admin in a workspace without an owner, whatever the order of changes', () => {
		const legacy = { ada: 'admin', abe: 'admin', max: 'member' } as const;
		// Two admins demoting each other: applied one after the other, the second is refused.
		const first = changeRole(legacy, 'ada', 'abe', 'member');
		expect(isRefused(first)).toBe(false);
		if (isRefused(first)) return;
		expect(changeRole(first, 'abe', 'ada', 'member')).toMatchObject({ status: 403 });
		expect(changeRole(first, 'ada', 'ada', 'member')).toEqual({
			status: 409,
			reason: 'a workspace needs at least one admin'
		});
		expect(changeRole(first, 'ada', 'ada', null)).toMatchObject({ status: 409 });
	});

	it('returns the same list when nothing changes', () => {
		expect(changeRole(team, 'ada', 'max', 'member')).toBe(team);
	});
});

describe('join', () => {
	it('adds a newcomer and never demotes a member', () => {
		expect(join(team, 'new', 'viewer')).toMatchObject({ new: 'viewer' });
		expect(join(team, 'ada', 'viewer')).toBe(team);
		expect(join(team, 'vic', 'member')).toMatchObject({ vic: 'member' });
	});
});

describe('securityObject', () => {
	it('admits every member to read and names who may write and administer', () => {
		expect(securityObject(team)).toEqual({
			admins: { names: [], roles: ['_admin'] },
			members: { names: ['abe', 'ada', 'max', 'olga', 'vic'], roles: ['_admin'] },
			taskflow: { admins: ['abe', 'ada', 'olga'], writers: ['abe', 'ada', 'max', 'olga'] }
		});
	});

	it('admits nobody to an empty workspace (CouchDB would read empty members as public)', () => {
		const sec = securityObject({});
		expect(sec.members).toEqual({ names: [], roles: ['_admin'] });
	});
});

describe('sortedMembers', () => {
	it('lists the owner, admins, members, viewers, each by name', () => {
		expect(sortedMembers(team).map((m) => m.name)).toEqual(['olga', 'abe', 'ada', 'max', 'vic']);
	});
});
