export { accessRoutes } from './access.routes.js';
export { setUserMemberships, membershipsOf } from './access.service.js';
export { ownerScopeCondition, userInScope } from './record-scope.js';
export { roles, userGroups, grants, userRoles, groupMembers } from './access.table.js';
export { rolesOfTenant, addRoleGrantsAsSystem, type RoleSummary } from './system-grants.js';
