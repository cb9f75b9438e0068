/**
 * A small demo partnership, loaded by `npm run demo` (never by `npm start`): organisations and
 * their agencies, and one user per role (two administrators, so one can approve the other's
 * changes of access) whose sign-in details are returned once to be printed.
 */
import type { Database } from '../../db/database.js';
import type { Accounts, NewAgency } from '../access/accounts.js';
import { ROLES, type Role } from '../access/roles.js';
import { newTotpSecret } from '../access/totp.js';
import type { ReportAnswers, Reports } from '../reports/reports.js';
import { loadDemoGroups } from './demo-groups.js';
import { loadDemoIntelligence } from './demo-intelligence.js';

export const DEMO_AGENCIES: readonly NewAgency[] = [
  {
    code: 'police-public-protection',
    name: 'Police public protection unit',
    organisation: 'Devon and Cornwall Police',
    kind: 'police',
  },
  {
    code: 'council-trading-standards',
    name: 'Trading Standards',
    organisation: 'Cornwall Council',
    kind: 'council',
  },
  { code: 'council-licensing', name: 'Licensing', organisation: 'Cornwall Council', kind: 'council' },
  {
    code: 'council-asb',
    name: 'Anti-social behaviour team',
    organisation: 'Cornwall Council',
    kind: 'council',
  },
  {
    code: 'council-planning-enforcement',
    name: 'Planning enforcement',
    organisation: 'Cornwall Council',
    kind: 'council',
  },
  {
    code: 'council-environmental-health',
    name: 'Environmental health',
    organisation: 'Cornwall Council',
    kind: 'council',
  },
  {
    code: 'children-safeguarding',
    name: "Children's social care front door",
    organisation: 'Cornwall Council',
    kind: 'social-care',
  },
  {
    code: 'partnership-team',
    name: 'Community safety partnership team',
    organisation: 'Cornwall Council',
    kind: 'council',
  },
  {
    code: 'health-safeguarding',
    name: 'Safeguarding team',
    organisation: 'NHS Cornwall and Isles of Scilly',
    kind: 'health',
  },
  {
    code: 'probation',
    name: 'Probation delivery unit',
    organisation: 'Probation Service',
    kind: 'probation',
  },
  {
    code: 'immigration-enforcement',
    name: 'Immigration Enforcement',
    organisation: 'Home Office',
    kind: 'immigration-enforcement',
  },
];

const DEMO_USERS: readonly { role: Role; name: string; email: string; agency: string }[] = [
  {
    role: 'public-protection-analyst',
    name: 'Alex Analyst',
    email: 'analyst@police.demo.lantern.test',
    agency: 'police-public-protection',
  },
  {
    role: 'police-supervisor',
    name: 'Sam Supervisor',
    email: 'supervisor@police.demo.lantern.test',
    agency: 'police-public-protection',
  },
  {
    role: 'council-officer',
    name: 'Lee Licensing',
    email: 'licensing@council.demo.lantern.test',
    agency: 'council-licensing',
  },
  { role: 'council-officer', name: 'Ash Asb', email: 'asb@council.demo.lantern.test', agency: 'council-asb' },
  {
    role: 'health-social-care-partner',
    name: 'Hana Health',
    email: 'safeguarding@health.demo.lantern.test',
    agency: 'health-safeguarding',
  },
  {
    role: 'information-governance',
    name: 'Ira Governance',
    email: 'ig@council.demo.lantern.test',
    agency: 'partnership-team',
  },
  {
    role: 'partnership-coordinator',
    name: 'Cass Coordinator',
    email: 'coordinator@council.demo.lantern.test',
    agency: 'partnership-team',
  },
  {
    role: 'system-administrator',
    name: 'Ada Admin',
    email: 'admin@council.demo.lantern.test',
    agency: 'partnership-team',
  },
  // A second administrator: a change that widens someone's access needs another to approve it.
  {
    role: 'system-administrator',
    name: 'Dee Deputy',
    email: 'admin2@council.demo.lantern.test',
    agency: 'partnership-team',
  },
  // Agrees, or not, when another agency asks to see the police unit's records.
  {
    role: 'information-asset-owner',
    name: 'Oli Owner',
    email: 'iao@police.demo.lantern.test',
    agency: 'police-public-protection',
  },
];

export interface DemoCredentials {
  email: string;
  password: string;
  /** The TOTP secret: add it to an authenticator app, or compute codes from it in tests. */
  totpSecret: string;
  role: string;
  agency: string;
}

/**
 * Loads whatever part of the demo partnership is missing. Returns the sign-in details of the users
 * it created, or null when there was nothing to create: passwords are shown once only.
 */
export async function loadDemoData(
  database: Database,
  accounts: Accounts,
  reports: Reports,
): Promise<DemoCredentials[] | null> {
  const credentials = await database.transaction(async (tx) => {
    for (const agency of DEMO_AGENCIES) {
      if (!(await accounts.agencyByCode(agency.code, tx))) await accounts.createAgency(agency, tx);
    }
    const credentials: DemoCredentials[] = [];
    for (const user of DEMO_USERS) {
      if (await accounts.userByEmail(user.email, tx)) continue;
      // Demo users are pre-enrolled in TOTP, with OFFICIAL-SENSITIVE clearance.
      const totpSecret = newTotpSecret();
      const { password } = await accounts.createUser(
        {
          email: user.email,
          displayName: user.name,
          agencyCode: user.agency,
          roles: [user.role],
          clearance: 'OFFICIAL-SENSITIVE',
          totpSecret,
        },
        tx,
      );
      credentials.push({
        email: user.email,
        password,
        totpSecret,
        role: ROLES[user.role].name,
        agency: user.agency,
      });
    }
    return credentials.length ? credentials : null;
  });
  if (credentials) await loadDemoReports(database, reports);
  return credentials;
}

const DEMO_REPORTS: readonly ReportAnswers[] = [
  {
    category: 'illegal-drugs',
    what: 'I think the flat below mine has been cuckooed. Young people I do not know are going in and out at all hours. Lee, the man who lives there, seems scared and has stopped going out. Cards with the number 07700 900461 have been pushed through doors on our street.',
    where: 'Flat 2, 14 Chapel Row, Camborne',
    whenDate: null,
    whenText: 'Most evenings for the last two weeks',
    who: 'Two lads, about 16, on bikes. One calls the older man in the silver car "Kaner".',
  },
  {
    category: 'modern-slavery-and-human-trafficking',
    what: 'The workers at the car wash live in a caravan behind it. They never seem to have days off and someone collects them in a van.',
    where: 'Car wash on the industrial estate, Redruth',
    whenDate: null,
    whenText: 'Since the summer',
    who: null,
  },
];

/**
 * Two public reports, received by the partnership hub and shared with the police public
 * protection unit: so the demo shows the access rules at work (the analyst sees them; a council
 * officer does not). Submitted through the reports service, so they are audited like any other.
 */
async function loadDemoReports(database: Database, reports: Reports): Promise<void> {
  const audit = {
    actor: { kind: 'system' as const, name: 'demo-data' },
    requestId: null,
    purpose: 'public-report' as const,
    justification: null,
    written: 0,
  };
  for (const answers of DEMO_REPORTS) await reports.submit(audit, answers, null, undefined);
  await database.transaction(async (tx) => {
    const hub = await tx
      .selectFrom('agency')
      .select('id')
      .where('receives_public_reports', '=', true)
      .executeTakeFirst();
    const police = await tx
      .selectFrom('agency')
      .select('id')
      .where('code', '=', 'police-public-protection')
      .executeTakeFirst();
    if (!hub || !police) return;
    // The demo's own rules are inserted as already approved: the approval pages are for changes
    // made in the running service, and the demo has no earlier requests to decide.
    for (const record_type of ['public-report', 'public-report-file']) {
      await tx
        .insertInto('sharing_rule')
        .values({ owner_agency_id: hub.id, partner_agency_id: police.id, record_type })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await loadDemoIntelligence(tx, police.id, hub.id);
    await loadDemoGroups(tx, police.id);
  });
}
