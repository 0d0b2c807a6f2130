/**
 * The closed word classes the annotators lean on, in one place: titles, head nouns, name particles,
 * date and tense cue words (weekday and month names come from calendar.ts). Hand-written because no
 * maintained npm package lists English titles or the head nouns that type a proper name; every entry
 * is ordinary English but for two lists of names: `seatsOfGovernment` and `newsAgencies`.
 */
import { irregular as verbTable } from 'en-inflectors/dist/verb/solve_lookup.js';
import { monthNames, weekdayNames } from './calendar.js';

/**
 * Buildings whose name stands for the government or ministry in them ("the Kremlin said"): names,
 * typed as organisations like any head noun.
 */
const seatsOfGovernment = ['kremlin', 'pentagon'];

/**
 * Offices written before a name, lower case, longest first within a phrase match. A title
 * "Secretary General" may also be written "Secretary-General".
 */
export const titles = new Set([
  'president',
  'president-elect',
  'prime minister',
  'first minister',
  'chief minister',
  'premier',
  'chancellor',
  'minister',
  'foreign minister',
  'defence minister',
  'defense minister',
  'finance minister',
  'interior minister',
  'trade minister',
  'chief cabinet secretary',
  'secretary',
  'secretary general',
  'secretary-general',
  'secretary of state',
  'undersecretary',
  'under secretary',
  'assistant secretary',
  'foreign secretary',
  'home secretary',
  'defence secretary',
  'defense secretary',
  'treasury secretary',
  'press secretary',
  'general secretary',
  'director',
  'managing director',
  'executive director',
  'director general',
  'director-general',
  'high representative',
  'commissioner',
  'ambassador',
  'envoy',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'chairman',
  'chairwoman',
  'chairperson',
  'chair',
  'chief',
  'chief executive',
  'chief executive officer',
  'ceo',
  'governor',
  'mayor',
  'senator',
  'sen.',
  'gov.',
  'representative',
  'rep.',
  'cong.',
  'speaker',
  'leader',
  'supreme leader',
  'majority leader',
  'minority leader',
  'party leader',
  'king',
  'queen',
  'prince',
  'princess',
  'crown prince',
  'emperor',
  'empress',
  'pope',
  'general',
  'gen.',
  'admiral',
  'colonel',
  'commander',
  'judge',
  'justice',
  'justices',
  'chief justice',
  'attorney general',
  'prosecutor',
  'advocate',
  // Police and military ranks as news abbreviates them before a name.
  'cp',
  'dcp',
  'acp',
  'igp',
  'dig',
  'aig',
  'lt.',
  'lt',
  'col.',
  'col',
  'maj.',
  'capt.',
  'sgt.',
  'insp.',
  'supt.',
  'pm',
  'mp',
  'mep',
  'msp',
  'mla',
  'mca',
  'cs',
  'cabinet secretary',
  'principal secretary',
]);

/** Words that qualify a title and belong to it: "Deputy Prime Minister", "Acting President". */
export const titleModifiers = new Set([
  'deputy',
  'vice',
  'acting',
  'interim',
  'assistant',
  'senior',
  'chief',
]);

/** Honorifics mark a person without naming an office: "Mr Kim", "Dr. Okafor". */
export const honorifics = new Set([
  'mr',
  'mr.',
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'dr',
  'dr.',
  'sir',
  'dame',
  'lord',
  'lady',
  'prof.',
  'prof',
  'professor',
  'rev.',
  'rev',
  'reverend',
  'hon.',
  'hon',
  "hon'ble",
  'hon’ble',
  'honourable',
  'honorable',
  // "His Excellency", as Gulf and East African pages write it before a name.
  'h.e.',
  'eng.',
  'engr.',
  'engr',
  'barr.',
  'barr',
  'barrister',
  'atty.',
  'atty',
  'attorney',
  // Honorifics English-language news keeps from other languages: West Africa, South Asia, the Gulf,
  // Malaysia, France.
  'alhaji',
  'alhaja',
  'hajiya',
  'hajia',
  'haji',
  'hajjah',
  'mallam',
  'malam',
  'chief',
  'sheikh',
  'sheik',
  'shri',
  // Not "Sri": in Indonesia and Thailand a given name ("Sri Utami"), kept in the name.
  'smt.',
  'smt',
  'shrimati',
  'datuk',
  'dato',
  "dato'",
  'datin',
  // The Philippines: a chieftain's title.
  'datu',
  'tun',
  'tan sri',
  'puan',
  'encik',
  // Indonesia's "Bapak" and "Ibu" (Mr, Mrs). Not "Pak", which opens Thai and Lao place names.
  'bapak',
  'ibu',
  'madam',
  'mme',
  'mme.',
  'senior advocate',
]);

/** Abbreviated titles and their full form, so that "PM Tanaka" and "Prime Minister Tanaka" agree. */
export const titleExpansions: Record<string, string> = {
  pm: 'Prime Minister',
  ceo: 'Chief Executive',
  'chief executive officer': 'Chief Executive',
  cs: 'Cabinet Secretary',
  'sen.': 'Senator',
  'gov.': 'Governor',
  'rep.': 'Representative',
  'cong.': 'Congressman',
  'gen.': 'General',
  'secretary-general': 'Secretary General',
  'director-general': 'Director General',
};

/** Head nouns that make a capitalised phrase an organisation: "Utopian Water Resources Agency". */
/**
 * Heads that open an organisation's name in Portuguese, Spanish, French and Italian, which English
 * news keeps as written: "Agência Nacional de …", "Sindicato dos …", "Compagnie des …".
 */
export const leadingOrganizationHeads = new Set([
  'agência', 'agencia', 'agence', 'agenzia', 'sindicato', 'syndicat', 'sindacato', 'companhia', 'compañía', 'compagnie',
  'compagnia', 'ministério', 'ministerio', 'ministère', 'ministero', 'secretaria', 'secretaría', 'tribunal', 'tribunale',
  'banco', 'banque', 'instituto', 'institut', 'istituto', 'fundação', 'fundación', 'fondation', 'fondazione',
  'associação', 'asociación', 'associazione', 'federação', 'federación', 'fédération', 'federazione',
  'confederação', 'confederación', 'confédération', 'partido', 'parti', 'partito', 'universidade', 'universidad',
  'université', 'università', 'conselho', 'consejo', 'conseil', 'consiglio', 'comissão', 'comisión', 'commissione',
  'câmara', 'cámara', 'chambre', 'camera', 'assembleia', 'asamblea', 'assemblée', 'procuradoria', 'fiscalía',
  'superintendência', 'superintendencia', 'departamento', 'serviço', 'servicio', 'servizio', 'empresa', 'grupo',
  'groupe', 'gruppo', 'corporación', 'sociedade', 'sociedad', 'société', 'società', 'autoridade', 'autoridad',
  'autorité', 'autorità', 'polícia', 'policía', 'polizia', 'exército', 'ejército', 'armée', 'esercito', 'prefeitura',
  'governo', 'gobierno', 'gouvernement', 'movimento', 'movimiento', 'mouvement', 'cooperativa', 'consórcio',
  'consorcio', 'consortium', 'tribunale', 'corte', 'cour', 'conselho', 'junta', 'comité', 'comitato', 'frente', 'front',
  'école', 'escola', 'escuela', 'scuola', 'lycée', 'collège', 'colegio', 'liceo',
]);

export const organizationHeads = new Set([
  'organization',
  'organisation',
  'agency',
  'council',
  'ministry',
  'department',
  'commission',
  'committee',
  'forces',
  'force',
  'army',
  'navy',
  'party',
  'union',
  'alliance',
  'association',
  'bank',
  'fund',
  'institute',
  'university',
  'college',
  'court',
  'parliament',
  'congress',
  'senate',
  'assembly',
  'office',
  'bureau',
  'authority',
  'directorate',
  'company',
  'corporation',
  'corp.',
  'inc.',
  'ltd',
  'group',
  'times',
  'wire',
  'radio',
  'herald',
  'tribune',
  'gazette',
  'courier',
  'chronicle',
  'journal',
  'telegraph',
  'observer',
  'television',
  'broadcasting',
  'collectorate',
  'post',
  'news',
  'newswire',
  'daily',
  'cooperative',
  'co-operative',
  // A company's line of business closing its name: "Riverton Heavy Industries", "Utopia Shipbuilding".
  'industries',
  'shipbuilding',
  'engineering',
  'electronics',
  'chemicals',
  'motors',
  'airlines',
  'airways',
  'logistics',
  'shipping',
  'pharmaceuticals',
  'telecom',
  'refining',
  'press',
  'service',
  'services',
  'foundation',
  'federation',
  'league',
  'coalition',
  'cabinet',
  'government',
  'administration',
  'board',
  'police',
  'guard',
  'command',
  'secretariat',
  'network',
  'club',
  'society',
  'centre',
  'center',
  'academy',
  'school',
  'hospital',
  'house',
  'exchange',
  'holding',
  'holdings',
  'diet',
  ...seatsOfGovernment,
  'nations',
  'tribunal',
  'campus',
  'parliament',
  'initiative',
  'movement',
  'headquarters',
  'terminals',
  // South Asian bodies keep their own word for one: "Raitha Hitarakshana Samithi".
  'samithi',
  'samiti',
  'sangh',
]);

/** Bodies a capitalised word names alone, as news writes them: "the Senate", "Parliament". */
export const institutionWords = new Set(['senate', 'parliament', 'congress', 'cabinet', 'bundestag', 'knesset', 'duma', 'storting', 'riksdag', 'folketing', 'sejm', 'seimas', 'saeima']);

/** Head nouns of programmes, plans and agreements: "Joint Coastal Safety Programme". */
export const programmeHeads = new Set([
  'program',
  'programme',
  'programs',
  'programmes',
  'agreement',
  'agreements',
  'initiative',
  'plan',
  'strategy',
  'treaty',
  'accord',
  'accords',
  'act',
  'framework',
  'pact',
  'project',
  'scheme',
  'policy',
  'declaration',
  'convention',
  'protocol',
  'protocols',
  'mechanism',
  'pledge',
  'deal',
]);

/** Head nouns of events: "Riga Summit", "Paris Climate Conference". */
export const eventHeads = new Set([
  'summit',
  'conference',
  'meeting',
  'games',
  'olympics',
  'cup',
  'championship',
  'election',
  'elections',
  'forum',
  'talks',
  'dialogue',
  'war',
  'festival',
  'expo',
  'ceremony',
  'session',
  'crisis',
  'revolution',
  'disaster',
  'earthquake',
]);

/** Head nouns of places: "South China Sea", "Riverton Naval Base". */
export const placeHeads = new Set([
  'sea',
  'ocean',
  'river',
  'lake',
  'island',
  'islands',
  'mountains',
  'mount',
  'strait',
  'gulf',
  'bay',
  'peninsula',
  'region',
  'province',
  'prefecture',
  'county',
  'district',
  'valley',
  'desert',
  'coast',
  'square',
  'street',
  'avenue',
  'airport',
  'base',
  'port',
  'harbor',
  'harbour',
  'canal',
  'city',
  'republic',
  'palace',
  'castle',
  'cathedral',
  'stadium',
  'bridge',
  'hall',
  'gardens',
  'road',
  'circle',
  'expressway',
  'highway',
  'motorway',
  'voivodeship',
  'kingdom',
  'oasis',
  'plateau',
  'delta',
  'basin',
  'dam',
  'reservoir',
  'municipality',
  'village',
  'town',
  'township',
  'coastline',
  'highlands',
  'lowlands',
]);

/** Words that open a place's name: "Lake Victoria", "Gulf of Aden", "Mount Kenya", "Wadi Rum". */
export const placeLeads = new Set([
  'lake', 'mount', 'gulf', 'bay', 'cape', 'wadi', 'isle', 'sea', 'strait', 'port', 'fort', 'lac', 'rio', 'plaza', 'piazza', 'praça', 'plac',
  // Spanish and Portuguese: "Salar de Uyuni", "Valle de Elqui", "Cerro Rico", "Isla Grande".
  'salar', 'valle', 'cerro', 'laguna', 'lago', 'sierra', 'isla', 'ilha', 'bahía', 'playa', 'volcán', 'cordillera', 'quebrada', 'monte', 'serra',
  // A saint's name made a town's: "San Felipe", "Santa Rosa", "São Roque", "Saint-Denis".
  'san', 'santa', 'santo', 'são', 'sao', 'saint', 'sainte',
]);

/** Words that open a named storm or other named event: "Typhoon Haiyan", "Storm Ciara", "Operation Anaconda". */
export const eventLeads = new Set(['typhoon', 'hurricane', 'cyclone', 'storm', 'operation']);

/**
 * Prepositions that put a place after them: "in Kleve", "near Arcen", "off the coast". "At", "to"
 * and "from" are left out: they come as often before an organisation or a person.
 */
export const placePrepositions = new Set(['in', 'near', 'outside', 'across', 'throughout', 'around', 'towards', 'toward', 'into', 'via', 'off', 'inside']);

/** Lower-case particles inside personal names: "Ursula von der Leyen", "Luiz Inácio Lula da Silva". */
export const nameParticles = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'del',
  'della',
  // Spanish-derived surnames as the Philippines writes them: "dela Cruz", "delos Reyes", "de los Santos".
  'dela',
  'delos',
  'los',
  'di',
  'da',
  'dos',
  'das',
  'du',
  // French names of bodies: "Fédération Générale des Ports".
  'des',
  'la',
  'le',
  'ter',
  'ten',
  'bin',
  'binti',
  'ibn',
  'al',
  'el',
  'zu',
]);

/** Function words that are capitalised only because they start a sentence or a headline word. */
/** English auxiliaries and "said": with the function words, the commonest lower-case words of English news. */
export const englishVerbs = new Set(
  'is are was were be been being has have had will would can could should may might must do does did said says'.split(' '),
);

export const functionWords = new Set(
  (
    'a an the this that these those his her its their our my your he she it they we i you there here ' +
    'in on at of for from to by with without about after before during since until while when where why how ' +
    'what which who whom whose but and or nor so yet if as than then also not no yes all both each every ' +
    'some any many most more much few several other another such only even still just now today ' +
    'however meanwhile moreover furthermore therefore thus recently later earlier following according ' +
    'under over between among through throughout despite amid amidst against toward towards into onto ' +
    'last next first second third one two three four five six seven eight nine ten'
  ).split(' '),
);

/** Determiners that make a plural head generic: "their respective Joint Safety Programmes". */
export const genericDeterminers = new Set([
  'their',
  'its',
  'our',
  'his',
  'her',
  'respective',
  'various',
  'several',
  'these',
  'those',
  'both',
  'all',
  'many',
  'other',
  'such',
  'own',
]);

/**
 * Offices one person holds at a time, once qualified by a country or an organisation. Generic
 * titles only; "Minister" alone is not here (a government has many).
 */
export const singleHolderTitles = new Set([
  'prime minister',
  'president',
  'secretary general',
  'secretary-general',
  'chancellor',
  'king',
  'queen',
  'emperor',
  'pope',
  'premier',
  'chief executive',
  'ceo',
  'governor',
  'mayor',
  'foreign minister',
  'defence minister',
  'defense minister',
  'finance minister',
  'chairman',
  'chairwoman',
  'chairperson',
  'chair',
  'head',
  'director general',
  'director-general',
  'high representative',
  'speaker',
  // Offices of one holder each, given whose they are: a state's, a company's, a court's.
  'attorney general',
  'attorney-general',
  'chief minister',
  'managing director',
  'executive director',
  'chief justice',
  'inspector general',
]);

/**
 * Offices by kind. One person is rarely two kinds at once: a judge is not also a governor. Titles that
 * head any body ("President", "Chairman", "Director") are in no kind and say nothing; every title
 * with "Minister" in it is a minister.
 */
export const officeKinds = new Map<string, string>([
  ...['premier', 'chancellor', 'cabinet secretary'].map((t) => [t, 'minister'] as const),
  ...['judge', 'justice', 'justices', 'chief justice', 'magistrate'].map((t) => [t, 'judge'] as const),
  ...['governor', 'deputy governor', 'lieutenant governor'].map((t) => [t, 'governor'] as const),
  ...['mayor', 'deputy mayor'].map((t) => [t, 'mayor'] as const),
  ...['cp', 'igp', 'police commissioner', 'commissioner of police', 'inspector-general of police', 'commander', 'police commander', 'county commander'].map(
    (t) => [t, 'police'] as const,
  ),
  ...['senator', 'sen.', 'mp', 'mep', 'msp', 'deputy', 'congressman', 'congresswoman', 'representative', 'rep.', 'lawmaker', 'mla', 'mca', 'assemblyman', 'assemblywoman'].map(
    (t) => [t, 'legislator'] as const,
  ),
  ...['ambassador', 'envoy', 'consul', 'consul general', 'agent'].map((t) => [t, 'diplomat'] as const),
  ...['spokesman', 'spokeswoman', 'spokesperson'].map((t) => [t, 'spokesperson'] as const),
  ...['king', 'queen', 'emperor', 'crown prince', 'sultan', 'emir'].map((t) => [t, 'monarch'] as const),
]);

/** Words that mark a person as no longer holding the office that follows: "former Prime Minister". */
export const pastRoleCues = new Set(['former', 'late', 'ex', 'then']);

/** Bodies that are no part of the state: whoever heads one holds no office of the state at once. */
export const privateBodyNouns = new Set([
  'union', 'association', 'company', 'corporation', 'consortium', 'operator', 'firm', 'cooperative', 'federation',
  'holding', 'holdings', 'group', 'foundation', 'initiative', 'network', 'exchange', 'club', 'society', 'bank',
]);

/** Titles too general to tell two people apart: "Minister Roe" may be any minister (corpus/offices.ts). */
export const generalTitles = new Set(['minister', 'head', 'director', 'chief', 'leader', 'official', 'deputy']);

/**
 * Words that report a change of office-holder ("was sworn in", "replaced", "resigned"): where the
 * corpus writes one near either holder, two holders of one office may be a succession.
 */
/** Words that say someone came into an office: "was appointed", "was sworn in", "replaced". */
export const arrivalCues =
  /\b(?:appoint\w*|nominat\w*|named|replac\w*|succe(?:ed|ss)\w*|sworn|took office|tak(?:e|es|ing) office|incoming|promot\w*|reshuffle\w*)\b/iu;

/** Words that say someone left an office: "resigned", "stepped down", "her predecessor". */
export const departureCues =
  /\b(?:resign\w*|step(?:s|ped)? down|outgoing|predecessor|ousted|dismiss\w*|sacked|fired|replaced by|succeeded by|reshuffle\w*)\b/iu;

export const successionCues =
  /\b(?:appoint\w*|nominat\w*|named|replac\w*|succe(?:ed|ss)\w*|sworn|took office|tak(?:e|es|ing) office|resign\w*|step(?:s|ped)? down|outgoing|incoming|predecessor|ousted|dismiss\w*|sacked|fired|reshuffle\w*|promot\w*)\b/iu;

/**
 * A change of office asked for or refused, not made: "demanded his resignation", "calls for her
 * dismissal", "refused to resign", "will not step down".
 */
const changeUnmade =
  /\b(?:(?:demand|call|urg|press|seek|sought)\w*\s+(?:for\s+)?(?:his|her|their|its|the)\s+(?:\p{L}+['’]s\s+)?(?:resignation|dismissal|removal|ouster)|(?:refus|declin|reject)\w*\s+(?:to\s+|calls\s+to\s+)?(?:resign|step\s+down|quit)|(?:will|would|did|does|do|has|have)\s+not\s+(?:resign\w*|step\w*\s+down|quit)|won['’]t\s+(?:resign|step\s+down|quit))\b/giu;

/** Whether `words` report a change of office by one of `cues`, once changes asked for or refused are set aside. */
export const reportsChange = (cues: RegExp, words: string): boolean => cues.test(words.replace(changeUnmade, ' '));

/** Weekday names: dates, never names. */
export const weekdays = new Set(weekdayNames.map((name) => name.toLowerCase()));

/** Month names: dates unless they sit inside a longer name ("Theresa May"). */
export const months = new Set(monthNames.map((name) => name.toLowerCase()));

// Event and tense cues (corpus/timeline.ts, tense.ts).

/** Words of an event's name that say what kind of event it is, not which: "Harbour Summit" is "harbour". */
export const genericEventWords = new Set(['summit', 'meeting', 'conference', 'talks', 'visit', 'leaders']);

/** Words and phrases that put what a sentence tells ahead of the article's date. */
export const futureCues = [
  'will',
  "'ll",
  'shall',
  'upcoming',
  'forthcoming',
  'scheduled',
  'to be held',
  'set to',
  'due to',
  'expected to',
  'plans to',
  'plan to',
  'planning to',
  'ahead of',
  'next week',
  'next month',
  'next year',
  'is to',
  'are to',
  'going to',
  'intends to',
  'is set',
  // A plan made or offered: "an invitation to meet on Thursday", "agreed to sign on Monday".
  'invitation to',
  'invited to',
  'agreed to',
  'to meet',
];

/**
 * A plan reported in the past: "said engineers would start on Wednesday", "was due back on Friday".
 * Ahead for the date it governs; of an event, it says nothing of where the article stands.
 */
export const reportedFutureCues = ['would', 'was due', 'were due', 'due back', 'was to', 'were to'];

/** Phrases that say the event is going on at the article's date. */
// Not "taking place": "the summit taking place in Latvia" says nothing of when.
export const presentCues = ['ongoing', 'is being held', 'underway', 'under way', 'this week'];

/** Past-tense words too irregular to spot by their ending. */
/**
 * Irregular past forms ("flew", "withdrew", "swore"), from en-inflectors' table of English verbs; "-ed"
 * forms of five letters or more are read by their ending. Not the modals ("could") nor pasts that are mostly nouns or
 * adjectives in news ("bound", "ground", "rose", "felt"); "ago" and "last" point back too.
 */
const notPastHere = new Set(['could', 'would', 'should', 'might', 'must', 'bound', 'bit', 'ground', 'rose', 'fell', 'felt', 'lay', 'bore', 'wound', 'dove', 'lit', 'clad', 'shed', 'cleft', 'clove', 'hove', 'bade', 'custom-made', 'jerry-built']);
export const irregularPast = new Set([
  ...verbTable
    .filter(([base, past]) => past !== base && !(past.endsWith('ed') && past.length > 4) && !notPastHere.has(past))
    .map(([, past]) => past),
  'ago',
  'last',
]);

/** Words before "last" that make it an adjective ("the last chance"). */
export const determiners = new Set(['the', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'a']);

/** The forms of “be”: “is held” is not a past tense. */
export const beForms = new Set(['is', 'are', 'be', 'been', 'being', 'am']);

/** Words ending in -s before "on <weekday>" that are no verb of a plan: "was", "has", "news" (dates.ts). */
export const presentNotScheduled = new Set(['was', 'has', 'does', 'says', 'news', 'its', 'this', 'his', 'hers', 'ours', 'yours', 'theirs', 'days', 'hours', 'weeks', 'minutes', 'times', 'talks', 'reports', 'officials', 'sources', 'as', 'is', 'thus', 'plus', 'less', 'unless', 'across']);

/** Kinds of event that happen often, to many people: the kind alone does not make two mentions one event (rules/dateline-conflict.ts). */
export const everydayEventKinds = new Set(['meeting', 'visit', 'talks', 'ceremony', 'signing', 'tour', 'hearing', 'vote']);

// Names and acronyms (name-chunks.ts, entity-typing.ts, acronyms.ts).

/** Lower-case words inside a long name: "Ministry of Defence", "Bureau for Statistics and Census". */
export const nameLinkers = new Set(['of', 'for', 'and', '&', 'on', 'the']);

/** Words that open a region's name: "North Rhine-Westphalia", "Middle East", "Upper Austria". */
export const compassWords = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower', 'middle', 'far', 'greater']);

/** Small words inside a long form that its acronym may skip: "Ministry of Defence (MOD)". */
export const acronymStopWords = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'to', 'a', 'an', '&', 'at', 'de',
  // The small words of long forms news keeps in Spanish, Portuguese, French, Italian, German and Dutch:
  // "Comisión para la Aplicación y el Desarrollo del Convenio" spells CADC.
  'del', 'la', 'el', 'los', 'las', 'y', 'e', 'para', 'por', 'do', 'da', 'dos', 'das', 'du', 'des', 'le', 'les', 'et', 'pour', 'di', 'della', 'der', 'die', 'und', 'für', 'van', 'voor', 'het']);

/** Function words of other languages that write long forms English news keeps as they are (rules/acronym-expansion.ts). */
export const foreignWords = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'la', 'le', 'les', 'des', 'du', 'der', 'die', 'und', 'van', 'voor', 'di', 'e', 'y', 'et']);

/**
 * Words that name a government portfolio ("Minister of Foreign Affairs", "Minister for Energy and
 * Mines"): after "Minister of", they are the office, not the start of the holder's name.
 */
export const portfolioWords = new Set([
  'foreign', 'affairs', 'home', 'interior', 'internal', 'defence', 'defense', 'finance', 'economy', 'economic',
  'trade', 'industry', 'commerce', 'energy', 'mines', 'mining', 'petroleum', 'oil', 'gas', 'power', 'water',
  'resources', 'natural', 'environment', 'climate', 'health', 'education', 'justice', 'agriculture', 'food',
  'fisheries', 'forestry', 'forests', 'livestock', 'irrigation', 'transport', 'infrastructure', 'works', 'public',
  'labour', 'labor', 'employment', 'development', 'planning', 'communications', 'information', 'culture',
  'tourism', 'security', 'housing', 'welfare', 'social', 'science', 'technology', 'innovation', 'digital', 'sport',
  'sports', 'youth', 'women', 'family', 'treasury', 'urban', 'rural', 'local', 'government', 'immigration',
  'aviation', 'maritime', 'ports', 'state', 'national', 'regional', 'management', 'disaster', 'relations',
  'cooperation', 'integration', 'veterans', 'religious', 'heritage', 'arts', 'budget', 'revenue', 'land', 'lands', 'spatial', 'agrarian',
  'construction', 'safety', 'nature', 'electricity', 'minerals', 'sanitation', 'telecommunications', 'transportation', 'change',
]);

/**
 * News agencies, named alone in wire credits and attributions ("(Agency) -", "Agency reported"):
 * organisations, though a single capitalised word.
 */
/**
 * Nouns for a business written just before its name ("the road builder Riverton Works", "shares of
 * Harbour Holding"): the name is the business's.
 */
export const businessNouns = new Set(['company', 'firm', 'group', 'consortium', 'conglomerate', 'operator', 'supplier', 'subcontractor', 'contractor', 'builder', 'manufacturer', 'maker', 'lender', 'bank', 'insurer', 'airline', 'carrier', 'retailer', 'utility', 'startup', 'exporter', 'importer', 'distributor', 'shipper', 'giant', 'producer', 'developer', 'shares', 'subsidiary', 'unit']);

/** Social networks news cites as a source ("said on Twitter"): bodies, never people. */
export const socialPlatforms = new Set(['twitter', 'facebook', 'instagram', 'youtube', 'tiktok', 'telegram', 'whatsapp', 'linkedin', 'weibo', 'wechat', 'snapchat', 'reddit', 'bluesky', 'mastodon']);

/** The buttons and labels a copied page keeps ("Share on Facebook", "Print", "Subscribe"): never a name. */
export const pageWidgetWords = new Set(['share', 'shares', 'print', 'email', 'e-mail', 'subscribe', 'follow', 'listen', 'watch', 'comment', 'comments', 'tweet', 'save', 'copy', 'advertisement', 'related', 'more', 'menu', 'search', 'login', 'register']);

export const newsAgencies = new Set([
  'reuters', 'afp', 'ap', 'bloomberg', 'xinhua', 'kyodo', 'yonhap', 'pti', 'ians', 'ansa', 'efe', 'tass', 'interfax',
  'bernama', 'antara', 'upi', 'dpa', 'anadolu', 'itar-tass', 'ria novosti', 'sputnik', 'apa', 'ctk', 'pap', 'bta',
]);
