// Generated from schema/adopt.schema.json by `npm run build:types`. Do not edit by hand.
export const keyOrder: Readonly<Record<string, readonly string[]>> = {
  "": [
    "version",
    "language",
    "project",
    "lead",
    "keyUsers",
    "needs",
    "research",
    "poc",
    "deployment",
    "training",
    "evaluation",
    "practices"
  ],
  "project": [
    "title",
    "organisation",
    "summary",
    "created"
  ],
  "lead": [
    "name",
    "role",
    "contact",
    "skills",
    "availability",
    "support"
  ],
  "lead.skills": [
    "projectManagement",
    "facilitation"
  ],
  "keyUsers[]": [
    "id",
    "name",
    "role",
    "profile",
    "use"
  ],
  "needs": [
    "objectives",
    "audiences",
    "budget",
    "schedule",
    "maturity",
    "interface",
    "risks"
  ],
  "needs.objectives[]": [
    "id",
    "text",
    "indicator",
    "priority"
  ],
  "needs.audiences[]": [
    "who",
    "uses"
  ],
  "needs.budget": [
    "currency",
    "items",
    "funding"
  ],
  "needs.budget.items[]": [
    "item",
    "amount",
    "kind",
    "period"
  ],
  "needs.schedule": [
    "urgency",
    "deadline",
    "conflicts",
    "milestones"
  ],
  "needs.schedule.milestones[]": [
    "id",
    "name",
    "date",
    "done"
  ],
  "needs.maturity": [
    "level",
    "trainingNeed",
    "notes"
  ],
  "needs.interface": [
    "importance",
    "notes"
  ],
  "needs.risks[]": [
    "id",
    "text",
    "area",
    "likelihood",
    "impact",
    "mitigation"
  ],
  "research": [
    "sources",
    "peerFeedback",
    "candidates"
  ],
  "research.peerFeedback[]": [
    "organisation",
    "tool",
    "takeaway"
  ],
  "research.candidates[]": [
    "id",
    "name",
    "vendor",
    "url",
    "pricing",
    "licence",
    "hosting",
    "dataExport",
    "strengths",
    "weaknesses",
    "shortlisted"
  ],
  "poc": [
    "start",
    "end",
    "criteria",
    "scores",
    "adaptations",
    "decision"
  ],
  "poc.criteria[]": [
    "id",
    "text",
    "weight",
    "objective"
  ],
  "poc.scores[]": [
    "candidate",
    "by",
    "criterion",
    "score",
    "comment"
  ],
  "poc.decision": [
    "chosen",
    "date",
    "rationale"
  ],
  "deployment": [
    "procedures",
    "launch",
    "phases",
    "infoPoints"
  ],
  "deployment.launch": [
    "format",
    "date"
  ],
  "deployment.phases[]": [
    "id",
    "name",
    "start",
    "end",
    "scope"
  ],
  "deployment.infoPoints": [
    "frequency",
    "channel"
  ],
  "training": [
    "champions",
    "formats",
    "sessions",
    "catchUp"
  ],
  "training.sessions[]": [
    "date",
    "topic",
    "audience",
    "format"
  ],
  "training.catchUp[]": [
    "who",
    "plan"
  ],
  "evaluation": [
    "due",
    "reviews"
  ],
  "evaluation.reviews[]": [
    "date",
    "by",
    "objectives",
    "effects",
    "usability",
    "hindsight",
    "decision",
    "notes"
  ],
  "evaluation.reviews[].objectives[]": [
    "id",
    "status",
    "evidence"
  ],
  "evaluation.reviews[].effects[]": [
    "text",
    "kind",
    "anticipated"
  ],
  "practices": [
    "vision",
    "specifics",
    "decisions",
    "communications"
  ],
  "practices.vision": [
    "owner",
    "inventory"
  ],
  "practices.vision.inventory[]": [
    "tool",
    "use",
    "fate",
    "monthlyCost",
    "contractEnd"
  ],
  "practices.decisions[]": [
    "date",
    "decision",
    "rationale",
    "by"
  ],
  "practices.communications[]": [
    "date",
    "audience",
    "message",
    "channel"
  ]
};

/** Every place a date (YYYY-MM-DD) goes, as dotted paths with [] for list items. */
export const datePaths: readonly string[] = [
  "project.created",
  "needs.schedule.deadline",
  "needs.schedule.milestones[].date",
  "poc.start",
  "poc.end",
  "poc.decision.date",
  "deployment.launch.date",
  "deployment.phases[].start",
  "deployment.phases[].end",
  "training.sessions[].date",
  "evaluation.due",
  "evaluation.reviews[].date",
  "practices.vision.inventory[].contractEnd",
  "practices.decisions[].date",
  "practices.communications[].date"
];

/** The lists whose items carry an id that must be unique. */
export const idLists: readonly string[] = [
  "keyUsers",
  "needs.objectives",
  "needs.schedule.milestones",
  "needs.risks",
  "research.candidates",
  "poc.criteria",
  "deployment.phases",
  "evaluation.reviews[].objectives"
];
