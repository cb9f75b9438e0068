/**
 * Every word on the public site that is not partner-edited data, in English. Another language is
 * a file like this one typed as `Messages`, so the compiler lists anything missing. Written for a
 * reading age of about nine. `{name}` marks a value filled in when the page is made.
 */
import type { Detail, Topic } from '../find-help/questions.js';
import type { NoteKey, ReasonKey } from '../find-help/signpost.js';

/** Detail labels: the situations someone can pick within a topic. */
const details = {
  'online-grooming':
    'Someone online is talking to a child in a sexual way, asking for pictures, or trying to meet them',
  'abuse-in-person': 'A child is being sexually exploited or abused in person',
  dealing: 'Drugs are being sold in an area or from an address',
  cuckooing: 'Dealers are using someone’s home (cuckooing)',
  'county-lines-child': 'A child or young person is being used to carry or sell drugs (county lines)',
  'scam-text': 'A scam text message',
  'scam-email': 'A scam email',
  'scam-call': 'A scam phone call',
  'lost-money': 'I, or someone I know, lost money or gave bank details to a scammer',
  'rogue-trader': 'A rogue trader, a doorstep scam, or fake or unsafe goods',
  'money-mule-text': 'A text message offering money to use a bank account',
  'money-mule-online': 'An email, social media message or job advert offering money to use a bank account',
  'money-mule-in-person': 'Someone asked in person to use a bank account to move money',
  'front-business': 'A business that might be a front for crime',
  'exploited-at-work': 'Someone is being forced to work, or is badly exploited at work',
  'sexual-exploitation': 'Someone is being forced to sell sex',
  'forced-crime': 'Someone is being forced to commit crime, such as growing cannabis or begging',
  'domestic-servitude': 'Someone is being kept as a servant in a home',
  hacked: 'An account, phone or computer has been hacked',
  phishing: 'A message asking for passwords or bank details',
  other: 'Something else',
} as const satisfies Record<Detail, string>;

const reasons = {
  'danger-now': 'Someone is in danger now. Call 999 first.',
  'ceop-grooming': 'CEOP deals with children being groomed or sexually abused online.',
  'ceop-if-online': 'If any of it happened online, CEOP can help.',
  'child-at-risk': 'The council’s children’s team can make sure the child is safe and gets help.',
  'county-lines-child':
    'A child made to carry or sell drugs is a victim of exploitation. The council’s children’s team can protect them.',
  'nspcc-worried-adult':
    'The NSPCC helpline is for adults who are worried about a child. They will pass it on if the child is at risk.',
  'childline-young-person': 'If you are under 19 and this is about you, Childline can help you.',
  'police-crime': 'The police can look into crime that is not an emergency, and act on it.',
  'police-online-local': 'You can tell the local police online, at any time.',
  'crimestoppers-anonymous': 'Crimestoppers passes on what you know without anyone finding out who you are.',
  'concern-form-local':
    'The partnership that runs this website can pass it to the local service best able to act.',
  'concern-form-not-sure':
    'You can describe what worries you in your own words. The partnership will pass it to the right people.',
  'cuckooing-adult':
    'People whose homes are taken over are often vulnerable. The council’s adult safeguarding team can help them.',
  'exploited-adult':
    'An adult who is being exploited may need protecting. The council’s adult safeguarding team can help.',
  'report-fraud-fraud':
    'Report Fraud is the place to report fraud and scams. You get a crime reference number.',
  'report-fraud-if-lost':
    'If you replied, clicked a link, gave any details or lost money, report it to Report Fraud too.',
  'report-fraud-money-mule':
    'Being asked to let someone use a bank account is a common scam, and a crime. Report Fraud collects these reports.',
  'report-fraud-cyber': 'Report Fraud also takes reports of hacking and other cyber crime.',
  'scam-text': 'Forwarding a scam text helps your network block the sender.',
  'scam-call': 'To report a scam call, text the word call and the number that called you to 7726.',
  'if-offer-by-text': 'If it came by text message, forward it to 7726.',
  'scam-email': 'Forwarding a scam email helps to take down the scam website.',
  'if-offer-by-email': 'If it came by email, forward it to report@phishing.gov.uk.',
  trader:
    'The Citizens Advice consumer helpline passes reports of rogue traders and fake goods to Trading Standards.',
  'victim-support': 'If it happened to you, Victim Support can help with how you feel and what to do next.',
  'modern-slavery-helpline':
    'The Modern Slavery & Exploitation Helpline gives advice and passes on reports of people being exploited.',
  'glaa-work': 'The GLAA investigates workers being forced to work or badly exploited.',
  'smuggled-then-exploited':
    'If people seem to be controlled or forced to work, the Modern Slavery & Exploitation Helpline can help.',
} as const satisfies Record<ReasonKey, string>;

const notes = {
  'outside-area':
    'You said this is happening outside {area}. We have left out services that only cover {area}. Call 101 to reach the police where it is happening, or contact the council for that area.',
  'local-only':
    'Services marked “only for {area}” cover that area only. If it is happening somewhere else, call 101 or contact the council for that area.',
  'anonymous-first':
    'You said you want to stay anonymous, so the services that let you do that come first. If you stay anonymous, they cannot contact you to ask more, so give as much detail as you can.',
  'call-bank':
    'If you have lost money or given bank details, call your bank straight away. Use the number on the back of your card.',
} as const satisfies Record<NoteKey, string>;

const topics = {
  'child-sexual-exploitation': 'A child being sexually exploited or abused, including online',
  'illegal-drugs': 'Drug dealing, county lines or cuckooing',
  'illegal-firearms': 'Guns or other weapons',
  fraud: 'A scam or fraud',
  'money-laundering': 'Money laundering, or someone asking to use a bank account',
  'bribery-and-corruption': 'Bribery or corruption',
  'organised-immigration-crime': 'People being smuggled into the country',
  'modern-slavery': 'Someone being forced to work, exploited or trafficked',
  'cyber-crime': 'Hacking or other cyber crime',
  'not-sure': 'I’m not sure',
} as const satisfies Record<Topic, string>;

const detailQuestions = {
  'child-sexual-exploitation': 'What is happening to the child?',
  'illegal-drugs': 'Which is closest to what you have seen?',
  'illegal-firearms': '',
  fraud: 'What kind of scam or fraud is it?',
  'money-laundering': 'Which is closest to what happened?',
  'bribery-and-corruption': '',
  'organised-immigration-crime': '',
  'modern-slavery': 'Which is closest to what is happening?',
  'cyber-crime': 'What has happened?',
  'not-sure': '',
} as const satisfies Record<Topic, string>;

export const en = {
  lang: 'en',
  common: {
    back: 'Back',
    continue: 'Continue',
    change: 'Change',
    startNow: 'Start now',
    phone: 'Phone',
    outOfHours: 'Out of hours',
    text: 'Text',
    email: 'Email',
    website: 'Website',
    useTheForm: 'Use the form',
    opening: 'When you can contact them',
    openingUnknown: 'Check their website for when you can contact them.',
    whoReceives: 'Who gets your information',
    anonymity: 'Can you stay anonymous?',
    localOnly: 'Only for {area}',
    checked: 'Details last checked on {date}.',
    findHelpPrompt: 'Not sure who to tell? Answer a few questions to find out where to report.',
    findHelpLink: 'Find out where to report',
    notSure: 'You do not need to be sure. If something does not feel right, tell someone.',
    warning: 'Warning',
  },
  nav: {
    label: 'Menu',
    home: 'Home',
    whatIsSoc: 'What is organised crime',
    crimeTypes: 'Types of crime',
    findHelp: 'Find where to report',
    whereToReport: 'Who to contact',
    stayingSafe: 'Staying safe online',
  },
  home: {
    title: 'Serious and organised crime: spot it, report it',
    lead: 'Organised crime groups sell drugs, exploit children and vulnerable adults, cheat people out of their savings and hide the money. It happens here too. Everyone can help to stop it.',
    worriedHeading: 'If you are worried about something',
    findHelpButton: 'Find out where to report',
    findHelpText:
      'Answer a few short questions. We will tell you who to contact, what they do with what you tell them, and whether you can stay anonymous.',
    anonymousHeading: 'If you want to stay anonymous',
    anonymousText:
      'You can call Crimestoppers on {phone}, or use their online form. They will not ask your name.',
    learnHeading: 'Learn the signs',
    learnText: 'Find out what each kind of organised crime looks like, and the signs to look out for.',
    runBy:
      'This site is run by {partnership}: the police, the council and other local services working together.',
  },
  whatIsSoc: {
    title: 'What is serious and organised crime?',
    lead: 'Serious and organised crime is serious crime that people plan and carry out together, over and over again.',
    what: [
      'A group of people who work together on crime like this is called an organised crime group. Their aim is usually money, but it can also be power.',
      'It is not one single crime. It covers nine main kinds of crime, from selling drugs to abusing children online.',
      'Organised crime groups use violence, threats and bribes to protect what they do. They often use people with special skills, such as accountants and lawyers, to hide their money.',
    ],
    whyHeading: 'Why it matters here',
    why: [
      'People often think organised crime happens in big cities, or in other countries. But local people, families and businesses feel the harm most, even in small towns and villages.',
      'These crimes are often hidden. A stolen phone, or drugs bought “just for personal use”, can help to pay for something much worse, like people trafficking or fraud.',
      'The government estimates that organised crime costs the country tens of billions of pounds every year.',
    ],
    victimsHeading: 'Who are the victims?',
    victims: [
      'The victims are local people, communities and businesses. Crime groups look for people they can take advantage of, such as children, older people, and people who are lonely, in debt, or have problems with drugs or alcohol.',
      'Victims can lose money and belongings. They can feel stressed and scared. Some are hurt, some suffer harm that lasts for years, and some are killed.',
      'A whole community can be a victim too. Drug dealing in an area can make people feel unsafe in their own street. Loan sharks, fake businesses and workers being exploited all harm a place.',
      'Many people are targeted online, through scams, grooming, harassment or stalking.',
    ],
    partHeading: 'Everyone has a part to play',
    part: [
      'Public services have a duty to protect their communities. This includes the council, the police, health services, probation, social care, schools and immigration enforcement.',
      'The law says councils must do all they reasonably can to prevent crime and disorder in their area (section 17 of the Crime and Disorder Act 1998). Companies and charities that provide public services must help too, by checking who they work with and sharing information.',
      'The partners have powers that can disrupt crime groups. For example, council teams for trading standards, planning, licensing, environmental health, anti-social behaviour and safeguarding can all act.',
      'You can help too. Learn the signs, and if something does not feel right, tell someone. You do not need to be sure, and a small piece of information can be the part that was missing.',
    ],
    kindsHeading: 'The nine kinds of serious and organised crime',
  },
  crimeTypes: {
    title: 'Types of serious and organised crime',
    lead: 'There are nine main kinds. Choose one to find out what it is, how it harms people, the signs to spot and where to report it.',
  },
  category: {
    whatItIs: 'What it is',
    harm: 'How it harms people',
    signs: 'Signs to spot',
    whereToReport: 'Where to report it',
    allTypes: 'All types of crime',
  },
  channels: {
    title: 'Who to contact',
    lead: 'All the places where you can report serious and organised crime, or get help. If you are not sure which one to use, answer a few questions and we will tell you.',
    emergencyHeading: 'In an emergency',
    reportHeading: 'Places to report',
    supportHeading: 'Help and support',
  },
  stayingSafe: {
    title: 'Staying safe online and clearing your browsing history',
    lead: 'If you are worried that someone checks what you look at online, these steps can help.',
    exitHeading: 'Leaving this site quickly',
    exit: [
      'Every page has an “Exit this page” button. It takes you straight to a different website.',
      'On a computer, you can also press the Shift key 3 times.',
    ],
    exitWarning:
      'Exit this page does not delete your browsing history. The pages you looked at are still in your history.',
    historyHeading: 'Clearing your browsing history',
    history: [
      'Your browser keeps a list of the websites you visit. This is your history. Other people who use your phone or computer may be able to see it.',
      'The answers you give on our “Find where to report” pages are in the page address, so they are saved in your history too.',
      'If deleting all of your history would make someone suspicious, you can delete just the pages from this site.',
    ],
    browsers: [
      {
        name: 'Chrome',
        steps:
          'Open the menu (three dots), choose History, then History again. Tick the pages you want to remove and choose Delete. Or choose Delete browsing data to remove everything.',
      },
      {
        name: 'Safari on iPhone or iPad',
        steps:
          'Open the Settings app, choose Apps, then Safari, then Clear History and Website Data. To remove single pages, open Safari, tap the book icon, then the clock icon, and swipe left on a page.',
      },
      {
        name: 'Safari on a Mac',
        steps:
          'Choose History in the menu at the top, then Clear History. To remove single pages, choose Show All History, select the pages, and press Delete.',
      },
      {
        name: 'Edge',
        steps:
          'Open the menu (three dots), choose History, then find the page and choose the cross next to it. Or choose Delete browsing data to remove everything.',
      },
      {
        name: 'Firefox',
        steps:
          'Open the menu (three lines), choose History, then Manage history. Right-click a page and choose Delete page. Or choose Clear recent history to remove everything.',
      },
      {
        name: 'Samsung Internet',
        steps:
          'Open the menu (three lines), choose History, then press and hold a page to delete it. Or choose the menu in History and Clear history.',
      },
    ],
    browsersNote:
      'Browsers change how their menus look from time to time. If these steps do not match, search for how to clear history in your browser.',
    privateHeading: 'Using private browsing',
    private: [
      'Private browsing (also called incognito or InPrivate) does not save the pages you visit in your history. Open a private window before you visit this site.',
      'It does not hide what you do from your internet provider, your school or your work.',
    ],
    otherHeading: 'Other ways to stay safe',
    other: [
      'If you can, use a phone or computer that the person you are worried about cannot use, such as a friend’s, or one at a library.',
      'Check whether your phone shares your location with anyone, and whether anyone else knows your passwords.',
      'Emails and messages you send to report something may stay in your sent items. Delete them if you need to.',
    ],
  },
  findHelp: {
    title: 'Find where to report',
    start: {
      lead: 'Answer a few short questions to find out who to contact about serious or organised crime.',
      willTell: 'We will tell you:',
      list: [
        'which service fits what you have seen',
        'why we suggest it',
        'who will get the information',
        'whether you can stay anonymous',
      ],
      privacy:
        'We do not save your answers and this site does not use cookies. Your answers are in the page address, so they will be in your browsing history.',
      privacyLink: 'How to clear your browsing history',
    },
    danger: {
      question: 'Is anyone in danger right now?',
      hint: 'For example, someone is hurt or being threatened, or a crime is happening now.',
      yes: 'Yes',
      no: 'No',
      error: 'Select yes if anyone is in danger right now',
    },
    call999: {
      title: 'Call 999 now',
      lead: 'If someone is in danger right now, call 999 and ask for the police.',
      silent: 'If you cannot speak, stay on the line and listen. On a mobile, press 55 when you are asked.',
      deaf: 'If you are deaf or cannot speak, text 999 once your phone is registered with emergencySMS (text the word register to 999), or call 18000 by text relay.',
      afterHeading: 'When everyone is safe',
      after: 'You can also tell other services what you know. Answer a few more questions to find out where.',
      continue: 'Find other places to report',
    },
    about: {
      question: 'What is it about?',
      hint: 'Choose the one that is closest. If it is more than one, choose the most serious.',
      or: 'or',
      error: 'Select what it is about',
    },
    detail: {
      questions: detailQuestions,
      error: 'Select which is closest',
    },
    anonymous: {
      question: 'Do you want to stay anonymous?',
      hint: 'Anonymous means the people you tell will not know who you are. Some services can only help if you give your name or a way to contact you.',
      yes: 'Yes, I want to stay anonymous',
      no: 'No, I am happy to give my name',
      error: 'Select yes if you want to stay anonymous',
    },
    where: {
      question: 'Where is it happening? (optional)',
      hint: 'Tell us the town or area, or the first part of the postcode, like TR1. We use it only to show services for that area. Do not give a full address.',
      tooLong: 'Where it is happening must be 40 characters or fewer',
      characters: 'Where it is happening must only include letters, numbers, spaces, hyphens and apostrophes',
    },
    result: {
      title: 'Where to report',
      start: 'Start here',
      others: 'Other places you can report or get help',
      why: 'Why we suggest this',
      anonymityWarning:
        'You said you want to stay anonymous. This service cannot promise that. You may be asked for your name or contact details.',
      answersHeading: 'Your answers',
      changeHidden: 'your answer to: {question}',
      whereNotGiven: 'Not given',
      startAgain: 'Start again',
      allChannels: 'See everyone you can contact',
      none: 'We could not find a service for these answers. Call 101 to speak to the police, or see everyone you can contact.',
    },
    topics,
    details,
    reasons,
    notes,
  },
};

export type Messages = typeof en;
