/**
 * Every SOC 2018 and ISCO-08 code in the catalogue, checked against the official structures.
 *
 * The structures are read from the committed files data/derived/soc2018.tsv and isco08.tsv
 * (rebuilt by scripts/derive/soc-isco.js), so this test needs nothing outside the repository.
 *
 * Codes: every `soc2018` must be a detailed occupation of SOC 2018 and every `isco08` a unit
 * group of ISCO-08.
 *
 * Titles: each entry's SOC code must fit its English title. An entry fits when
 *   (a) by rule: after normalising both titles (NFKC, lower case, apostrophes dropped, split on
 *       anything that is not a letter or digit, a final plural "s"/"es"/"ies" made singular, and
 *       the words in IGNORED dropped), every word of the entry's title is in the official title
 *       of its SOC code, or every word of the official title is in the entry's title
 *       ("Accountant" ⊂ "Accountants and Auditors"; "Order Clerks" ⊂ "Merchandiser (Order
 *       Follow-up Clerk)"). A residual code ("…, All Other") never fits by rule: it is always a
 *       choice of the nearest code and needs a note, nearly always in APPROXIMATIONS; or
 *   (b) it is listed in CORRESPONDS: the same occupation under another name ("IT Manager" is
 *       Computer and Information Systems Managers), reviewed by hand; or
 *   (c) it is listed in APPROXIMATIONS: SOC has no code for the occupation, and the reason says
 *       which nearest code is used and why.
 * Both lists name the code they were reviewed for: if an entry's code changes, the test fails
 * until the note is reviewed again. A listed entry that no longer needs its note (unknown id, or
 * it now fits by rule) fails too, so the lists stay exact.
 *
 * Both lists were built by going through all 468 entries against the SOC 2018 definitions, the
 * O*NET 27.0 alternate and reported titles, and an independent audit of the catalogue codes
 * (not part of the repository).
 */
import { describe, expect, it } from 'vitest';
import { readDerived, shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();

interface Code {
  readonly level: string;
  readonly title: string;
}

function structure(file: string): Map<string, Code> {
  return new Map(readDerived(file).map((r) => [r.code ?? '', { level: r.level ?? '', title: r.title ?? '' }]));
}

const SOC = structure('soc2018.tsv');
const ISCO = structure('isco08.tsv');

/** Words that carry no meaning for the match. */
const IGNORED = new Set(['a', 'an', 'and', 'or', 'of', 'the', 'in', 'for', 'all', 'other', 'except', 'including', 'worker', 'related']);

function singular(w: string): string {
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(ss|sh|ch|x)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function titleWords(title: string): string[] {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .map(singular)
    .filter((w) => w !== '' && !IGNORED.has(w));
}

/** Rule (a): one title's words all appear in the other's. */
function titlesMatch(entryTitle: string, officialTitle: string): boolean {
  const e = titleWords(entryTitle);
  const o = titleWords(officialTitle);
  return e.every((w) => o.includes(w)) || o.every((w) => e.includes(w));
}

/** Same occupation, different words: id → [SOC code reviewed, note]. */
const CORRESPONDS: Record<string, readonly [string, string]> = {
  'it-manager': ['11-3021', 'IT managers are Computer and Information Systems Managers'],
  'education-administrator': ['11-9032', 'a school principal is an Education Administrator, Kindergarten through Secondary'],
  'food-service-manager': ['11-9051', 'restaurant managers are Food Service Managers'],
  'store-manager': ['41-1011', 'SOC classes retail store managers as First-Line Supervisors of Retail Sales Workers (O*NET lists "Store Manager" there)'],
  'supply-chain-manager': ['11-3071', 'O*NET 11-3071.04 Supply Chain Managers sits under Transportation, Storage, and Distribution Managers'],
  'farm-manager': ['11-9013', 'farm managers are Farmers, Ranchers, and Other Agricultural Managers'],
  'hotel-manager': ['11-9081', 'hotel managers are Lodging Managers'],
  'investment-banking-analyst': ['13-2051', 'investment banking analysts are Financial and Investment Analysts'],
  recruiter: ['13-1071', 'recruiters are Human Resources Specialists (O*NET lists "Recruiter" there)'],
  'management-analyst': ['13-1111', 'management consultants are Management Analysts'],
  logistician: ['13-1081', 'a logistics specialist is a Logistician'],
  'financial-adviser': ['13-2052', 'British spelling of Personal Financial Advisors'],
  'project-manager': ['13-1082', 'project managers are Project Management Specialists'],
  'performance-marketing-specialist': ['13-1161', 'performance (paid-media) marketing is the work of Marketing Specialists'],
  'asset-appraiser': ['13-2022', 'asset appraisers are Appraisers of Personal and Business Property'],
  'customs-broker': ['13-1041', 'O*NET 13-1041.08 Customs Brokers sits under Compliance Officers'],
  'equity-research-analyst': ['13-2051', 'equity research analysts are Financial and Investment Analysts'],
  'front-end-developer': ['15-1254', 'front-end developers are Web Developers'],
  'qa-engineer': ['15-1253', 'software test engineers are Software Quality Assurance Analysts and Testers'],
  'it-support-specialist': ['15-1232', 'IT support specialists are Computer User Support Specialists'],
  'ux-designer': ['15-1255', 'UX designers are Web and Digital Interface Designers'],
  'back-end-developer': ['15-1252', 'back-end developers are Software Developers'],
  'mobile-app-developer': ['15-1252', 'mobile app developers are Software Developers'],
  'game-developer': ['15-1252', 'game programmers are Software Developers'],
  'embedded-software-engineer': ['15-1252', 'embedded software engineers are Software Developers'],
  'cloud-architect': ['15-1241', 'O*NET lists "Cloud Architect" under Computer Network Architects'],
  'penetration-tester': ['15-1299', 'O*NET 15-1299.04 Penetration Testers sits under Computer Occupations, All Other'],
  'full-stack-developer': ['15-1254', 'full-stack web developers are Web Developers'],
  'cad-drafter': ['17-3011', 'drafts engineers\' and architects\' building plans: Architectural and Civil Drafters'],
  geologist: ['19-2042', 'geologists are Geoscientists'],
  meteorologist: ['19-2021', 'meteorologists are Atmospheric and Space Scientists'],
  'environmental-monitoring-technician': ['19-4042', 'environmental monitoring technicians are Environmental Science and Protection Technicians'],
  agronomist: ['19-1013', 'agronomists are Soil and Plant Scientists'],
  'school-counselor': ['21-1012', 'school counselors are Educational, Guidance, and Career Counselors'],
  'child-welfare-social-worker': ['21-1021', 'child welfare social workers are Child, Family, and School Social Workers'],
  'community-service-worker': ['21-1093', 'community service workers are Social and Human Service Assistants'],
  'corporate-legal-counsel': ['23-1011', 'in-house counsel are Lawyers'],
  prosecutor: ['23-1011', 'prosecutors are Lawyers'],
  'primary-school-teacher': ['25-2021', 'primary school is US elementary school'],
  'instructional-designer': ['25-9031', 'instructional designers are Instructional Coordinators (O*NET lists the title there)'],
  'esl-teacher': ['25-3011', 'ESL teachers are English as a Second Language Instructors'],
  'music-teacher': ['25-3021', 'private and group music lessons are the work of Self-Enrichment Teachers'],
  'art-teacher': ['25-3021', 'art lessons outside school are the work of Self-Enrichment Teachers'],
  'dance-teacher': ['25-3021', 'dance lessons are the work of Self-Enrichment Teachers'],
  'driving-instructor': ['25-3021', 'O*NET lists "Driving Instructor" under Self-Enrichment Teachers'],
  'concept-artist': ['27-1013', 'concept artists are Fine Artists, Including Illustrators'],
  copywriter: ['27-3043', 'copywriters are Writers and Authors (O*NET lists "Copywriter" there)'],
  'motion-graphics-designer': ['27-1014', 'motion graphics designers are Special Effects Artists and Animators'],
  'film-director': ['27-2012', 'film and television directors are Producers and Directors'],
  'sound-engineer': ['27-4014', 'sound engineers are Sound Engineering Technicians'],
  'sports-coach': ['27-2022', 'sports coaches are Coaches and Scouts'],
  athlete: ['27-2021', 'professional athletes are Athletes and Sports Competitors'],
  screenwriter: ['27-3043', 'screenwriters are Writers and Authors'],
  'elderly-care-worker': ['31-1122', 'non-medical elderly care is the work of Personal Care Aides'],
  'sterile-processing-technician': ['31-9093', 'sterile processing technicians are Medical Equipment Preparers'],
  'kitchen-helper': ['35-2021', 'kitchen helpers are Food Preparation Workers'],
  barista: ['35-3023', 'SOC 2018 puts baristas in Fast Food and Counter Workers'],
  'food-runner': ['35-9011', 'food runners are Dining Room Attendants'],
  'restaurant-floor-supervisor': ['35-1012', 'a floor supervisor is a First-Line Supervisor of Food Serving Workers'],
  'bubble-tea-maker': ['35-3023', 'drink-counter staff are Fast Food and Counter Workers, like baristas'],
  sommelier: ['35-3031', 'O*NET lists "Sommelier" under Waiters and Waitresses'],
  'banquet-server': ['35-3031', 'banquet servers are Waiters and Waitresses'],
  'canteen-server': ['35-3023', 'canteen (cafeteria) counter servers are Fast Food and Counter Workers'],
  'canteen-cook': ['35-2012', 'canteen cooks are Cooks, Institution and Cafeteria'],
  'private-chef': ['35-2013', 'private chefs are Cooks, Private Household'],
  housekeeper: ['37-2012', 'housekeepers are Maids and Housekeeping Cleaners'],
  'hotel-room-attendant': ['37-2012', 'hotel room attendants are Maids and Housekeeping Cleaners'],
  landscaper: ['37-3011', 'landscapers are Landscaping and Groundskeeping Workers'],
  'window-cleaner': ['37-2011', 'building window cleaners are Janitors and Cleaners (O*NET lists "Window Cleaner" there)'],
  beautician: ['39-5094', 'the entry is a skin-care beautician (美容师): Skincare Specialists'],
  'pet-groomer': ['39-2021', 'O*NET lists pet groomers under Animal Caretakers'],
  'nail-technician': ['39-5092', 'nail technicians are Manicurists and Pedicurists'],
  'camp-counselor': ['39-9032', 'camp counselors are Recreation Workers'],
  'amusement-park-attendant': ['39-3091', 'amusement park attendants are Amusement and Recreation Attendants'],
  'yoga-instructor': ['39-9031', 'yoga instructors are Group Fitness Instructors'],
  'funeral-director': ['39-4031', 'funeral directors are Morticians, Undertakers, and Funeral Arrangers'],
  'car-salesperson': ['41-2031', 'BLS counts car salespeople as Retail Salespersons'],
  'pharmaceutical-sales-representative': ['41-4011', 'pharmaceutical reps are Sales Representatives, Technical and Scientific Products'],
  'door-to-door-promoter': ['41-9091', 'door-to-door salespeople are Door-to-Door Sales Workers'],
  'retail-store-supervisor': ['41-1011', 'retail store supervisors are First-Line Supervisors of Retail Sales Workers'],
  'sales-development-representative': ['41-3091', 'SDRs sell software and business services: Sales Representatives of Services'],
  'export-sales-representative': ['41-4012', 'export sales reps for manufacturers are Sales Representatives, Wholesale and Manufacturing'],
  'course-consultant': ['41-3091', 'course consultants (课程顾问) sell training courses: Sales Representatives of Services'],
  'call-centre-agent': ['43-4051', 'call centre agents are Customer Service Representatives'],
  'data-entry-clerk': ['43-9021', 'data entry clerks are Data Entry Keyers'],
  'logistics-dispatcher': ['43-5032', 'logistics dispatchers are Dispatchers, Except Police, Fire, and Ambulance'],
  'warehouse-stock-clerk': ['43-5071', 'warehouse stock clerks are Shipping, Receiving, and Inventory Clerks'],
  'hotel-front-desk-clerk': ['43-4081', 'hotel front desk clerks are Hotel, Motel, and Resort Desk Clerks'],
  'debt-collector': ['43-3011', 'debt collectors are Bill and Account Collectors'],
  'freight-forwarding-agent': ['43-5011', 'freight forwarders are Cargo and Freight Agents'],
  'livestock-farmworker': ['45-2093', 'livestock farmworkers are Farmworkers, Farm, Ranch, and Aquacultural Animals'],
  'aquaculture-worker': ['45-2093', 'aquaculture workers are Farmworkers, Aquacultural Animals'],
  'nursery-worker': ['45-2092', 'plant nursery workers are Farmworkers and Laborers, Crop, Nursery, and Greenhouse'],
  'tea-picker': ['45-2092', 'tea pickers are Farmworkers and Laborers, Crop'],
  'livestock-breeding-technician': ['45-2021', 'livestock breeding technicians are Animal Breeders'],
  logger: ['45-4021', 'tree fellers are Fallers (O*NET lists "Logger" there)'],
  'structural-steel-erector': ['47-2221', 'steel erectors are Structural Iron and Steel Workers'],
  'excavator-operator': ['47-2073', 'excavator operators are Operating Engineers and Other Construction Equipment Operators'],
  'industrial-pipefitter': ['47-2152', 'pipefitters are Plumbers, Pipefitters, and Steamfitters'],
  'solar-pv-installer': ['47-2231', 'PV is photovoltaic: Solar Photovoltaic Installers'],
  'construction-site-supervisor': ['47-1011', 'site supervisors are First-Line Supervisors of Construction Trades'],
  'appliance-repairer': ['49-9031', 'appliance repair technicians are Home Appliance Repairers'],
  'aircraft-mechanic': ['49-3011', 'aircraft maintenance technicians are Aircraft Mechanics and Service Technicians'],
  'bicycle-mechanic': ['49-3091', 'bicycle mechanics are Bicycle Repairers'],
  'telecom-line-installer': ['49-9052', 'telecom is telecommunications'],
  'auto-body-repairer': ['49-3021', 'auto body repairers are Automotive Body and Related Repairers'],
  bricklayer: ['47-2021', 'bricklayers are Brickmasons and Blockmasons'],
  'auto-mechanic': ['49-3023', 'auto mechanics are Automotive Service Technicians and Mechanics'],
  'hvac-technician': ['49-9021', 'HVAC is heating, ventilation and air conditioning: Heating, Air Conditioning, and Refrigeration Mechanics'],
  'maintenance-worker': ['49-9071', 'building maintenance workers are Maintenance and Repair Workers, General'],
  'assembly-line-worker': ['51-2092', 'assembly line workers are Team Assemblers'],
  'cnc-machine-operator': ['51-9161', 'CNC is computer numerically controlled'],
  'quality-inspector': ['51-9061', 'quality inspectors are Inspectors, Testers, Sorters, Samplers, and Weighers'],
  'ride-hailing-driver': ['53-3054', 'SOC 2018 Taxi Drivers covers ride-hailing drivers'],
  courier: ['43-5021', 'parcel couriers on two and three wheels are Couriers and Messengers'],
  'warehouse-picker-packer': ['53-7065', 'pickers are Stockers and Order Fillers'],
  'forklift-operator': ['53-7051', 'forklift operators are Industrial Truck and Tractor Operators'],
  'semiconductor-process-technician': ['51-9141', 'same occupation: Semiconductor Processing Technicians'],
  'garment-pattern-maker': ['51-6092', 'garment pattern makers are Fabric and Apparel Patternmakers'],
  'coating-machine-operator': ['51-9124', 'industrial spray painters are Coating, Painting, and Spraying Machine Setters, Operators, and Tenders'],
  'injection-molding-operator': ['51-4072', 'plastic injection moulding operators are Molding Machine Setters, Operators, and Tenders, Metal and Plastic'],
  'jewelry-maker': ['51-9071', 'jewelry makers are Jewelers and Precious Stone and Metal Workers'],
  'locomotive-engineer': ['53-4011', 'a train driver is a Locomotive Engineer'],
  'subway-train-operator': ['53-4041', 'subway train operators are Subway and Streetcar Operators'],
  'train-attendant': ['53-6061', 'train attendants are Passenger Attendants'],
  deckhand: ['53-5011', 'deckhands are Sailors and Marine Oilers'],
  'ship-officer': ['53-5021', 'ship captains and mates are Captains, Mates, and Pilots of Water Vessels'],
  'car-wash-attendant': ['53-7061', 'car wash attendants are Cleaners of Vehicles and Equipment'],
  'freight-handler': ['53-7062', 'freight handlers are Laborers and Freight, Stock, and Material Movers, Hand'],
  'warehouse-supervisor': ['53-1042', 'warehouse supervisors lead hand material movers: First-Line Supervisors of Helpers, Laborers, and Material Movers'],
  'delivery-van-driver': ['53-3033', 'delivery van drivers are Light Truck Drivers'],
};

/** SOC has no code for the occupation: id → [SOC code used, why it is the nearest]. */
const APPROXIMATIONS: Record<string, readonly [string, string]> = {
  'product-manager': ['11-2021', 'SOC has no product-manager code; 11-2021 Marketing Managers is the usual home of product managers (O*NET lists the title there)'],
  'operations-specialist': ['13-1161', 'internet "operations" (运营: users, content, campaigns) has no SOC code; 13-1161 Marketing Specialists is the nearest'],
  'business-development-specialist': ['13-1199', 'SOC has no business-development code; 13-1199 Business Operations Specialists, All Other (O*NET also lists the title under 13-1161)'],
  'e-commerce-operations-specialist': ['13-1199', 'running online shops (电商运营) has no SOC code; 13-1199 Business Operations Specialists, All Other'],
  'new-media-operations-specialist': ['13-1161', 'social-media account operations (新媒体运营) has no SOC code; 13-1161 Marketing Specialists (O*NET lists "Social Media Specialist" there)'],
  'data-analyst': ['15-2051', 'SOC has no data-analyst code; 15-2051 Data Scientists holds O*NET 15-2051.01 Business Intelligence Analysts'],
  'machine-learning-engineer': ['15-1221', 'SOC has no ML-engineer code; 15-1221 Computer and Information Research Scientists for model-building work (O*NET lists the title under 15-1299)'],
  'nlp-engineer': ['15-1221', 'SOC has no NLP-engineer code; 15-1221 Computer and Information Research Scientists, as for machine-learning engineers'],
  'prompt-engineer': ['15-1299', 'SOC has no separate code for prompt engineers; 15-1299 Computer Occupations, All Other'],
  'business-analyst': ['15-1211', 'SOC has no business-analyst code; 15-1211 Computer Systems Analysts for IT-facing requirements work (13-1111 Management Analysts for the consulting kind)'],
  'devops-engineer': ['15-1244', 'SOC has no DevOps code; 15-1244 Network and Computer Systems Administrators for operations work (O*NET lists the title under 15-1252 Software Developers)'],
  'data-engineer': ['15-1243', 'SOC has no data-engineer code; 15-1243 Database Architects (O*NET lists "Data Engineer" there)'],
  'implementation-consultant': ['15-1211', 'software implementation consultants configure systems to business needs: 15-1211 Computer Systems Analysts'],
  'process-engineer': ['17-2199', 'SOC has no process-engineer code; 17-2199 Engineers, All Other (but see 17-2112 Industrial Engineers, where O*NET lists the title)'],
  'hardware-engineer': ['17-2072', 'circuit-board and electronic-product design: 17-2072 Electronics Engineers, Except Computer (17-2061 Computer Hardware Engineers for computer equipment)'],
  biologist: ['19-1029', 'SOC splits biologists by field; a general biologist is 19-1029 Biological Scientists, All Other'],
  'lab-technician': ['19-4031', 'a generic laboratory technician has no SOC code; 19-4031 Chemical Technicians for the sample-testing work described'],
  'research-assistant': ['19-4099', 'a generic research assistant has no SOC code; 19-4099 Life, Physical, and Social Science Technicians, All Other'],
  'study-abroad-consultant': ['21-1012', 'study-abroad advising has no SOC code; 21-1012 Educational, Guidance, and Career Counselors and Advisors'],
  'patent-agent': ['23-2099', 'SOC has no patent-agent code; 23-2099 Legal Support Workers, All Other'],
  notary: ['23-2099', 'a Chinese notary (公证员) is a legal professional with no SOC code; 23-2099 Legal Support Workers, All Other (O*NET puts US notaries public in 43-9199)'],
  'trademark-agent': ['23-2099', 'SOC has no trademark-agent code; 23-2099 Legal Support Workers, All Other'],
  'social-worker': ['21-1029', 'a generalist case-management social worker: 21-1029 Social Workers, All Other (the child, health and mental-health kinds have their own entries)'],
  'special-education-teacher': ['25-2059', 'SOC splits special education teachers by school level; one entry for all levels is 25-2059 Special Education Teachers, All Other'],
  'university-lecturer': ['25-1199', 'SOC splits postsecondary teachers by subject; a lecturer of any subject is 25-1199 Postsecondary Teachers, All Other'],
  'kindergarten-teacher': ['25-2011', 'Chinese kindergarten (幼儿园, ages 3–6) is US preschool: 25-2011 Preschool Teachers, not 25-2012 Kindergarten Teachers'],
  'vocational-teacher': ['25-2032', 'Chinese vocational schools span secondary and postsecondary; 25-2032 Career/Technical Education Teachers, Secondary School (25-1194 for the postsecondary kind)'],
  'chinese-second-language-teacher': ['25-3099', 'SOC has no code for teaching Chinese to foreigners outside universities; 25-3099 Teachers and Instructors, All Other'],
  'coding-instructor': ['25-3021', 'children\'s coding classes outside school have no SOC code; 25-3021 Self-Enrichment Teachers'],
  'early-education-teacher': ['25-2011', '0–3 parent-and-child classes have no SOC code; 25-2011 Preschool Teachers (39-9011 Childcare Workers for care without teaching)'],
  'content-creator': ['27-3099', 'SOC has no content-creator code; 27-3099 Media and Communication Workers, All Other'],
  'short-video-director': ['27-2012', 'short-video directing has no SOC code of its own; 27-2012 Producers and Directors'],
  midwife: ['29-1161', 'Chinese midwives (助产士) are nursing-trained; SOC has only 29-1161 Nurse Midwives (US direct-entry midwives are O*NET 29-9099.01)'],
  'tcm-practitioner': ['29-1299', 'Traditional Chinese Medicine has no SOC code; 29-1299 Healthcare Diagnosing or Treating Practitioners, All Other (acupuncture alone is 29-1291)'],
  surgeon: ['29-1249', 'SOC splits surgeons by speciality; a general surgeon is 29-1249 Surgeons, All Other'],
  'maternity-nanny': ['31-1122', 'a maternity nanny (月嫂) cares for mother and newborn at home; 31-1122 Personal Care Aides (39-9011 Childcare Workers for the baby alone)'],
  'security-monitoring-operator': ['33-9032', 'CCTV and alarm monitoring has no SOC code; 33-9032 Security Guards, who monitor premises'],
  'auxiliary-police-officer': ['33-9099', 'Chinese auxiliary police (辅警) have no SOC code; 33-9099 Protective Service Workers, All Other'],
  'pastry-cook': ['35-2014', 'a restaurant dough-and-pastry cook (面点师) is 35-2014 Cooks, Restaurant; 51-3011 Bakers covers bakery production'],
  'sanitation-worker': ['37-2011', 'street sweeping has no SOC code of its own; 37-2011 Janitors and Cleaners (O*NET lists "Street Sweeper" under 53-7062)'],
  'pool-cleaner': ['37-2019', 'SOC has no pool-cleaner code; 37-2019 Building Cleaning Workers, All Other (O*NET lists "Pool Cleaner" under 37-2011)'],
  'livestream-sales-host': ['41-9011', 'livestream selling (直播带货) has no SOC code; 41-9011 Demonstrators and Product Promoters'],
  'key-account-manager': ['41-4012', 'a key account manager is a senior account salesperson: 41-4012 Sales Representatives, Wholesale and Manufacturing'],
  'online-sales-representative': ['41-9099', 'selling to consumers by chat and online shop has no SOC code; 41-9099 Sales and Related Workers, All Other'],
  'ai-data-annotator': ['43-9021', 'SOC has no data-annotation code; 43-9021 Data Entry Keyers'],
  scaffolder: ['47-4099', 'SOC has no scaffolder code; 47-4099 Construction and Related Workers, All Other'],
  miner: ['47-5049', 'SOC splits miners by machine; a general underground miner is 47-5049 Underground Mining Machine Operators, All Other (O*NET lists "Coal Miner" there)'],
  'phone-repair-technician': ['49-9099', 'SOC has no phone-repair code; 49-9099 Installation, Maintenance, and Repair Workers, All Other'],
  'food-processing-worker': ['51-3099', 'a mixed food-factory line job (preparing, cooking, portioning, tending machines): 51-3099 Food Processing Workers, All Other'],
  'delivery-rider': ['53-3031', 'platform food delivery has no SOC code; 53-3031 Driver/Sales Workers, which includes food delivery drivers'],
};

function fitsByRule(o: { codes: { soc2018: string }; title: { en: string } }): boolean {
  const official = SOC.get(o.codes.soc2018);
  return official !== undefined && !/\bAll Other\b/.test(official.title) && titlesMatch(o.title.en, official.title);
}

describe('reference codes', () => {
  it('reads complete structures from data/derived', () => {
    const count = (m: Map<string, Code>, level: string) => [...m.values()].filter((c) => c.level === level).length;
    expect(count(SOC, 'major')).toBe(23);
    expect(count(SOC, 'detailed')).toBe(867);
    expect(count(ISCO, 'major')).toBe(10);
    expect(count(ISCO, 'unit')).toBe(436);
  });

  it('gives every entry a detailed SOC 2018 code', () => {
    const bad = rb.occupations.filter((o) => SOC.get(o.codes.soc2018)?.level !== 'detailed').map((o) => `${o.id}: ${o.codes.soc2018}`);
    expect(bad).toEqual([]);
  });

  it('gives every entry an ISCO-08 unit group', () => {
    const bad = rb.occupations.filter((o) => ISCO.get(o.codes.isco08)?.level !== 'unit').map((o) => `${o.id}: ${o.codes.isco08}`);
    expect(bad).toEqual([]);
  });

  it('matches titles word by word', () => {
    expect(titlesMatch('Accountant', 'Accountants and Auditors')).toBe(true);
    expect(titlesMatch('Merchandiser (Order Follow-up Clerk)', 'Order Clerks')).toBe(true);
    expect(titlesMatch('Fast-food worker', 'Fast Food and Counter Workers')).toBe(true);
    expect(titlesMatch('Police officer', 'Police and Sheriff’s Patrol Officers')).toBe(true);
    expect(titlesMatch('Product Manager', 'Marketing Managers')).toBe(false);
    expect(titlesMatch('Data Analyst', 'Data Scientists')).toBe(false);
    expect(fitsByRule({ codes: { soc2018: '17-2199' }, title: { en: 'Engineer' } })).toBe(false);
  });

  it('fits each SOC code to its English title, by rule or by a reviewed note', () => {
    const unexplained: string[] = [];
    for (const o of rb.occupations) {
      if (fitsByRule(o)) continue;
      const note = CORRESPONDS[o.id] ?? APPROXIMATIONS[o.id];
      if (note === undefined) unexplained.push(`${o.id}: "${o.title.en}" vs ${o.codes.soc2018} ${SOC.get(o.codes.soc2018)?.title ?? '?'}`);
      else if (note[0] !== o.codes.soc2018) unexplained.push(`${o.id}: note written for ${note[0]}, code is now ${o.codes.soc2018}`);
    }
    expect(unexplained).toEqual([]);
  });

  it('keeps the notes exact: known ids, not listed twice, not needed where the rule fits', () => {
    const stale: string[] = [];
    for (const id of [...Object.keys(CORRESPONDS), ...Object.keys(APPROXIMATIONS)]) {
      const o = rb.occupationById.get(id);
      if (o === undefined) stale.push(`${id}: no such occupation`);
      else if (fitsByRule(o)) stale.push(`${id}: fits by rule, drop the note`);
      if (id in CORRESPONDS && id in APPROXIMATIONS) stale.push(`${id}: in both lists`);
    }
    expect(stale).toEqual([]);
  });
});
