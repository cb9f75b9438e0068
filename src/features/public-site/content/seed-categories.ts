/**
 * The nine kinds of serious and organised crime, seeded once into `soc_category` and
 * `soc_category_text` (English), with where to report each (`soc_category_channel`). Written for a
 * reading age of about nine: short sentences, everyday words, one idea at a time.
 */
import type { ChannelCode } from './seed-channels.js';
import type { CategoryText } from './types.js';
import {
  SOC_CATEGORIES,
  SOC_CATEGORY_SLUGS,
  type SocCategoryCode,
  type SocCategorySlug,
} from '../../vocabularies/soc-categories.js';

/** The public site's slugs, from the one list of SOC categories. */
export const CATEGORY_SLUGS = SOC_CATEGORY_SLUGS;
export type CategorySlug = SocCategorySlug;

export interface SeedCategory {
  slug: CategorySlug;
  /** The code partner records carry, and the name (features/vocabularies/soc-categories.ts). */
  code: SocCategoryCode;
  label: string;
  text: { en: CategoryText };
  /** Where to report it, best first. */
  channels: readonly ChannelCode[];
}

const SEED_CATEGORY_CONTENT: readonly Omit<SeedCategory, 'code' | 'label'>[] = [
  {
    slug: 'child-sexual-exploitation',
    channels: ['ceop', 'children-front-door', 'nspcc', 'crimestoppers', 'police-101', 'childline'],
    text: {
      en: {
        name: 'Child sexual exploitation and abuse',
        summary: 'When someone uses a child or young person for sex, in person or online.',
        whatItIs:
          'Child sexual exploitation is a kind of child abuse. The abuser gives a child something they want or need, like gifts, money, drugs, alcohol, attention or a place to stay. Then they make the child do sexual things. ' +
          'It can happen in person or online. Online, abusers may pretend to be someone else. They ask for pictures or videos, then threaten to share them unless the child sends more, or sends money. ' +
          'Any child can be a victim, boys as well as girls. It is never the child’s fault.',
        harm:
          'Children who are exploited can be hurt in their body and their mind for many years. They may be cut off from family and friends and miss school. ' +
          'Organised groups pass children between them, and make money from their abuse.',
        signs: [
          {
            heading: 'Signs a child may be being exploited',
            items: [
              'they have new things, like clothes, phones or money, that they cannot explain',
              'they have a much older boyfriend or girlfriend, or new older friends',
              'they go missing from home or school, or come home very late',
              'they get into cars with people you do not know',
              'they use drugs or alcohol',
              'they have injuries they will not explain, or seem scared, angry or withdrawn',
            ],
          },
          {
            heading: 'Signs of online grooming',
            items: [
              'someone online gives a child lots of attention, gifts or praise',
              'they ask the child to keep their friendship a secret',
              'they ask for photos or videos, or to move to a private chat or video call',
              'they ask to meet up',
              'the child is secretive about who they talk to, or seems upset after being online',
            ],
          },
        ],
      },
    },
  },
  {
    slug: 'illegal-drugs',
    channels: [
      'crimestoppers',
      'police-online',
      'police-101',
      'lantern-concern-form',
      'children-front-door',
      'adults-front-door',
    ],
    text: {
      en: {
        name: 'Illegal drugs',
        summary:
          'Organised gangs that sell drugs, often using children and vulnerable adults to do the work.',
        whatItIs:
          'Organised crime groups buy, move and sell illegal drugs such as cocaine, heroin and cannabis. ' +
          'Many use “county lines”. A gang from a city sends drugs to towns and villages, and takes orders on one phone line. They often make children or vulnerable adults carry and sell the drugs for them. ' +
          'Some gangs take over the home of a vulnerable person and use it as a base to deal from. This is called cuckooing.',
        harm:
          'Drugs harm the people who use them, and their families. Dealing brings violence, weapons and fear into a street. ' +
          'Children who are made to deal can be threatened and hurt. Gangs put them in debt on purpose so they cannot leave. ' +
          'People whose homes are taken over can lose their home and their safety.',
        signs: [
          {
            heading: 'County lines: signs a child or young person is being used',
            items: [
              'they often go missing, or travel to places they have no reason to go',
              'they have more than one phone, or get lots of calls and messages',
              'they have cash, new clothes or trainers they cannot explain',
              'they have injuries they will not explain, or seem scared',
              'they spend time with people much older than them',
            ],
          },
          {
            heading: 'Cuckooing: signs someone’s home has been taken over',
            items: [
              'lots of different people coming and going, at all hours',
              'new cars, or people hanging around outside',
              'you have not seen the person who lives there for a while, or they seem scared or confused',
              'more noise, litter or anti-social behaviour around the home',
              'curtains always closed, or windows covered up',
            ],
          },
          {
            heading: 'Drug dealing in an area',
            items: [
              'short visits to a house or car, day and night',
              'people swapping small packages or cash',
              'needles or small plastic bags left on the ground',
            ],
          },
        ],
      },
    },
  },
  {
    slug: 'illegal-firearms',
    channels: ['crimestoppers', 'police-101', 'lantern-concern-form'],
    text: {
      en: {
        name: 'Illegal firearms',
        summary: 'Guns and other weapons that crime groups supply to threaten and hurt people.',
        whatItIs:
          'Organised crime groups get hold of guns and other weapons and pass them on. Some guns are real. Some have been changed so they can fire bullets. Some are home-made, including with 3D printers. ' +
          'Gangs use weapons to protect their drugs and money, and to scare people.',
        harm:
          'Guns can kill or badly hurt people, including people who just happen to be nearby. Weapons make people afraid to go out or to speak up. ' +
          'Children may be asked to hide weapons for a gang.',
        signs: [
          {
            heading: null,
            items: [
              'someone says they have a gun, or can get one',
              'hearing shots, or finding bullets or cartridges',
              'someone hiding a heavy or oddly shaped package, or asking someone else to look after one',
              'gun parts, or 3D-printed parts, being bought, made or posted',
              'a young person who seems scared and is looking after something for someone',
            ],
          },
        ],
      },
    },
  },
  {
    slug: 'fraud',
    channels: [
      'report-fraud',
      'scam-text-7726',
      'phishing-email',
      'citizens-advice-consumer',
      'victim-support',
    ],
    text: {
      en: {
        name: 'Fraud and scams',
        summary:
          'Tricking people to steal their money or details, by phone, text, email, online or at the door.',
        whatItIs:
          'Fraud is when someone lies to you to get your money, your bank details or your personal information. Many scams are run by organised groups, often from other countries. ' +
          'Common scams include fake texts from banks or delivery firms, calls pretending to be the police or your bank, romance scams, investment scams, and rogue traders who knock on the door and charge too much for poor work, or none.',
        harm:
          'Fraud can take away people’s savings and leave them in debt. It can make people feel ashamed, scared and alone. Older people and people who live alone are often targeted again and again. ' +
          'The money can pay for other crime, such as drug dealing and people trafficking.',
        signs: [
          {
            heading: 'Signs of a scam',
            items: [
              'a message or call you did not expect, asking you to act quickly',
              'someone asks for your PIN, your password or a code sent to your phone (your bank and the police will never ask for these)',
              'you are asked to move money to a “safe account”',
              'an offer that seems too good to be true',
              'someone you have only met online asks for money',
              'you are asked to pay by gift card, bank transfer or cryptocurrency',
              'a trader at the door says work is needed urgently and wants cash now',
            ],
          },
          {
            heading: 'Signs someone may be being scammed',
            items: [
              'lots of post, calls or parcels they did not ask for',
              'a new “friend” who always seems to need money',
              'they seem worried about money, or secretive about calls and letters',
            ],
          },
        ],
      },
    },
  },
  {
    slug: 'money-laundering',
    channels: ['crimestoppers', 'report-fraud', 'police-101', 'lantern-concern-form'],
    text: {
      en: {
        name: 'Money laundering and other economic crime',
        summary:
          'Hiding where criminal money came from so it can be spent, often using other people’s bank accounts.',
        whatItIs:
          'Criminals need to make their money look clean. This is called money laundering. They may pass it through businesses that take lots of cash, buy houses or cars, or move it through other people’s bank accounts. ' +
          'People who let their bank account be used like this are called money mules. It is a crime, even if you only pass the money on. ' +
          'Other economic crime includes not paying tax that is owed, and selling fake or smuggled goods, like cigarettes and vapes.',
        harm:
          'Laundering lets crime groups keep the money they make from drugs, exploitation and fraud. Honest local businesses lose out to fake ones that do not need to make a profit. ' +
          'Money mules are often young people. They can get a criminal record and lose their bank account, and find it hard to get a loan or a phone contract.',
        signs: [
          {
            heading: 'Money mules',
            items: [
              'someone offers you easy money to use your bank account',
              'a job advert that asks you to receive money and send it on',
              'a young person suddenly has cash, or says they are “looking after” money for someone',
              'a friend asks you to take a payment and pass it on',
            ],
          },
          {
            heading: 'A business that may be a front',
            items: [
              'a shop or car wash that is hardly ever busy but never closes',
              'a business that only takes cash, or pays staff very little or in cash',
              'expensive things, like cars, bought with large amounts of cash',
              'cheap cigarettes, vapes or branded goods that may be fake',
            ],
          },
        ],
      },
    },
  },
  {
    slug: 'bribery-and-corruption',
    channels: ['crimestoppers', 'police-101', 'lantern-concern-form'],
    text: {
      en: {
        name: 'Bribery and corruption',
        summary: 'Offering or taking money or favours to get someone to misuse their job.',
        whatItIs:
          'Bribery is giving or taking money, gifts or favours so that someone does something wrong at work. ' +
          'Corruption is when someone who is trusted, like an official, an officer or a business owner, misuses their power. ' +
          'Crime groups use bribes to get information, dodge checks, win contracts or hide their crimes.',
        harm: 'Corruption lets crime groups carry on without being caught. It wastes public money. It makes people lose trust in the services that are meant to protect them.',
        signs: [
          {
            heading: null,
            items: [
              'someone with power in their job asks for money or favours to help you',
              'an official or worker who is very friendly with people known for crime',
              'contracts given to the same firm again and again for no good reason',
              'a worker who lives far beyond what their job pays',
              'records, checks or licences that are changed or skipped',
            ],
          },
        ],
      },
    },
  },
  {
    slug: 'organised-immigration-crime',
    channels: ['crimestoppers', 'police-101', 'modern-slavery-helpline'],
    text: {
      en: {
        name: 'Organised immigration crime',
        summary: 'Making money by smuggling people into the country, or helping people stay here illegally.',
        whatItIs:
          'Some crime groups charge people a lot of money to bring them into the UK in unsafe ways, for example hidden in lorries or in small boats. ' +
          'They may also sell fake documents or set up fake marriages. ' +
          'People who are smuggled can then be forced to work to pay off a debt. When that happens, it is human trafficking.',
        harm:
          'People die or are badly hurt on dangerous journeys. Those who arrive often owe a lot of money, which makes them easy to exploit. ' +
          'The groups make money from people who are desperate, and use it to pay for other crime.',
        signs: [
          {
            heading: null,
            items: [
              'people getting out of the back of lorries or vans in unusual places',
              'groups of people arriving at a house with few belongings and not going out',
              'someone offering fake passports, visas or other documents',
              'marriages that seem to be arranged for money',
              'people who seem scared of the person who brought them here',
            ],
          },
        ],
      },
    },
  },
  {
    slug: 'modern-slavery',
    channels: [
      'modern-slavery-helpline',
      'glaa',
      'crimestoppers',
      'police-101',
      'adults-front-door',
      'lantern-concern-form',
    ],
    text: {
      en: {
        name: 'Modern slavery and human trafficking',
        summary:
          'Controlling people and forcing them to work, have sex or commit crime for someone else’s gain.',
        whatItIs:
          'Modern slavery is when someone is controlled and forced to work, or to do other things they do not want to do, and cannot leave. ' +
          'Human trafficking is moving people, or arranging their travel, so that they can be exploited. ' +
          'It happens here, in places like car washes, nail bars, farms, factories, building sites, takeaways and private homes. Victims can be adults or children, from the UK or from abroad.',
        harm:
          'Victims may be hurt, threatened, cut off from their family and kept in debt. They often live in poor, crowded places and are too scared to ask for help. ' +
          'Many do not see themselves as victims.',
        signs: [
          {
            heading: 'Signs someone is being exploited',
            items: [
              'they seem scared or anxious, or are not allowed to speak for themselves',
              'someone else keeps their passport or ID',
              'they are picked up and dropped off at work at odd hours, often in a group',
              'they wear the same clothes every day, or clothes that are wrong for the job',
              'they get little or no pay, or owe money to the person they work for',
              'they live where they work, or in crowded housing',
              'they have injuries that have not been treated',
              'they do not know the address of where they live or work',
            ],
          },
        ],
      },
    },
  },
  {
    slug: 'cyber-crime',
    channels: ['report-fraud', 'phishing-email', 'scam-text-7726', 'victim-support'],
    text: {
      en: {
        name: 'Cyber crime',
        summary:
          'Crime that attacks computers, phones and online accounts, or uses them to steal or to harm.',
        whatItIs:
          'Cyber crime is crime that uses computers, phones or the internet. It includes getting into other people’s accounts (hacking), spreading viruses, and locking files until money is paid. ' +
          'Crime groups also use the internet to trick people, groom children and sell illegal goods. ' +
          'Scam emails and texts that try to get your passwords or bank details are called phishing.',
        harm:
          'People and businesses can lose money, private photos and personal details. A hacked account can be used to trick your friends and family. ' +
          'Attacks on local firms, schools and hospitals can stop them working.',
        signs: [
          {
            heading: null,
            items: [
              'you cannot get into your email or social media, or your password has been changed',
              'friends get strange messages or requests for money from your account',
              'payments you did not make',
              'a message asking you to log in, pay or download something urgently',
              'a pop-up saying your computer has a virus, with a number to call',
              'files on your computer are locked, with a demand for payment',
            ],
          },
        ],
      },
    },
  },
];

/** The content above with each category's code and name from the one list. */
export const SEED_CATEGORIES: readonly SeedCategory[] = SEED_CATEGORY_CONTENT.map((content) => {
  const category = SOC_CATEGORIES.find((c) => c.slug === content.slug);
  if (!category) throw new Error(`no SOC category has the slug ${content.slug}`);
  return { ...content, code: category.code, label: category.label };
});
