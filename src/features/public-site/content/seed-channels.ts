/**
 * The reporting channels Lantern ships with, seeded once into `reporting_channel` and
 * `reporting_channel_text` (English). After that they belong to the partners, who keep them up to
 * date in the partner workspace.
 *
 * Each was checked on `verifiedOn` against the pages named in `source`, through the
 * project's store of public pages. Where a detail could not be confirmed from the channel's own
 * published information, `verificationNote` says so, and the words shown to the public avoid
 * claiming it.
 *
 * The two council "front doors" and the police force's online form are local: these values are
 * Cornwall's (Cornwall Council, Devon and Cornwall Police), as the example partnership. Another
 * partnership replaces them with its own.
 */
import type { ChannelFacts, ChannelText } from './types.js';

/** The codes the signposting rules know. Partners may add others; the rules ignore those. */
export const CHANNEL_CODES = [
  'emergency-999',
  'police-101',
  'police-online',
  'crimestoppers',
  'lantern-concern-form',
  'report-fraud',
  'scam-text-7726',
  'phishing-email',
  'modern-slavery-helpline',
  'glaa',
  'ceop',
  'nspcc',
  'childline',
  'children-front-door',
  'adults-front-door',
  'citizens-advice-consumer',
  'victim-support',
] as const;
export type ChannelCode = (typeof CHANNEL_CODES)[number];

export interface SeedChannel extends ChannelFacts {
  code: ChannelCode;
  text: { en: ChannelText };
}

const CHECKED = '2026-11-23';

export const SEED_CHANNELS: readonly SeedChannel[] = [
  {
    code: 'emergency-999',
    kind: 'emergency',
    phone: '999',
    outOfHoursPhone: null,
    textNumber: '999',
    email: null,
    webUrl: null,
    anonymity: 'identified',
    isLocal: false,
    verifiedOn: CHECKED,
    source:
      'emergencySMS registration: eastamb.nhs.uk "Using 999 with speech or hearing impairment" and southtees.nhs.uk "EmergencySMS"; ' +
      '18000 by text relay: contactcambspolice.uk "Accessible contact methods" and warwickshire.police.uk "Cyber Crime and Fraud"; ' +
      'Relay UK: relayuk.bt.com',
    verificationNote:
      '18000 was confirmed on police and Red Cross pages, not on a Relay UK page of its own. ' +
      'Pressing 55 (Silent Solution) was confirmed only in a press report quoting BT.',
    text: {
      en: {
        name: 'Emergency: call 999',
        summary: 'Call 999 if someone is in danger now, a crime is happening now, or someone is hurt.',
        openingHours: 'Always open',
        whoReceives:
          'The police, or the ambulance, fire or coastguard service. They can send help straight away.',
        anonymityNote:
          'This is not anonymous. The call handler can see your number and may ask your name. If someone is in danger, that does not matter: call.',
        howTo:
          'If you cannot speak, stay on the line and listen. On a mobile, press 55 when you are asked. ' +
          'If you are deaf or cannot speak, you can text 999 once your phone is registered with emergencySMS (text the word register to 999), ' +
          'or call 18000 by text relay.',
      },
    },
  },
  {
    code: 'police-101',
    kind: 'report',
    phone: '101',
    outOfHoursPhone: null,
    textNumber: null,
    email: null,
    webUrl: null,
    anonymity: 'identified',
    isLocal: false,
    verifiedOn: CHECKED,
    source:
      'cornwall.gov.uk "Emergencies: reporting non-urgent crimes" (101 connects you to the force where you are; 18001 101 by textphone); ' +
      'devon-cornwall.police.uk "Service standards"',
    verificationNote: 'Phone opening hours were not confirmed, so none are shown.',
    text: {
      en: {
        name: 'Police: call 101',
        summary: 'Call 101 to tell the police about crime that is not an emergency.',
        openingHours: null,
        whoReceives:
          'The police force for the area you call from. If you are near the edge of two areas, you can choose which force to speak to.',
        anonymityNote:
          'This is not anonymous. The police will usually ask your name and how to contact you. To stay anonymous, use Crimestoppers instead.',
        howTo: 'If you are deaf or cannot speak, use a textphone or the Relay UK app to call 18001 101.',
      },
    },
  },
  {
    code: 'police-online',
    kind: 'report',
    phone: null,
    outOfHoursPhone: null,
    textNumber: null,
    email: null,
    webUrl: 'https://www.devon-cornwall.police.uk/',
    anonymity: 'identified',
    isLocal: true,
    verifiedOn: CHECKED,
    source:
      'devon-cornwall.police.uk "Service standards" (online crime reports answered within 24 hours); cranbrooktowncouncil.gov.uk on reporting online',
    verificationNote:
      'The address of the online reporting form itself could not be confirmed (the one found dates from 2019), so this links to the force home page.',
    text: {
      en: {
        name: 'Police: report online',
        summary:
          'Tell Devon and Cornwall Police about crime that is not an emergency, using the form on their website.',
        openingHours: 'You can report online at any time.',
        whoReceives: 'Devon and Cornwall Police.',
        anonymityNote:
          'This is not anonymous. The police will ask your name and contact details. To stay anonymous, use Crimestoppers instead.',
        howTo: null,
      },
    },
  },
  {
    code: 'crimestoppers',
    kind: 'report',
    phone: '0800 555 111',
    outOfHoursPhone: null,
    textNumber: null,
    email: null,
    webUrl: 'https://crimestoppers-uk.org/give-information',
    anonymity: 'anonymous',
    isLocal: false,
    verifiedOn: CHECKED,
    source:
      'crimestoppers-uk.org "Our Contact Centre" and "What we do with your information"; open 24/7 from the Crimestoppers UK encyclopedia entry',
    verificationNote: null,
    text: {
      en: {
        name: 'Crimestoppers',
        summary:
          'An independent charity. Tell them what you know about crime, by phone or online, without saying who you are.',
        openingHours: '24 hours a day, every day',
        whoReceives:
          'Crimestoppers staff. They take out anything that could show who you are, then send the information to the police or another agency that can act.',
        anonymityNote:
          'Anonymous. They will not ask your name, your call cannot be traced, and details that could identify you are removed from online forms.',
        howTo: null,
      },
    },
  },
  {
    code: 'lantern-concern-form',
    kind: 'report',
    phone: null,
    outOfHoursPhone: null,
    textNumber: null,
    email: null,
    webUrl: '/report',
    anonymity: 'anonymous',
    isLocal: true,
    verifiedOn: CHECKED,
    source: "This site's own concern form (/report).",
    verificationNote: null,
    text: {
      en: {
        name: 'Our anonymous concern form',
        summary: 'Tell the partnership that runs this website about something that worries you in this area.',
        openingHours:
          'You can use the form at any time. It is not watched all the time, so do not use it in an emergency.',
        whoReceives:
          'The partnership team that runs this website. They pass it to the partner who can act on it, such as the police, the council or a safeguarding team.',
        anonymityNote:
          'Anonymous. You do not have to give your name or any way to contact you. You will be given a receipt code.',
        howTo: null,
      },
    },
  },
  {
    code: 'report-fraud',
    kind: 'report',
    phone: '0300 123 2040',
    outOfHoursPhone: null,
    textNumber: null,
    email: null,
    webUrl: 'https://www.reportfraud.police.uk/',
    anonymity: 'identified',
    isLocal: false,
    verifiedOn: CHECKED,
    source:
      'wired-gov.net "Report Fraud service goes live" (4 December 2025: replaced Action Fraud; reportfraud.police.uk and 0300 123 2040); ' +
      'metengage.co.uk police alert (phone Monday to Friday, 8am to 8pm)',
    verificationNote:
      "Checked against the service's launch announcement and a police alert, not against reportfraud.police.uk itself. " +
      'Whether you can report without giving your details was not confirmed; the site says it is not anonymous to be safe.',
    text: {
      en: {
        name: 'Report Fraud',
        summary:
          'The national police service for reporting fraud, scams and cyber crime in England, Wales and Northern Ireland. It replaced Action Fraud in December 2025.',
        openingHours: 'Online at any time. Phone: Monday to Friday, 8am to 8pm.',
        whoReceives:
          'The National Fraud Intelligence Bureau, part of the police, assesses each report. Some are sent to a police force to investigate.',
        anonymityNote:
          'This is not anonymous: you will be asked for your details. To pass on information about fraudsters without giving your name, use Crimestoppers.',
        howTo: null,
      },
    },
  },
  {
    code: 'scam-text-7726',
    kind: 'report',
    phone: null,
    outOfHoursPhone: null,
    textNumber: '7726',
    email: null,
    webUrl: null,
    anonymity: 'identified',
    isLocal: false,
    verifiedOn: CHECKED,
    source:
      'ofcom.org.uk "Scam calls and messages: how to report scam texts and mobile calls to 7726"; vodafone.co.uk "Phishing"; ' +
      'wokingham.gov.uk "Report fraud to relevant authorities"',
    verificationNote: null,
    text: {
      en: {
        name: 'Forward scam texts to 7726',
        summary:
          'Forward a scam text to 7726. It is free. Your network will ask which number sent it. For a scam call, text the word call and the number to 7726.',
        openingHours: 'Any time',
        whoReceives:
          'Your mobile phone network. They can find out where the text came from and block the sender.',
        anonymityNote: 'Your network will see your phone number, because the text comes from your phone.',
        howTo: null,
      },
    },
  },
  {
    code: 'phishing-email',
    kind: 'report',
    phone: null,
    outOfHoursPhone: null,
    textNumber: null,
    email: 'report@phishing.gov.uk',
    webUrl: null,
    anonymity: 'identified',
    isLocal: false,
    verifiedOn: CHECKED,
    source:
      'nicybersecuritycentre.gov.uk "How to report a scam email"; NCSC Suspicious Email Reporting Service as described by saferderbyshire.gov.uk',
    verificationNote:
      "Not checked on the National Cyber Security Centre's own site; the address is confirmed on a government site.",
    text: {
      en: {
        name: 'Forward scam emails',
        summary:
          'Forward a scam email to report@phishing.gov.uk. If it will not send, take a screenshot of the email and send that instead.',
        openingHours: 'Any time',
        whoReceives:
          'The National Cyber Security Centre. They check the links in the email and take down scam websites.',
        anonymityNote: 'They will see the email address you send it from.',
        howTo: null,
      },
    },
  },
  {
    code: 'modern-slavery-helpline',
    kind: 'report',
    phone: '08000 121 700',
    outOfHoursPhone: null,
    textNumber: null,
    email: null,
    webUrl: 'https://www.modernslaveryhelpline.org/',
    anonymity: 'optional',
    isLocal: false,
    verifiedOn: CHECKED,
    source: 'modernslaveryhelpline.org home page and "What happens when you call the Helpline"',
    verificationNote: null,
    text: {
      en: {
        name: 'Modern Slavery & Exploitation Helpline',
        summary:
          'Free advice and a way to report if you think someone is being forced to work or is being exploited.',
        openingHours: '24 hours a day, every day',
        whoReceives:
          'Trained advisers at the helpline, run by the charity Unseen. With your agreement, they pass information to the police or to services that can help.',
        anonymityNote:
          'You can stay anonymous if you want to. They ask before sharing your details, unless someone is in danger or a child is at risk.',
        howTo: 'You can also report online on their website.',
      },
    },
  },
  {
    code: 'glaa',
    kind: 'report',
    phone: '0800 432 0804',
    outOfHoursPhone: null,
    textNumber: null,
    email: null,
    webUrl: 'https://www.gla.gov.uk/',
    anonymity: 'unknown',
    isLocal: false,
    verifiedOn: CHECKED,
    source:
      'gla.gov.uk (page header: "Report Problems: 0800 432 0804") and "Is the GLAA the correct enforcement body for you?"',
    verificationNote:
      'Opening hours and whether you can report anonymously could not be confirmed, so the site says so rather than guess.',
    text: {
      en: {
        name: 'Gangmasters and Labour Abuse Authority (GLAA)',
        summary:
          'A government agency that investigates forced labour and workers being exploited, in any kind of work, in England and Wales.',
        openingHours: null,
        whoReceives:
          'Investigators at the GLAA. They can visit workplaces, arrest people and protect workers.',
        anonymityNote:
          'We have not been able to confirm whether you can report to the GLAA without giving your name. If you need to stay anonymous, use the Modern Slavery & Exploitation Helpline or Crimestoppers.',
        howTo: null,
      },
    },
  },
  {
    code: 'ceop',
    kind: 'report',
    phone: null,
    outOfHoursPhone: null,
    textNumber: null,
    email: null,
    webUrl: 'https://www.ceop.police.uk/Safety-Centre/',
    anonymity: 'identified',
    isLocal: false,
    verifiedOn: CHECKED,
    source:
      'ceop.police.uk Safety Centre: "What happens when I make a report?" and "How can CEOP help me?" (a Child Protection Advisor contacts you)',
    verificationNote: null,
    text: {
      en: {
        name: 'CEOP: report online sexual abuse of a child',
        summary:
          'Report someone online who is talking to a child in a sexual way, asking for pictures, or trying to meet them. Children can report too.',
        openingHours: 'You can report online at any time.',
        whoReceives:
          'A Child Protection Advisor at CEOP, part of the National Crime Agency (a police agency). They may share it with other people whose job is to keep the child safe.',
        anonymityNote:
          'This is not anonymous. A Child Protection Advisor will contact you by phone or email to keep the child safe, so you need to give your details.',
        howTo: 'CEOP does not deal with bullying, fake accounts or hacked accounts.',
      },
    },
  },
  {
    code: 'nspcc',
    kind: 'report',
    phone: '0808 800 5000',
    outOfHoursPhone: null,
    textNumber: null,
    email: 'help@nspcc.org.uk',
    webUrl: 'https://www.nspcc.org.uk/',
    anonymity: 'optional',
    isLocal: false,
    verifiedOn: CHECKED,
    source:
      'nspcc.org.uk "Report abuse" (anonymity, 0808 800 5000) and safeguardingtool.nspcc.org.uk "Report abuse" (phone hours; email and online form any time)',
    verificationNote: null,
    text: {
      en: {
        name: 'NSPCC helpline',
        summary: 'For adults who are worried about a child. You do not have to be sure.',
        openingHours:
          'Phone: Monday to Friday 8am to 10pm, weekends 9am to 6pm. Email or online form: any time.',
        whoReceives:
          'NSPCC child protection specialists. If a child is at risk, they pass it to children’s social care or the police.',
        anonymityNote:
          'You do not have to say who you are. You can also ask them not to share your name with the police or social care.',
        howTo: null,
      },
    },
  },
  {
    code: 'childline',
    kind: 'support',
    phone: '0800 1111',
    outOfHoursPhone: null,
    textNumber: null,
    email: null,
    webUrl: 'https://www.childline.org.uk/',
    anonymity: 'optional',
    isLocal: false,
    verifiedOn: CHECKED,
    source: 'learning.nspcc.org.uk "Childline" (free, 24 hours, up to age 19)',
    verificationNote: null,
    text: {
      en: {
        name: 'Childline',
        summary:
          'If you are under 19, you can talk to Childline about anything that worries you. It is free.',
        openingHours: '24 hours a day',
        whoReceives: 'A Childline counsellor. Childline is run by the NSPCC.',
        anonymityNote:
          'You do not have to give your name. What you say stays private, unless you ask them to talk to someone for you or you are in danger.',
        howTo: 'You can also chat online or send an email on their website.',
      },
    },
  },
  {
    code: 'children-front-door',
    kind: 'report',
    phone: '0300 123 1116',
    outOfHoursPhone: '01208 251 300',
    textNumber: null,
    email: null,
    webUrl:
      'https://www.cornwall.gov.uk/health-and-social-care/childrens-services/child-protection-and-safeguarding/',
    anonymity: 'unknown',
    isLocal: true,
    verifiedOn: CHECKED,
    source:
      'cornwall.gov.uk "Child Protection and Safeguarding" (MARU 0300 123 1116) and "Safeguarding" (out of hours 01208 251 300 and the hours it covers)',
    verificationNote: 'Whether you can report without giving your name could not be confirmed.',
    text: {
      en: {
        name: 'Worried about a child: Cornwall Council',
        summary:
          'Tell the council if you are worried that a child or young person is being harmed or exploited. You do not need to be sure.',
        openingHours:
          'Monday to Thursday 8:45am to 5:15pm, Friday 8:45am to 4:45pm. At other times, call 01208 251 300.',
        whoReceives:
          'The Multi Agency Referral Unit (MARU): social workers who work with the police and health services to keep children safe.',
        anonymityNote:
          'They will usually ask who you are so they can come back to you. We have not confirmed whether you can stay anonymous. To stay anonymous, use the NSPCC helpline or Crimestoppers.',
        howTo: 'For the Isles of Scilly, contact the Council of the Isles of Scilly.',
      },
    },
  },
  {
    code: 'adults-front-door',
    kind: 'report',
    phone: '0300 1234 131',
    outOfHoursPhone: '01208 251 300',
    textNumber: null,
    email: null,
    webUrl: 'https://www.cornwall.gov.uk/health-and-social-care/adult-social-care/safeguarding-adults',
    anonymity: 'unknown',
    isLocal: true,
    verifiedOn: CHECKED,
    source:
      'cornwall.gov.uk "Safeguarding adults" (0300 1234 131, online referral) and "Safeguarding" (out of hours 01208 251 300)',
    verificationNote: 'Whether you can report without giving your name could not be confirmed.',
    text: {
      en: {
        name: 'Worried about an adult: Cornwall Council',
        summary:
          'Tell the council if an adult who may not be able to protect themselves, because of disability, illness or age, is being abused, neglected or exploited. This can be you or someone else.',
        openingHours:
          'Monday to Thursday 8:45am to 5:15pm, Friday 8:45am to 4:45pm. At other times, call 01208 251 300.',
        whoReceives: 'Cornwall Council’s adult safeguarding team.',
        anonymityNote:
          'They will usually ask who you are so they can come back to you. We have not confirmed whether you can stay anonymous. To stay anonymous, use Crimestoppers.',
        howTo: 'You can also make a referral online on the council’s website.',
      },
    },
  },
  {
    code: 'citizens-advice-consumer',
    kind: 'report',
    phone: '0808 223 1133',
    outOfHoursPhone: null,
    textNumber: null,
    email: null,
    webUrl: 'https://www.citizensadvice.org.uk/consumer/',
    anonymity: 'identified',
    isLocal: false,
    verifiedOn: CHECKED,
    source:
      'milton-keynes.gov.uk and kent.gov.uk Trading Standards pages (reports passed to Trading Standards); cumberland.gov.uk (Monday to Friday 9am to 5pm)',
    verificationNote: "Checked on council Trading Standards pages, not on Citizens Advice's own site.",
    text: {
      en: {
        name: 'Citizens Advice consumer helpline (Trading Standards)',
        summary: 'Report rogue traders, doorstep scams, and fake or unsafe goods. It is free to call.',
        openingHours: 'Monday to Friday, 9am to 5pm',
        whoReceives:
          'Citizens Advice consumer advisers. They pass reports about scams, rogue traders and fake goods to Trading Standards at the council.',
        anonymityNote:
          'This is not anonymous. They take your contact details so that Trading Standards can contact you if they need to.',
        howTo: null,
      },
    },
  },
  {
    code: 'victim-support',
    kind: 'support',
    phone: '0808 168 9111',
    outOfHoursPhone: null,
    textNumber: null,
    email: null,
    webUrl: 'https://www.victimsupport.org.uk/',
    anonymity: 'confidential',
    isLocal: false,
    verifiedOn: CHECKED,
    source:
      'victimsupport.org.uk "24/7 support still available for victims of crime" (Supportline 08 08 16 89 111, free, 24/7)',
    verificationNote: "The page checked on Victim Support's site dates from 2020.",
    text: {
      en: {
        name: 'Victim Support',
        summary:
          'Free help if you have been affected by any crime, even if you have not told the police. They can help with how you feel and what to do next.',
        openingHours: '24 hours a day, every day',
        whoReceives: 'Victim Support, an independent charity.',
        anonymityNote: 'Free and confidential.',
        howTo: 'You can also use live chat on their website.',
      },
    },
  },
];
