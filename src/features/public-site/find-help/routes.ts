/**
 * Find help: one question per page, as GET forms, answers carried in the address (no cookie, no
 * session). A page submitted with a missing or wrong answer is shown again with status 400, the
 * error summary and the other answers. Asking a later question before an earlier
 * one is answered goes back to the earlier one.
 */
import type { Response } from 'express';
import { z } from 'zod';
import { formErrors, type FormErrors } from '../../../web/validation.js';
import { route, type RouteSpec } from '../../../web/routes.js';
import type { PublicContent } from '../content/content.js';
import { translator, type Translator } from '../messages/index.js';
import { presentChannel } from '../present.js';
import { renderPublic } from '../render.js';
import { classifyPlace, LOCAL_AREA } from './place.js';
import {
  checkWhere,
  detailsFor,
  nextStep,
  readAnswers,
  stepsBefore,
  stepsFor,
  toQuery,
  TOPICS,
  YES_NO,
  type Answers,
  type Step,
} from './questions.js';
import { signpost } from './signpost.js';

const BASE = '/find-help';

/** A query value as the simple parser gives it: repeated names arrive as a list; the first counts. */
const queryText = z.preprocess(
  (value) => (Array.isArray(value) ? (value as unknown[])[0] : value),
  z.string().max(1000).optional(),
);
/**
 * Not strict: a shared link may carry tracking parameters, and refusing the page over them would
 * send a frightened person away. Only the names below are ever read.
 */
const answerQuery = z.object({
  danger: queryText,
  about: queryText,
  detail: queryText,
  anonymous: queryText,
  where: queryText,
  /** Which question this submission answers; absent when a question is just being shown. */
  submitted: queryText,
});
type AnswerQuery = z.output<typeof answerQuery>;

const stepUrl = (step: Step | 'result' | 'call-999', answers: Answers) =>
  `${BASE}/${step}${toQuery(answers)}`;

/** The answers to keep as hidden fields on a question's form: all but its own. */
function hiddenFields(step: Step, answers: Answers): { name: string; value: string }[] {
  return stepsFor(answers)
    .filter((s) => s !== step && answers[s] !== undefined)
    .map((s) => ({ name: s, value: answers[s] ?? '' }));
}

function backLink(step: Step, answers: Answers): string {
  const before = stepsBefore(step, answers);
  const previous = before[before.length - 1];
  if (!previous) return BASE;
  if (previous === 'danger' && answers.danger === 'yes') return stepUrl('call-999', answers);
  return stepUrl(previous, answers);
}

interface Option {
  value: string;
  text: string;
}

function optionsFor(step: Step, answers: Answers, tr: Translator): Option[] {
  switch (step) {
    case 'danger':
      return YES_NO.map((value) => ({ value, text: tr.t(`findHelp.danger.${value}`) }));
    case 'anonymous':
      return YES_NO.map((value) => ({ value, text: tr.t(`findHelp.anonymous.${value}`) }));
    case 'about':
      return TOPICS.map((value) => ({ value, text: tr.t(`findHelp.topics.${value}`) }));
    case 'detail':
      return answers.about
        ? detailsFor(answers.about).map((value) => ({ value, text: tr.t(`findHelp.details.${value}`) }))
        : [];
    case 'where':
      return [];
  }
}

function showQuestion(
  res: Response,
  step: Step,
  answers: Answers,
  tr: Translator,
  problem?: { errors: FormErrors; value: string },
): void {
  const value = problem ? problem.value : (answers[step] ?? '');
  const question =
    step === 'detail' && answers.about
      ? tr.t(`findHelp.detail.questions.${answers.about}`)
      : tr.t(`findHelp.${step}.question`);
  renderPublic(
    res,
    step === 'where' ? 'find-help/where' : 'find-help/question',
    {
      section: 'findHelp',
      pageTitle: question,
      question,
      hint: step === 'detail' ? null : tr.t(`findHelp.${step}.hint`),
      step,
      action: `${BASE}/${step}`,
      back: backLink(step, answers),
      items: optionsFor(step, answers, tr).flatMap((o) => [
        // GOV.UK radios set the way out ("I'm not sure") apart with "or".
        ...(step === 'about' && o.value === 'not-sure' ? [{ divider: tr.t('findHelp.about.or') }] : []),
        { value: o.value, text: o.text, checked: o.value === value },
      ]),
      inline: step === 'danger',
      value,
      hidden: hiddenFields(step, answers),
      errors: problem?.errors,
    },
    tr,
  );
}

/** Checks the one answer a question page was submitted with. */
function checkAnswer(
  step: Step,
  query: AnswerQuery,
  answers: Answers,
  tr: Translator,
): { ok: true; answers: Answers } | { ok: false; message: string } {
  const raw = query[step];
  if (step === 'where') {
    const where = checkWhere(raw ?? '');
    if (!where.ok) {
      return {
        ok: false,
        message: tr.t(where.problem === 'too-long' ? 'findHelp.where.tooLong' : 'findHelp.where.characters'),
      };
    }
    return { ok: true, answers: { ...answers, where: where.value } };
  }
  // Reading the new answer together with the rest drops a detail that no longer fits a changed topic.
  const merged = readAnswers({ ...answersAsQuery(answers), [step]: raw });
  if (merged[step] === undefined) {
    const message = step === 'detail' ? tr.t('findHelp.detail.error') : tr.t(`findHelp.${step}.error`);
    return { ok: false, message };
  }
  return { ok: true, answers: merged };
}

function answersAsQuery(answers: Answers): Record<string, string | undefined> {
  return { ...answers };
}

/** Where to go once a question is answered: the next unanswered one, or the answer page. */
function afterAnswer(step: Step, answers: Answers): string {
  if (step === 'danger' && answers.danger === 'yes') return stepUrl('call-999', answers);
  return stepUrl(nextStep(answers), answers);
}

function questionRoute(step: Step): RouteSpec {
  return route({
    method: 'get',
    path: `${BASE}/${step}`,
    access: 'public',
    audit: `public.find-help.${step}`,
    query: answerQuery,
    handle: ({ res, query }) => {
      const tr = translator();
      const answers = readAnswers(query);
      const missing = stepsBefore(step, answers).find((s) => answers[s] === undefined);
      if (missing) return res.redirect(303, stepUrl(missing, answers));
      if (!stepsFor(answers).includes(step)) return res.redirect(303, stepUrl(nextStep(answers), answers));
      if (query.submitted !== step) return showQuestion(res, step, answers, tr);
      const checked = checkAnswer(step, query, answers, tr);
      if (!checked.ok) {
        res.status(400);
        const field = step === 'where' ? 'where' : step;
        return showQuestion(res, step, answers, tr, {
          errors: formErrors({ [field]: checked.message }),
          value: query[step] ?? '',
        });
      }
      res.redirect(303, afterAnswer(step, checked.answers));
    },
  });
}

export function findHelpRoutes(content: PublicContent): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: BASE,
      access: 'public',
      audit: 'public.find-help.start',
      handle: ({ res }) => renderPublic(res, 'find-help/start', { section: 'findHelp' }),
    }),
    ...(['danger', 'about', 'detail', 'anonymous', 'where'] as const).map(questionRoute),
    route({
      method: 'get',
      path: `${BASE}/call-999`,
      access: 'public',
      audit: 'public.find-help.call-999',
      query: answerQuery,
      handle: async ({ res, query }) => {
        const tr = translator();
        const answers = readAnswers(query);
        if (answers.danger !== 'yes') return res.redirect(303, stepUrl('danger', answers));
        const [emergency] = await content.channels(tr.locale, ['emergency-999']);
        renderPublic(
          res,
          'find-help/call-999',
          {
            section: 'findHelp',
            back: stepUrl('danger', answers),
            next: stepUrl(nextStep(answers), answers),
            howTo: emergency?.howTo ?? null,
          },
          tr,
        );
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/result`,
      access: 'public',
      audit: 'public.find-help.result',
      query: answerQuery,
      handle: async ({ res, query }) => {
        const tr = translator();
        const answers = readAnswers(query);
        const { danger, about, detail, anonymous, where } = answers;
        const next = nextStep(answers);
        if (next !== 'result' || !danger || !about || !anonymous) {
          return res.redirect(303, stepUrl(next === 'result' ? 'danger' : next, answers));
        }
        const channels = await content.channels(tr.locale);
        const result = signpost(
          {
            danger: danger === 'yes',
            topic: about,
            detail: detail ?? null,
            anonymous: anonymous === 'yes',
            place: classifyPlace(where, LOCAL_AREA),
          },
          channels,
        );
        const byCode = new Map(channels.map((c) => [c.code, c]));
        const recommendations = result.recommendations.flatMap((r) => {
          const channel = byCode.get(r.channel);
          if (!channel) return [];
          return [
            {
              channel: presentChannel(channel, tr),
              reasons: r.reasons.map((reason) => tr.t(`findHelp.reasons.${reason}`)),
              anonymityWarning: r.anonymityWarning,
            },
          ];
        });
        const summary = stepsFor(answers).map((step) => {
          const question =
            step === 'detail'
              ? tr.t(`findHelp.detail.questions.${about}`)
              : tr.t(`findHelp.${step}.question`);
          const value = answers[step];
          const text =
            step === 'where'
              ? value || tr.t('findHelp.result.whereNotGiven')
              : (optionsFor(step, answers, tr).find((o) => o.value === value)?.text ?? '');
          return {
            key: { text: question },
            value: { text },
            actions: {
              items: [
                {
                  href: stepUrl(step, answers),
                  text: tr.t('common.change'),
                  visuallyHiddenText: tr.t('findHelp.result.changeHidden', { question }),
                },
              ],
            },
          };
        });
        renderPublic(
          res,
          'find-help/result',
          {
            section: 'findHelp',
            back: stepUrl('where', answers),
            recommendations,
            notes: result.notes.map((note) => tr.t(`findHelp.notes.${note}`, { area: LOCAL_AREA.name })),
            summary,
          },
          tr,
        );
      },
    }),
  ];
}
