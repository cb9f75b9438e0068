/**
 * The demo's fictional county-lines picture as data: its people, places and things, the items
 * that name them, and the links between them (loaded by demo-intelligence.ts).
 */
import type { EntitySchemaName, LinkTypeName, SubjectCategory } from '../intelligence/index.js';

export interface DemoEntity {
  key: string;
  schema: EntitySchemaName;
  properties: Record<string, string[]>;
  area: string;
}

export const ENTITIES: readonly DemoEntity[] = [
  {
    key: 'kane',
    schema: 'Person',
    properties: { name: ['Kane Pascoe'], alias: ['K', 'Kaner'], birthDate: ['1996-03-14'] },
    area: 'Camborne',
  },
  {
    key: 'jordan',
    schema: 'Person',
    properties: { name: ['Jordan Tremayne'], alias: ['JT'], birthDate: ['1999-11-02'] },
    area: 'Camborne',
  },
  {
    key: 'marius',
    schema: 'Person',
    properties: { name: ['Marius Popescu'], birthDate: ['1988-07-21'], nationality: ['Romania'] },
    area: 'Redruth',
  },
  {
    key: 'lee',
    schema: 'Person',
    properties: { name: ['Lee Rowe'], alias: ['Rowey'], birthDate: ['1979-05-30'] },
    area: 'Camborne',
  },
  {
    key: 'shaun',
    schema: 'Person',
    properties: { name: ['Shaun Penrose'], birthDate: ['1984-01-09'] },
    area: 'Redruth',
  },
  {
    key: 'dawid',
    schema: 'Person',
    properties: { name: ['Dawid Wiśniewski'], birthDate: ['1991-09-17'], nationality: ['Poland'] },
    area: 'Redruth',
  },
  {
    key: 'reece',
    schema: 'Person',
    properties: { name: ['Reece Walker'], alias: ['Ghost'], birthDate: ['1993-06-25'] },
    area: 'London',
  },
  {
    key: 'tyler',
    schema: 'Person',
    properties: { name: ['Tyler Hocking'], birthDate: ['2008-02-11'] },
    area: 'Camborne',
  },
  {
    key: 'mason',
    schema: 'Person',
    properties: { name: ['Mason Jewell'], birthDate: ['2007-10-04'] },
    area: 'Redruth',
  },
  { key: 'london-line', schema: 'Phone', properties: { number: ['07700 900733'] }, area: 'London' },
  {
    key: 'flat',
    schema: 'Address',
    properties: { full: ['Flat 2, 14 Chapel Row, Camborne'], postcode: ['TR14 8AA'] },
    area: 'Camborne',
  },
  {
    key: 'house',
    schema: 'Address',
    properties: { full: ['7 Wheal Gerry Close, Camborne'], postcode: ['TR14 7BB'] },
    area: 'Camborne',
  },
  {
    key: 'carwash',
    schema: 'Premises',
    properties: { name: ['Sparkle Hand Car Wash'], premisesKind: ['car wash'], postcode: ['TR15 3CC'] },
    area: 'Redruth',
  },
  {
    key: 'pub',
    schema: 'Premises',
    properties: {
      name: ['The Miners Arms'],
      premisesKind: ['licensed premises'],
      licenceNumber: ['PL/2019/0412'],
      postcode: ['TR15 2DD'],
    },
    area: 'Redruth',
  },
  {
    key: 'business',
    schema: 'Business',
    properties: { name: ['Sparkle Valeting Ltd'], companyNumber: ['12345678'] },
    area: 'Redruth',
  },
  { key: 'deal-line', schema: 'Phone', properties: { number: ['07700 900461'] }, area: 'Camborne' },
  { key: 'kane-phone', schema: 'Phone', properties: { number: ['07700 900188'] }, area: 'Camborne' },
  {
    key: 'golf',
    schema: 'Vehicle',
    properties: { registration: ['WK19 XLT'], make: ['Volkswagen'], model: ['Golf'], colour: ['silver'] },
    area: 'Camborne',
  },
  {
    key: 'van',
    schema: 'Vehicle',
    properties: { registration: ['WF67 KPO'], make: ['Ford'], model: ['Transit'], colour: ['white'] },
    area: 'Redruth',
  },
];

export interface DemoItem {
  key: string;
  body: string;
  grade: { sourceEvaluation: '1' | '2' | '3'; informationAssessment: 'A' | 'B' | 'C' | 'D' | 'E' };
  categories: string[];
  vulnerabilities?: string[];
  involves: [string, SubjectCategory | null][];
}

export const ITEMS: readonly DemoItem[] = [
  {
    key: 'stop',
    body: 'Kane Pascoe stopped in silver VW Golf WK19 XLT on Chapel Row with Jordan Tremayne. £900 cash and two phones found; the deal line 07700 900461 rang during the stop.',
    grade: { sourceEvaluation: '1', informationAssessment: 'A' },
    categories: ['illegal-drugs'],
    involves: [
      ['kane', 'suspect'],
      ['jordan', 'suspect'],
      ['golf', null],
      ['deal-line', null],
    ],
  },
  {
    key: 'cuckoo',
    body: 'Lee Rowe, a vulnerable adult, is believed to have had his flat at 14 Chapel Row taken over to deal from. Young people seen arriving by train from London.',
    grade: { sourceEvaluation: '2', informationAssessment: 'B' },
    categories: ['illegal-drugs', 'modern-slavery-and-human-trafficking'],
    vulnerabilities: ['adult-at-risk', 'exploitation'],
    involves: [
      ['lee', 'victim'],
      ['flat', null],
      ['kane', 'suspect'],
    ],
  },
  {
    key: 'carwash',
    body: 'Workers at Sparkle Hand Car Wash appear to live on site and are collected in white Transit WF67 KPO. Marius Popescu is seen paying them in cash; Dawid Wiśniewski is one of the workers.',
    grade: { sourceEvaluation: '2', informationAssessment: 'C' },
    categories: ['modern-slavery-and-human-trafficking'],
    vulnerabilities: ['exploitation'],
    involves: [
      ['marius', 'suspect'],
      ['dawid', 'victim'],
      ['carwash', null],
      ['van', null],
      ['business', null],
    ],
  },
  {
    key: 'pub',
    body: 'Licensing visit: Shaun Penrose, the designated premises supervisor at The Miners Arms, was seen with Kane Pascoe in the back bar on three evenings; packages handed over.',
    grade: { sourceEvaluation: '1', informationAssessment: 'B' },
    categories: ['illegal-drugs'],
    involves: [
      ['shaun', 'suspect'],
      ['kane', 'suspect'],
      ['pub', null],
    ],
  },
  {
    key: 'runners',
    body: 'Tyler Hocking and Mason Jewell seen running deals from Flat 2, 14 Chapel Row; Jordan Tremayne collects the cash from them. Reece Walker, in London, holds the line: 07700 900733 calls the deal line every morning.',
    grade: { sourceEvaluation: '2', informationAssessment: 'B' },
    categories: ['illegal-drugs'],
    vulnerabilities: ['child-at-risk', 'exploitation'],
    involves: [
      ['tyler', 'victim'],
      ['mason', 'victim'],
      ['jordan', 'suspect'],
      ['reece', 'suspect'],
      ['london-line', null],
      ['deal-line', null],
      ['flat', null],
    ],
  },
  {
    key: 'cash',
    body: 'Shaun Penrose seen at Sparkle Hand Car Wash handing a holdall to Marius Popescu; later the pair were seen drinking together in The Miners Arms.',
    grade: { sourceEvaluation: '3', informationAssessment: 'C' },
    categories: ['illegal-drugs', 'money-laundering-and-economic-crime'],
    involves: [
      ['shaun', 'suspect'],
      ['marius', 'suspect'],
      ['van', null],
      ['pub', null],
    ],
  },
];

export const LINKS: readonly [string, LinkTypeName, string, string, 'low' | 'medium' | 'high'][] = [
  ['kane', 'associate-of', 'jordan', 'stop', 'high'],
  ['kane', 'uses-vehicle', 'golf', 'stop', 'high'],
  ['kane', 'uses-phone', 'deal-line', 'stop', 'medium'],
  ['jordan', 'uses-phone', 'kane-phone', 'stop', 'low'],
  ['lee', 'lives-at', 'flat', 'cuckoo', 'high'],
  ['kane', 'visits', 'flat', 'cuckoo', 'medium'],
  ['kane', 'exploits', 'lee', 'cuckoo', 'medium'],
  ['marius', 'controls', 'carwash', 'carwash', 'medium'],
  ['marius', 'director-of', 'business', 'carwash', 'high'],
  ['business', 'operates-at', 'carwash', 'carwash', 'high'],
  ['marius', 'exploits', 'dawid', 'carwash', 'medium'],
  ['marius', 'uses-vehicle', 'van', 'carwash', 'medium'],
  ['shaun', 'employee-of', 'pub', 'pub', 'high'],
  ['shaun', 'associate-of', 'kane', 'pub', 'medium'],
  ['kane', 'visits', 'pub', 'pub', 'medium'],
  ['reece', 'uses-phone', 'london-line', 'runners', 'medium'],
  ['reece', 'associate-of', 'kane', 'runners', 'medium'],
  ['jordan', 'exploits', 'tyler', 'runners', 'medium'],
  ['jordan', 'exploits', 'mason', 'runners', 'medium'],
  ['tyler', 'uses-phone', 'deal-line', 'runners', 'medium'],
  ['mason', 'associate-of', 'tyler', 'runners', 'medium'],
  ['tyler', 'visits', 'flat', 'runners', 'medium'],
  ['shaun', 'associate-of', 'marius', 'cash', 'low'],
  ['london-line', 'calls', 'deal-line', 'runners', 'medium'],
];
