/**
 * Separation of duties, as pages: administrators decide each other's requests for users' access,
 * and an agency's information asset owners decide requests to share their agency's records. The
 * person who asked never decides; deciding is one button, post/redirect/get like every form.
 */
import type { Response } from 'express';
import { askerOf, pageNotFound, uuidParam } from '../../../web/partner-pages.js';
import { route, type RouteSpec } from '../../../web/routes.js';
import { formFinisher } from '../../../web/commands.js';
import type { FormFlash } from '../form-flash.js';
import { roleName } from '../roles.js';
import { adminRequest } from './pages.js';
import { confirmSchema, RECORD_TYPE_NAMES } from './schemas.js';
import type { AdminRequest, Administration, Outcome } from './service.js';

const APPROVALS = '/partner/admin/access-changes';
const SHARING_APPROVALS = '/partner/sharing-approvals';

/** An information asset owner asking: their own agency's records are the ones they decide on. */
function ownerRequest(res: Response): { request: AdminRequest; agencyId: string } {
  const asker = askerOf(res, 'sharing-approvals.unknown');
  asker.audit.purpose ??= 'information-governance';
  return {
    request: { audit: asker.audit, event: asker.event, actorUserId: asker.principal.userId },
    agencyId: asker.principal.agencyId,
  };
}

/** After a decision: back to the list, saying what was decided (or why it could not be). */
function decisionFinisher(flash: FormFlash) {
  const finish = formFinisher(flash);
  return (res: Response, outcome: Outcome<'approved' | 'rejected'>, page: string, what: string) =>
    finish(res, outcome, { page }, (decided) => ({ page, notice: `${what} ${decided}` }));
}

interface ApprovalRouteDependencies {
  administration: Administration;
  flash: FormFlash;
}

export function approvalRoutes(dependencies: ApprovalRouteDependencies): RouteSpec[] {
  return [...accessApprovalRoutes(dependencies), ...sharingApprovalRoutes(dependencies)];
}

/** Administrators deciding each other's requests for users' access. */
export function accessApprovalRoutes({ administration, flash }: ApprovalRouteDependencies): RouteSpec[] {
  const finish = decisionFinisher(flash);

  const decideAccess = (decision: 'approved' | 'rejected', action: string): RouteSpec =>
    route({
      method: 'post',
      path: `${APPROVALS}/:id/${action}`,
      access: { permission: 'accounts:manage' },
      audit: `admin.access-changes.${action}`,
      // Approving changes the user's roles; rejecting changes nothing but the request.
      ...(decision === 'approved' ? { s62: 'alteration' as const } : {}),
      body: confirmSchema,
      invalid: (_req, res, errors) => flash.redirectWithErrors(res, APPROVALS, errors),
      handle: async ({ res, params }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        return finish(
          res,
          await administration.decideAccess(adminRequest(res), id, decision),
          APPROVALS,
          'Change of access',
        );
      },
    });

  return [
    route({
      method: 'get',
      path: APPROVALS,
      access: { permission: 'accounts:manage' },
      audit: 'admin.access-changes.list',
      s62: 'consultation',
      handle: async ({ res }) => {
        const request = adminRequest(res);
        const changes = await administration.pendingAccessChanges(request);
        res.render('access/admin/views/access-changes.njk', {
          changes: changes.map((change) => ({
            ...change,
            roleNames: (change.roles ?? []).map(roleName),
            previousRoleNames: (change.previous_roles ?? []).map(roleName),
            // Shown, but not offered: the asker and the person it is for may not decide it.
            mayDecide: change.requested_by !== request.actorUserId && change.user_id !== request.actorUserId,
          })),
          ...(await flash.take(res, APPROVALS)),
        });
      },
    }),
    decideAccess('approved', 'approve'),
    decideAccess('rejected', 'reject'),
  ];
}

/** An agency's information asset owners deciding requests to share their agency's records. */
export function sharingApprovalRoutes({ administration, flash }: ApprovalRouteDependencies): RouteSpec[] {
  const finish = decisionFinisher(flash);

  const decideSharing = (decision: 'approved' | 'rejected', action: string): RouteSpec =>
    route({
      method: 'post',
      path: `${SHARING_APPROVALS}/:id/${action}`,
      access: { permission: 'sharing:approve' },
      audit: `sharing-approvals.${action}`,
      body: confirmSchema,
      invalid: (_req, res, errors) => flash.redirectWithErrors(res, SHARING_APPROVALS, errors),
      handle: async ({ res, params }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const owner = ownerRequest(res);
        return finish(
          res,
          await administration.decideSharing(owner.request, { agencyId: owner.agencyId }, id, decision),
          SHARING_APPROVALS,
          'Sharing',
        );
      },
    });

  return [
    route({
      method: 'get',
      path: SHARING_APPROVALS,
      access: { permission: 'sharing:approve' },
      audit: 'sharing-approvals.list',
      handle: async ({ res }) => {
        const owner = ownerRequest(res);
        const requests = await administration.pendingSharing(owner.agencyId);
        res.render('access/admin/views/sharing-approvals.njk', {
          requests: requests.map((request) => ({
            ...request,
            mayDecide: request.requested_by !== owner.request.actorUserId,
          })),
          recordTypeNames: RECORD_TYPE_NAMES,
          ...(await flash.take(res, SHARING_APPROVALS)),
        });
      },
    }),
    decideSharing('approved', 'approve'),
    decideSharing('rejected', 'reject'),
  ];
}
