/** Tactic suggestions as a table of pictures and the tactics each should (and should not) suggest. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_TACTICS } from '../tactics/seed-tactics.js';
import { suggestTactics, type PictureEntity, type PlanPicture, type TacticRow } from './suggestions.js';

const tactic = (
  key: string,
  name: string,
  strand: TacticRow['strand'],
  suggestedFor: string[],
): TacticRow => ({
  id: `id-${key}`,
  key,
  name,
  strand,
  suggested_for: suggestedFor,
});

const LIBRARY: TacticRow[] = [
  tactic('premises-licence-review', 'Premises licence review', 'pursue', ['licensed-premises']),
  tactic('closure-notice', 'Closure notice and order', 'pursue', ['premises', 'address', 'cuckooing-victim']),
  tactic('hmo-fit-and-proper', 'HMO licence fit-and-proper review', 'pursue', ['hmo']),
  tactic('dvla-checks', 'DVLA and vehicle checks', 'pursue', ['vehicle']),
  tactic('vehicle-seizure', 'Seizure of an uninsured vehicle', 'pursue', ['vehicle']),
  tactic('companies-house', 'Companies House referral', 'pursue', ['company']),
  tactic('hmrc-referral', 'HMRC referral', 'pursue', [
    'company',
    'business',
    'category:money-laundering-and-economic-crime',
  ]),
  tactic('childrens-front-door', "Safeguarding referral (children's front door)", 'protect', [
    'child-victim',
  ]),
  tactic('adult-safeguarding', 'Safeguarding referral (adults)', 'protect', ['victim', 'cuckooing-victim']),
  tactic('nrm', 'National Referral Mechanism referral', 'protect', ['trafficking-victim']),
  tactic('scpo', 'Serious Crime Prevention Order', 'pursue', ['principal']),
  tactic('professional-body', 'Referral to a professional body', 'prevent', ['enabler']),
  tactic('cash-seizure', 'Cash seizure', 'pursue', ['category:illegal-drugs']),
  tactic('retired-thing', 'Retired tactic', 'pursue', ['vehicle']),
];
LIBRARY[LIBRARY.length - 1]!.retired = true;

const entity = (
  e: Partial<PictureEntity> & Pick<PictureEntity, 'id' | 'schema' | 'caption'>,
): PictureEntity => ({
  properties: {},
  role: 'associated',
  ...e,
});

const picture = (p: Partial<PlanPicture>): PlanPicture => ({
  about: 'ocg',
  entities: [],
  victims: [],
  categories: [],
  ...p,
});

const keys = (p: PlanPicture) =>
  suggestTactics(p, LIBRARY).map((s) => `${s.tactic.key}@${s.target?.caption ?? '-'}`);

describe('tactic suggestions', () => {
  it('a linked licensed premises suggests a licence review, with the reason in words', () => {
    const suggestions = suggestTactics(
      picture({
        entities: [
          entity({
            id: 'pub',
            schema: 'Premises',
            caption: 'The Miners Arms',
            properties: { name: ['The Miners Arms'], premisesKind: ['licensed premises'] },
          }),
        ],
      }),
      LIBRARY,
    );
    const review = suggestions.find((s) => s.tactic.key === 'premises-licence-review');
    assert.ok(review);
    assert.equal(review.reason, 'The Miners Arms is a licensed premises linked to this OCG');
    assert.deepEqual(review.target, { id: 'pub', caption: 'The Miners Arms', kind: 'entity' });
    // Premises in general suggest a closure notice too; a licensed premises is more specific.
    assert.deepEqual(
      suggestions.map((s) => s.tactic.key),
      ['premises-licence-review', 'closure-notice'],
    );
    assert.match(
      suggestions[1]!.reason,
      /The Miners Arms is premises \(licensed premises\) linked to this OCG/,
    );
  });

  it('a house in multiple occupation suggests the HMO fit-and-proper review', () => {
    assert.deepEqual(
      keys(
        picture({
          entities: [
            entity({
              id: 'h',
              schema: 'Premises',
              caption: '4 Quay Row',
              properties: { premisesKind: ['house in multiple occupation'] },
            }),
          ],
        }),
      ),
      ['hmo-fit-and-proper@4 Quay Row', 'closure-notice@4 Quay Row'],
    );
  });

  it('a vehicle suggests vehicle tactics (never a retired one), a company Companies House and HMRC', () => {
    const p = picture({
      entities: [
        entity({
          id: 'v',
          schema: 'Vehicle',
          caption: 'WP19 ABC',
          via: { caption: 'Dean Vosper', reads: 'used by' },
        }),
        entity({
          id: 'b',
          schema: 'Business',
          caption: 'Shiny Car Wash Ltd',
          properties: { companyNumber: ['01234567'] },
        }),
        entity({ id: 'c', schema: 'Business', caption: 'Cash Only Cafe' }),
      ],
    });
    assert.deepEqual(keys(p), [
      'companies-house@Shiny Car Wash Ltd',
      'hmrc-referral@Shiny Car Wash Ltd',
      'dvla-checks@WP19 ABC',
      'hmrc-referral@Cash Only Cafe',
      'vehicle-seizure@WP19 ABC',
    ]);
    const dvla = suggestTactics(p, LIBRARY).find((s) => s.tactic.key === 'dvla-checks')!;
    assert.equal(dvla.reason, 'WP19 ABC is a vehicle used by Dean Vosper, a member of this OCG');
    const hmrc = suggestTactics(p, LIBRARY).find(
      (s) => s.target?.id === 'b' && s.tactic.key === 'hmrc-referral',
    )!;
    assert.equal(hmrc.because, 'company', 'the most specific reason wins');
  });

  it('victims suggest safeguarding: a child the front door, cuckooing and trafficking their routes', () => {
    const p = picture({
      victims: [
        { id: 'k', caption: 'Kayla Penrose', child: true, cuckooing: null, trafficking: null },
        {
          id: 'm',
          caption: 'Mary Trelawny',
          child: false,
          cuckooing: 'exploited by Dean Vosper, whose associates use her home',
          trafficking: null,
        },
        {
          id: 't',
          caption: 'Tomas Novak',
          child: false,
          cuckooing: null,
          trafficking: 'named as a victim in an item about modern slavery',
        },
      ],
    });
    assert.deepEqual(keys(p), [
      'closure-notice@Mary Trelawny',
      'nrm@Tomas Novak',
      'adult-safeguarding@Mary Trelawny',
      'childrens-front-door@Kayla Penrose',
      'adult-safeguarding@Kayla Penrose',
      'adult-safeguarding@Tomas Novak',
    ]);
    const cuckooing = suggestTactics(p, LIBRARY).find(
      (s) => s.target?.id === 'm' && s.tactic.key === 'adult-safeguarding',
    )!;
    assert.equal(
      cuckooing.reason,
      'Mary Trelawny may be a cuckooing victim: exploited by Dean Vosper, whose associates use her home',
    );
  });

  it('a picture without victims (a viewer without victims:read) suggests none of the victim tactics', () => {
    const victimTactics = LIBRARY.filter((t) => t.suggested_for.some((f) => f.includes('victim'))).map(
      (t) => t.key,
    );
    const p = picture({
      entities: [entity({ id: 'p', schema: 'Person', caption: 'Dean Vosper', role: 'principal' })],
      categories: ['illegal-drugs', 'modern-slavery-and-human-trafficking'],
    });
    const suggested = suggestTactics(p, LIBRARY);
    assert.ok(suggested.every((s) => !victimTactics.includes(s.tactic.key) || s.because !== 'victim'));
    assert.ok(
      suggested.every((s) => !/victim/i.test(s.reason)),
      'no reason mentions a victim',
    );
    assert.deepEqual(keys(p), ['scpo@Dean Vosper', 'cash-seizure@-']);
  });

  it('roles and categories: a principal, an enabler, and the OCG categories with no target', () => {
    const p = picture({
      entities: [
        entity({ id: 'a', schema: 'Person', caption: 'Alan Accountant', role: 'enabler' }),
        entity({ id: 'b', schema: 'Business', caption: 'Laundry Ltd' }),
      ],
      categories: ['money-laundering-and-economic-crime'],
    });
    const suggestions = suggestTactics(p, LIBRARY);
    assert.deepEqual(
      suggestions.map((s) => `${s.tactic.key}@${s.target?.caption ?? '-'}`),
      ['hmrc-referral@Laundry Ltd', 'professional-body@Alan Accountant'],
      'HMRC is not suggested again for the category once it has a target',
    );
    assert.equal(
      suggestions[1]!.reason,
      'Alan Accountant is an enabler of this OCG (for example a lawyer or accountant)',
    );
    const onlyCategory = suggestTactics(
      picture({ categories: ['money-laundering-and-economic-crime'] }),
      LIBRARY,
    );
    assert.equal(onlyCategory[0]!.reason, 'This OCG is involved in money laundering and economic crime');
    assert.equal(onlyCategory[0]!.target, null);
  });

  it('a plan about a problem location says so, and the order is the same whatever order things arrive in', () => {
    const entities = [
      entity({
        id: 's',
        schema: 'Premises',
        caption: 'The Miners Arms',
        subject: true,
        role: null,
        properties: { premisesKind: ['licensed premises'] },
      }),
      entity({
        id: 'v',
        schema: 'Vehicle',
        caption: 'WP19 ABC',
        role: null,
        via: { caption: 'The Miners Arms', reads: 'seen at' },
      }),
    ];
    const forwards = suggestTactics(picture({ about: 'subject', entities }), LIBRARY);
    const backwards = suggestTactics(
      picture({ about: 'subject', entities: [...entities].reverse() }),
      [...LIBRARY].reverse(),
    );
    assert.deepEqual(forwards, backwards);
    assert.equal(forwards[0]!.reason, 'The Miners Arms, the subject of this plan, is a licensed premises');
  });

  it('the shipped tactics library suggests what the issue asks for', () => {
    const library: TacticRow[] = SEED_TACTICS.map((t) => ({
      id: t.key,
      key: t.key,
      name: t.name,
      strand: t.strand,
      suggested_for: t.suggestedFor,
    }));
    const entities = [
      entity({
        id: 'pub',
        schema: 'Premises',
        caption: 'The Miners Arms',
        properties: { premisesKind: ['licensed premises'] },
      }),
      entity({ id: 'car', schema: 'Vehicle', caption: 'WP19ABC' }),
      entity({
        id: 'co',
        schema: 'Business',
        caption: 'Shiny Ltd',
        properties: { companyNumber: ['01234567'] },
      }),
    ];
    const victims = [
      { id: 'k', caption: 'Kayla', child: true, cuckooing: null, trafficking: null },
      { id: 'm', caption: 'Mary', child: false, cuckooing: 'exploited by Dean', trafficking: null },
      {
        id: 't',
        caption: 'Tomas',
        child: false,
        cuckooing: null,
        trafficking: 'named in a modern slavery item',
      },
    ];
    const withVictims = suggestTactics(picture({ entities, victims }), library);
    const has = (key: string, target: string) =>
      withVictims.some((s) => s.tactic.key === key && s.target?.id === target);
    assert.ok(has('premises-licence-review', 'pub'), 'a licensed premises suggests a licence review');
    assert.ok(has('dvla-vehicle-checks', 'car'), 'a vehicle suggests vehicle tactics');
    assert.ok(
      has('companies-house-referral', 'co') && has('hmrc-referral', 'co'),
      'a company: Companies House and HMRC',
    );
    assert.ok(has('child-safeguarding-referral', 'k'), 'a child victim: the children’s front door');
    assert.ok(
      has('adult-safeguarding-referral', 'm') && has('cuckooing-protection', 'm'),
      'a cuckooing victim',
    );
    assert.ok(has('nrm-referral', 't'), 'a suspected trafficking victim: the NRM');
    // Each victim gets their own age's safeguarding route, and no enforcement tactic targets a victim.
    assert.ok(!has('adult-safeguarding-referral', 'k'), 'never the adults’ route for a child');
    assert.ok(
      !has('child-safeguarding-referral', 'm') && !has('child-safeguarding-referral', 't'),
      'never the children’s front door for an adult',
    );
    const pursuingVictims = withVictims.filter(
      (s) => s.target?.kind === 'victim' && s.tactic.strand === 'pursue',
    );
    assert.deepEqual(
      pursuingVictims.map((s) => `${s.tactic.key} → ${s.target?.caption ?? ''}`),
      [],
      'a victim is never the target of a Pursue tactic',
    );
    // Without victims:read the picture has no victims: nothing targets one, nothing mentions one.
    const without = suggestTactics(picture({ entities }), library);
    assert.ok(without.every((s) => s.target?.kind !== 'victim' && !/victim/i.test(s.reason)));
    assert.ok(
      !without.some((s) =>
        [
          'child-safeguarding-referral',
          'adult-safeguarding-referral',
          'nrm-referral',
          'cuckooing-protection',
        ].includes(s.tactic.key),
      ),
    );
  });
});
