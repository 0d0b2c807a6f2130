/**
 * The JSON Schema (draft-07) of dateline.yaml. schemas/dateline.schema.json, which the YAML extension
 * reads for completion and hovers, is this object written out; a test keeps the two equal.
 */

const severity = {
  type: 'string',
  enum: ['error', 'warning', 'information', 'hint', 'off'],
};

/** Every rule id with the help text shown for it in the editor. */
const ruleDescriptions = {
  'name-variant': 'A name spelled differently from the way the rest of the corpus spells the same entity.',
  'acronym-expansion': 'An acronym written out differently from the way the corpus or this file expands it.',
  'dateline-conflict':
    'A dateline that contradicts the corpus timeline: a past event described as upcoming, or the reverse.',
  'weekday-mismatch': 'A weekday that does not fall on the date written next to it.',
  'role-conflict':
    'Two people holding one single-holder office at the same date, or a role used outside its tenure.',
};

// Years alone are plain YAML integers (`start: 2023`), so a date may be an integer or a string.
const isoDate = {
  type: ['string', 'integer'],
  pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$',
  minimum: 1,
  maximum: 9999,
};

const nonEmpty = { type: 'string', minLength: 1 };

/** The schema object, as written to schemas/dateline.schema.json. */
export const knowledgeSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://example.invalid/dateline/dateline.schema.json',
  title: 'Dateline knowledge file',
  description:
    'What the corpus cannot settle: canonical names, event dates, acronym expansions, rule levels.',
  type: 'object',
  additionalProperties: false,
  properties: {
    entities: {
      description: 'Pinned entities: the canonical name wins over the spelling the corpus prefers.',
      type: 'array',
      items: {
        description: 'One entity: its canonical name, type, accepted spellings and offices.',
        type: 'object',
        additionalProperties: false,
        required: ['name', 'type'],
        properties: {
          name: { ...nonEmpty, description: 'The canonical name, spelled as articles should spell it.' },
          type: {
            description: 'What kind of entity this is.',
            type: 'string',
            enum: ['person', 'organization', 'place', 'event', 'programme'],
          },
          aliases: {
            description: 'Other spellings accepted for this entity; they are never reported as variants.',
            type: 'array',
            items: { ...nonEmpty, description: 'An accepted spelling.' },
          },
          roles: {
            description: 'Offices the entity holds or held, with their tenure when known.',
            type: 'array',
            items: {
              description: 'One office.',
              type: 'object',
              additionalProperties: false,
              required: ['title'],
              properties: {
                title: { ...nonEmpty, description: 'The title of the office, such as "Prime Minister".' },
                organization: { ...nonEmpty, description: 'The organisation the office belongs to.' },
                country: { ...nonEmpty, description: 'The country the office belongs to.' },
                from: { ...isoDate, description: 'Start of the tenure: 2021, 2021-11 or 2021-11-01.' },
                to: {
                  ...isoDate,
                  description: 'End of the tenure: 2021, 2021-11 or 2021-11-01; open when absent.',
                },
              },
            },
          },
        },
      },
    },
    events: {
      description: 'Pinned events: when and where they happened.',
      type: 'array',
      items: {
        description: 'One event.',
        type: 'object',
        additionalProperties: false,
        required: ['name', 'start'],
        properties: {
          name: { ...nonEmpty, description: 'The name of the event, such as "Glasgow Climate Conference".' },
          aliases: {
            description: 'Other names the articles use for this event.',
            type: 'array',
            items: { ...nonEmpty, description: 'Another name of the event.' },
          },
          place: { ...nonEmpty, description: 'Where the event took place.' },
          start: { ...isoDate, description: 'First day of the event: 2021, 2021-11 or 2021-11-01.' },
          end: { ...isoDate, description: 'Last day of the event, when it lasted more than one.' },
        },
      },
    },
    acronyms: {
      description:
        'Pinned acronym expansions: a list of { acronym, expansion }, or a map from acronym to expansion.',
      type: ['array', 'object'],
      items: {
        description: 'One acronym and its long form.',
        type: 'object',
        additionalProperties: false,
        required: ['acronym', 'expansion'],
        properties: {
          acronym: { ...nonEmpty, description: 'The acronym as written, such as "UNFCCC".' },
          expansion: { ...nonEmpty, description: 'The long form it stands for.' },
        },
      },
      additionalProperties: { ...nonEmpty, description: 'The long form this acronym stands for.' },
    },
    distinct: {
      description: 'Names that are their own names, never variants of similar names.',
      type: 'array',
      items: { ...nonEmpty, description: 'A name never reported as a variant.' },
    },
    ignore: {
      description: 'Findings to ignore, each in one article: the rule and the words it flags there.',
      type: 'array',
      items: {
        description: 'One finding ignored in one article.',
        type: 'object',
        additionalProperties: false,
        required: ['file', 'rule', 'text'],
        properties: {
          file: {
            ...nonEmpty,
            description: "The article: a path relative to this file's folder, or a file name.",
          },
          rule: { type: 'string', enum: Object.keys(ruleDescriptions), description: 'The rule id.' },
          text: { ...nonEmpty, description: 'The words the rule flags, as written in the article.' },
        },
      },
    },
    rules: {
      description: 'The level of each rule; `off` silences it. Overrides the dateline.rules setting.',
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        Object.entries(ruleDescriptions).map(([id, description]) => [id, { ...severity, description }]),
      ),
    },
  },
};
