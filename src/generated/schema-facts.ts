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
    "id",
    "who",
    "count",
    "uses"
  ],
  "needs.budget": [
    "currency",
    "items",
    "funding",
    "ceiling",
    "hourValue",
    "horizon"
  ],
  "needs.budget.items[]": [
    "item",
    "amount",
    "kind",
    "period",
    "category"
  ],
  "needs.budget.ceiling": [
    "amount",
    "per"
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
    "costs",
    "hoursPerMonth",
    "licence",
    "hosting",
    "dataProtection",
    "dataExport",
    "accessibility",
    "strengths",
    "weaknesses",
    "shortlisted"
  ],
  "research.candidates[].costs[]": [
    "item",
    "amount",
    "kind",
    "period",
    "category"
  ],
  "research.candidates[].dataProtection": [
    "agreement",
    "jurisdiction",
    "subprocessors"
  ],
  "research.candidates[].accessibility": [
    "statement",
    "notes"
  ],
  "poc": [
    "start",
    "end",
    "criteria",
    "scores",
    "comments",
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
  "poc.comments[]": [
    "candidate",
    "by",
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
    "phased",
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
    "responses",
    "reviews"
  ],
  "evaluation.responses[]": [
    "id",
    "received",
    "form",
    "audience",
    "name",
    "sus",
    "objectives",
    "effects",
    "comment"
  ],
  "evaluation.responses[].objectives[]": [
    "id",
    "status",
    "comment"
  ],
  "evaluation.responses[].effects": [
    "positive",
    "negative"
  ],
  "evaluation.reviews[]": [
    "date",
    "by",
    "objectives",
    "effects",
    "responses",
    "usability",
    "hindsight",
    "decision",
    "rationale",
    "actions",
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
  "evaluation.reviews[].actions[]": [
    "what",
    "who",
    "by"
  ],
  "practices": [
    "vision",
    "specifics",
    "decisions",
    "communications",
    "ideas"
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
  ],
  "practices.ideas[]": [
    "date",
    "from",
    "idea",
    "status"
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
  "evaluation.responses[].received",
  "evaluation.reviews[].date",
  "evaluation.reviews[].actions[].by",
  "practices.vision.inventory[].contractEnd",
  "practices.decisions[].date",
  "practices.communications[].date",
  "practices.ideas[].date"
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
  "evaluation.responses",
  "evaluation.responses[].objectives",
  "evaluation.reviews[].objectives"
];

/** The allowed values of every place with a fixed list of them: the choices the wizard offers. */
export const choices = {
  "language": [
    "fr",
    "en"
  ],
  "lead.skills.projectManagement": [
    "none",
    "some",
    "strong"
  ],
  "lead.skills.facilitation": [
    "none",
    "some",
    "strong"
  ],
  "keyUsers[].profile": [
    "daily",
    "occasional",
    "admin",
    "manager",
    "volunteer",
    "other"
  ],
  "needs.objectives[].priority": [
    "must",
    "should",
    "could"
  ],
  "needs.audiences[].uses[]": [
    "configure",
    "feed",
    "consult",
    "daily",
    "occasional"
  ],
  "needs.budget.items[].kind": [
    "one-off",
    "recurring"
  ],
  "needs.budget.items[].period": [
    "month",
    "quarter",
    "year"
  ],
  "needs.budget.items[].category": [
    "licence",
    "setup",
    "training",
    "hosting",
    "maintenance",
    "other"
  ],
  "needs.budget.ceiling.per": [
    "year",
    "total"
  ],
  "needs.schedule.urgency": [
    "low",
    "medium",
    "high"
  ],
  "needs.maturity.level": [
    "low",
    "mixed",
    "high"
  ],
  "needs.maturity.trainingNeed": [
    "none",
    "some",
    "everyone"
  ],
  "needs.interface.importance": [
    "low",
    "medium",
    "high"
  ],
  "needs.risks[].area": [
    "practices",
    "relationships",
    "data-protection",
    "dispersion",
    "other"
  ],
  "needs.risks[].likelihood": [
    "low",
    "medium",
    "high"
  ],
  "needs.risks[].impact": [
    "low",
    "medium",
    "high"
  ],
  "research.candidates[].costs[].kind": [
    "one-off",
    "recurring"
  ],
  "research.candidates[].costs[].period": [
    "month",
    "quarter",
    "year"
  ],
  "research.candidates[].costs[].category": [
    "licence",
    "setup",
    "training",
    "hosting",
    "maintenance",
    "other"
  ],
  "research.candidates[].licence": [
    "open-source",
    "proprietary",
    "freemium"
  ],
  "research.candidates[].hosting": [
    "EU",
    "outside-EU",
    "self-hosted",
    "unknown"
  ],
  "research.candidates[].dataProtection.agreement": [
    "signed",
    "offered",
    "none",
    "unknown"
  ],
  "research.candidates[].dataProtection.jurisdiction": [
    "EU",
    "UK",
    "US",
    "other",
    "unknown"
  ],
  "research.candidates[].dataExport": [
    "full",
    "partial",
    "none"
  ],
  "research.candidates[].accessibility.statement": [
    "full",
    "partial",
    "none",
    "unknown"
  ],
  "deployment.infoPoints.frequency": [
    "weekly",
    "fortnightly",
    "monthly",
    "quarterly",
    "milestones"
  ],
  "training.formats[]": [
    "in-person",
    "e-learning",
    "webinar",
    "virtual-class",
    "guide"
  ],
  "training.sessions[].format": [
    "in-person",
    "e-learning",
    "webinar",
    "virtual-class",
    "guide"
  ],
  "evaluation.responses[].form": [
    "review"
  ],
  "evaluation.responses[].objectives[].status": [
    "met",
    "partial",
    "unmet"
  ],
  "evaluation.reviews[].objectives[].status": [
    "met",
    "partial",
    "unmet"
  ],
  "evaluation.reviews[].effects[].kind": [
    "positive",
    "negative"
  ],
  "evaluation.reviews[].decision": [
    "continue",
    "adjust",
    "stop"
  ],
  "practices.vision.inventory[].fate": [
    "kept",
    "replaced",
    "overlaps"
  ],
  "practices.ideas[].status": [
    "new",
    "planned",
    "done",
    "declined"
  ]
} as const;
