"""English labels of everything a user reads in the workbook."""

LABELS = {
    # sheet names
    "sheet.guide": "Guide", "sheet.settings": "Settings", "sheet.diagnostic": "Diagnostic",
    "sheet.objectives": "Objectives", "sheet.kpis": "KPIs", "sheet.workstreams": "Workstreams",
    "sheet.actions": "Actions", "sheet.roadmap": "Roadmap", "sheet.budget": "Budget",
    "sheet.risks": "Risks", "sheet.raci": "RACI", "sheet.rituals": "Rituals",
    "sheet.dashboard": "Dashboard", "sheet.review": "Review",
    "months_full": ["January", "February", "March", "April", "May", "June", "July",
                    "August", "September", "October", "November", "December"],
    "months": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
               "Nov", "Dec"],
    # vocabularies
    "status.not_started": "Not started", "status.in_progress": "In progress",
    "status.blocked": "Blocked", "status.done": "Done", "status.abandoned": "Abandoned",
    "quadrant.quick_win": "Quick win", "quadrant.major_project": "Major project",
    "quadrant.fill_in": "Fill-in", "quadrant.drop": "Drop",
    "bucket.long_term": "Long term", "bucket.quick_results": "Quick results",
    "bucket.optimisation": "Optimisation & contingency",
    "group.acquisition": "Acquisition", "group.conversion": "Conversion",
    "group.retention": "Retention", "group.service": "Service quality",
    "role.sponsor": "Sponsor", "role.pilot": "Pilot", "role.owner": "Owner",
    "direction.up": "Up", "direction.down": "Down",
    "yes": "Yes", "no": "No",
    "rag.green": "Green", "rag.amber": "Amber", "rag.red": "Red", "rag.none": "No data",
    "risk.open": "Open", "risk.closed": "Closed",
    "ritual.weekly": "Weekly point", "ritual.monthly": "Monthly review",
    "ritual.quarterly": "Quarterly committee", "ritual.allhands": "All-hands update",
    "ritual.weekly.format": "5 min overall progress, 15 min actions of the week "
                            "(done, in progress, blocked), 10 min problem solving",
    "ritual.monthly.format": "KPIs of the month, next month's actions, budget decisions; "
                             "one-page minutes within 24 h",
    "ritual.quarterly.format": "Results vs annual objectives, re-orientations, next "
                               "quarter's priorities",
    "ritual.allhands.format": "Share successes, explain direction, collect field feedback",
    "ritual.weekly.who": "Operational team", "ritual.monthly.who": "Sponsor, pilot, owners",
    "ritual.quarterly.who": "Sponsor, pilot, owners", "ritual.allhands.who": "All staff",
    "axis.business": "Business", "axis.acquisition": "Acquisition",
    "axis.conversion": "Conversion", "axis.data": "Data & tools",
    "area.technical": "Technical", "area.competition": "Competition",
    "area.journeys": "Customer journeys", "area.resources": "Internal resources",
    # settings
    "settings.title": "Settings", "settings.general": "General",
    "settings.company": "Company", "settings.year": "Plan year",
    "settings.start_month": "Start month (1-12)", "settings.language": "Language",
    "settings.currency": "Currency symbol", "settings.maturity": "Digital maturity",
    "settings.business_model": "Business model",
    "settings.annual_budget": "Annual digital budget",
    "settings.hours_per_week": "Internal hours per week",
    "settings.capacity": "Internal hours per month",
    "settings.wip_limit": "Work-in-progress limit (actions)",
    "settings.plan_start": "Plan starts", "settings.plan_end": "Plan ends",
    "settings.as_of": "Plan as of (the button sets the day of its click)",
    "settings.current_month": "Current plan month (13: the year is over)",
    "settings.scoring": "Scoring", "settings.weight_impact": "Weight of impact",
    "settings.weight_effort": "Weight of effort (low effort scores high)",
    "settings.weight_risk": "Weight of risk (low risk scores high)",
    "settings.dependency_penalty": "Points off per dependency",
    "settings.impact_high": "High impact from", "settings.effort_high": "High effort from",
    "settings.thresholds": "Method thresholds",
    "settings.channel_limit": "Alert when one channel brings more than",
    "settings.innovation_reserve": "Innovation reserve (10-15 %)",
    "settings.ritual_weekday": "Ritual weekday (1 = Monday)",
    "settings.ws_min": "Workstreams, at least", "settings.ws_max": "Workstreams, at most",
    "settings.kpi_min": "KPIs, at least", "settings.kpi_max": "KPIs, at most",
    "settings.people": "People", "settings.channels": "Channels",
    "settings.moments": "Key commercial moments", "settings.lists": "Lists (used by dropdowns)",
    "settings.months": "Plan months",
    "col.name": "Name", "col.role": "Role", "col.channel": "Channel", "col.moment": "Moment",
    "col.month": "Month", "col.status": "Status", "col.quadrant": "Quadrant",
    "col.bucket": "Bucket", "col.score": "Score", "col.yesno": "Yes/No", "col.rag": "RAG",
    "col.raci": "RACI", "col.group": "Group", "col.direction": "Direction",
    "col.index": "#", "col.start": "Starts",
    "maturity.beginner": "beginner", "maturity.intermediate": "intermediate",
    "maturity.mature": "mature",
    # actions
    "actions.title": "Actions — the prioritised backlog",
    "actions.id": "Id", "actions.action": "Action", "actions.workstream": "Workstream",
    "actions.channel": "Channel", "actions.owner": "Owner", "actions.impact": "Impact",
    "actions.effort": "Effort", "actions.dependencies": "Depends on", "actions.risk": "Risk",
    "actions.cost": "Cost", "actions.hours": "Hours", "actions.bucket": "Budget bucket",
    "actions.month": "Month", "actions.pinned": "Pinned", "actions.moment": "Before moment",
    "actions.status": "Status", "actions.score": "Score", "actions.quadrant": "Quadrant",
    "actions.rank": "Rank", "actions.kpi": "Linked KPI", "actions.reason": "Why here",
    "actions.recalculated": "Last recalculated",
    "actions.origin": "First planned", "actions.carried": "Years carried",
    "actions.late_since": "Late since",
    "button.recalculate": "Recalculate priorities",
    "actions.note": "Impact, effort and risk from 1 to 5. Status is updated in the month "
                    "sheets. Blank rows at the bottom are ready for new actions.",
    # month sheets
    "month.focus": "Focus of the month", "month.rituals": "Rituals this month",
    "month.results": "Results", "month.spend": "Actual spend", "month.notes": "Notes",
    "month.planned_cost": "Planned cost", "month.planned_hours": "Planned hours",
    "month.budget": "Budget planned", "month.actual": "Spent", "month.hours": "Hours planned",
    "month.capacity": "Capacity (h)", "month.done": "Done", "month.actions": "Actions",
    "month.weekly": "Weekly points", "month.review": "Monthly review on",
    "month.note": "Owners update status, results and spend here every week.",
    # KPIs
    "kpis.title": "KPIs — a stable dashboard of 12 to 20 metrics",
    "kpis.id": "Id", "kpis.name": "KPI", "kpis.group": "Group", "kpis.unit": "Unit",
    "kpis.direction": "Direction", "kpis.baseline": "Baseline", "kpis.target": "Target",
    "kpis.last": "Last actual", "kpis.months": "Months reported",
    "kpis.progress": "Progress", "kpis.status": "Status",
    "kpis.note": "Type each month's actual. Progress = (last − baseline) / (target − "
                 "baseline); the status compares it with the share of the year elapsed.",
    # workstreams
    "ws.title": "Workstreams — 6 to 10 chantiers, each with an owner",
    "ws.id": "Id", "ws.name": "Workstream", "ws.owner": "Owner", "ws.scope": "Scope",
    "ws.deliverables": "Deliverables", "ws.success": "Success criteria",
    "ws.start": "Start month", "ws.end": "End month", "ws.budget": "Budget",
    "ws.planned": "Planned cost", "ws.actions": "Actions", "ws.done": "Done",
    # objectives
    "obj.title": "Objectives — OKRs linked to KPIs",
    "obj.id": "Id", "obj.objective": "Objective", "obj.kr": "Key result",
    "obj.quarter": "Quarter", "obj.kpi": "Linked KPI", "obj.progress": "KPI progress",
    "obj.status": "KPI status",
    # diagnostic
    "diag.title": "Diagnostic — the baseline before the plan",
    "diag.axis": "Axis", "diag.metric": "Metric", "diag.example": "Example finding",
    "diag.baseline": "Baseline", "diag.unit": "Unit", "diag.source": "Source",
    "diag.audit": "Audit checklist (2 to 4 weeks)", "diag.area": "Area",
    "diag.item": "Check", "diag.done": "Done", "diag.finding": "Finding",
    # budget
    "budget.title": "Budget — allocation, plan and spend",
    "budget.bucket": "Bucket", "budget.share": "Share", "budget.amount": "Allocated",
    "budget.planned": "Planned", "budget.actual": "Spent", "budget.variance": "Variance",
    "budget.total": "Total", "budget.reserve": "of which innovation reserve",
    "budget.by_month": "By month", "budget.month": "Month", "budget.budget": "Budget",
    "budget.cumulative": "Cumulative spent", "budget.by_channel": "By channel",
    "budget.channel": "Channel", "budget.results": "Results (leads or sales)",
    "budget.results_share": "Share of results", "budget.cost_per_result": "Cost per result",
    "budget.split_check": "Split total (must be 100 %)",
    # risks
    "risks.title": "Risks — the five digital debts and more",
    "risks.id": "Id", "risks.risk": "Risk", "risks.category": "Category",
    "risks.probability": "Probability", "risks.impact": "Impact",
    "risks.criticality": "Criticality", "risks.mitigation": "Mitigation",
    "risks.owner": "Owner", "risks.review": "Next review", "risks.status": "Status",
    "debt.channel": "Channel dependency", "debt.technical": "Technical & tracking debt",
    "debt.content": "Content debt", "debt.reputation": "Reputation debt",
    "debt.data": "Data debt",
    # RACI
    "raci.title": "RACI — Responsible, Accountable, Consulted, Informed",
    "raci.item": "Workstream", "raci.a_count": "A count", "raci.r_count": "R count",
    "raci.check": "Check", "raci.ok": "OK", "raci.bad": "Needs exactly one A and an R",
    "raci.overall": "Roadmap as a whole",
    # rituals
    "rituals.title": "Rituals — the rhythm of execution",
    "rituals.date": "Date", "rituals.ritual": "Ritual", "rituals.minutes": "Minutes",
    "rituals.who": "Participants", "rituals.format": "Format", "rituals.held": "Held",
    # roadmap
    "roadmap.title": "Roadmap — actions per workstream and month",
    "roadmap.workstream": "Workstream", "roadmap.phase": "Phase",
    "roadmap.total": "All workstreams",
    "phase.1": "90 days: stabilise, quick wins", "phase.2": "180 days: industrialise",
    "phase.3": "365 days: consolidate",
    # dashboard
    "dash.title": "Dashboard", "dash.budget": "Budget", "dash.annual": "Annual budget",
    "dash.planned": "Planned", "dash.spent": "Spent", "dash.consumed": "Consumed",
    "dash.actions": "Actions by status and month", "dash.month": "Month",
    "dash.kpis": "KPIs vs target", "dash.alerts": "Alert signals",
    "dash.signal": "Signal", "dash.value": "Value", "dash.flag": "Alert",
    "alert.wip": "Actions in progress above the WIP limit",
    "alert.delivery": "Many actions in progress, few delivered",
    "alert.channel": "One channel brings more than the limit of results",
    "alert.overspend": "Spend above the budget to date",
    "alert.kpi_red": "KPIs in red",
    "alert.blocked": "Actions blocked",
    "alert.unowned": "Actions without owner",
    "dash.not_done": "What will not be done (drops and abandoned)",
    "dash.not_done_hint": "Actions sheet: filter Quadrant on Drop, Status on Abandoned",
    "late": "Late",
    "actions.late": "Late",
    "alert.late": "Actions late (not done in a closed month)",
    "month.late": "Late actions",
    "dash.chart_budget": "Budget planned vs spent by month",
    "dash.chart_status": "Actions by status and month",
    "dash.chart_kpi": "KPI progress", "dash.chart_matrix": "Impact / effort matrix",
    "dash.total": "Total",
    # review
    "review.title": "Review — the year's retrospective",
    "review.objectives": "Objectives", "review.reached": "Reached",
    "review.kpis_reached": "KPIs at or beyond target", "review.delivery": "Delivery",
    "review.delivered": "Actions delivered", "review.planned": "Actions planned",
    "review.carried": "Open actions to carry over", "review.spent": "Budget spent",
    "review.questions": "Questions for the review (about ten days with all stakeholders)",
    "review.q1": "Which actions over-performed, and why?",
    "review.q2": "Which actions disappointed, and why?",
    "review.q3": "Which gaps remain between objectives and results?",
    "review.q4": "What did we learn about our channels and our execution?",
    "review.q5": "What goes into next year's roadmap?",
    "review.answer": "Answer",
    # the record of last year (xlplan rollover)
    "sheet.record": "Year {year}",
    "record.title": "The year {year}: what was delivered, and what carries over",
    "record.note": "Written by xlplan rollover from last year's workbook. Proposals are "
                   "proposals: copy a target into KPIs, or a budget move into your plan, "
                   "once agreed.",
    "record.objectives": "Objectives", "record.kpis": "KPIs: reached or missed, new baselines",
    "record.by_month": "Delivery and budget by month",
    "record.by_workstream": "Delivery by workstream",
    "record.channels": "Channels: results per unit spent, budget proposal",
    "record.done": "Actions delivered", "record.abandoned": "Actions abandoned",
    "record.carried": "Actions carried over", "record.questions": "The review's questions",
    "record.objective": "Objective", "record.kpi": "KPI", "record.progress": "Progress",
    "record.reached": "Reached", "record.unit": "Unit", "record.baseline": "Baseline",
    "record.target": "Target", "record.last": "Last actual",
    "record.new_baseline": "New baseline", "record.proposal": "Proposed target",
    "record.basis": "Basis", "record.month": "Month", "record.planned": "Planned",
    "record.delivered": "Delivered", "record.cost": "Planned cost", "record.spent": "Spent",
    "record.workstream": "Workstream", "record.status": "Status", "record.open": "continues",
    "record.closed": "closed", "record.channel": "Channel", "record.results": "Results",
    "record.per_euro": "Results per unit spent", "record.id": "Id",
    "record.action": "Action", "record.notes": "Notes", "record.origin": "First planned",
    "record.times": "Years carried", "record.question": "Question", "record.answer": "Answer",
    "record.share": "Share of results", "record.trend": "Trend of its KPIs",
    "record.history": "History",
    "history.dependency_met": "{id} delivered in {year}",
    "history.dependency_abandoned": "{id} abandoned in {year}, no longer a dependency: "
                                    "check the action still makes sense",
    "history.was_in_progress": "was {status} at year end",
    # guide
    "guide.title": "How this workbook works",
    "guide.intro": "A 12-month digital roadmap: one sheet per month with the planned "
                   "actions, their status, their owner and the results. Every number is "
                   "a live formula: change a yellow cell and everything that depends on it "
                   "updates.",
    "guide.start": "Where to start",
    "guide.start1": "1. Settings: company, year, first month, annual budget, internal hours "
                    "per week, the people (sponsor, pilot, owners), channels and key "
                    "commercial moments.",
    "guide.start2": "2. Diagnostic: where you stand today on the four axes; Objectives and "
                    "KPIs: what you aim for, each KPI with its baseline and target.",
    "guide.start3": "3. Workstreams and Actions: the plan suggested here is yours to edit. "
                    "Give each action an owner, impact, effort, risk, cost and hours, then "
                    "click Recalculate priorities on the Actions sheet.",
    "guide.start4": "4. From then on, follow the routine below; the Dashboard shows where "
                    "you stand.",
    "guide.routine": "Your routine",
    "guide.weekly.when": "Every week — 30 min",
    "guide.weekly": "Weekly point on the current month sheet: each owner sets the status of "
                    "their actions (Done, In progress, Blocked) and notes the results; agree "
                    "who unblocks what this week.",
    "guide.monthly.when": "Every month — 1 h",
    "guide.monthly": "Monthly review: type the month's KPI actuals in KPIs and the actual "
                     "spend on the month sheet, read the Dashboard's alert signals, agree "
                     "next month's actions and click Recalculate priorities. Send the "
                     "summary within 24 hours.",
    "guide.quarterly.when": "Every quarter — 2 h",
    "guide.quarterly": "Quarterly committee with the sponsor: objectives and KPIs against "
                       "target, budget by bucket, the risk register, and the priorities of "
                       "the next quarter. The Rituals sheet dates every meeting of the "
                       "year.",
    "guide.button": "The Recalculate priorities button",
    "guide.button.what": "What it does",
    "guide.button.text": "It ranks the open actions and gives each one that is not done or "
                         "pinned a month, within the monthly hours, the budget, the "
                         "dependencies and the work-in-progress limit; each action's reason "
                         "is written in Why here. Actions move between month sheets with "
                         "their status, results and spend.",
    "guide.enable.when": "Enable the macros",
    "guide.enable": "The button is a macro. In Excel, click Enable Content in the yellow bar "
                    "the first time you open the file. On a Mac, Excel asks when the file "
                    "opens: click Enable Macros. In LibreOffice: Tools ▸ Options ▸ Security "
                    "▸ Macro Security ▸ Medium, then answer Enable Macros.",
    "guide.unblock.when": "A file from the internet or e-mail",
    "guide.unblock": "Windows blocks the macros of a downloaded file (a red bar: Microsoft "
                     "has blocked macros). Close the file, right-click it in the folder ▸ "
                     "Properties ▸ tick Unblock ▸ OK, then open it again and click Enable "
                     "Content.",
    "guide.nomacros.when": "Without macros",
    "guide.nomacros": "Everything else is live formulas and works without macros, in Excel "
                      "for the web too (it runs no macros): scores, quadrants, totals, KPI "
                      "status, the Dashboard and its alerts update as you type. Only the "
                      "ranks, the proposed months and their reasons wait for the button; "
                      "until then, change an action's month by hand in Actions.",
    "guide.steps": "The method in six steps",
    "guide.step1": "1. Diagnostic and baseline: fill the Diagnostic sheet (4 axes).",
    "guide.step2": "2. Objectives and KPIs: OKRs in Objectives, 12 to 20 KPIs with "
                   "baseline and target.",
    "guide.step3": "3. Workstreams: 6 to 10 chantiers with owners, deliverables and success "
                   "criteria.",
    "guide.step4": "4. Roadmap: list actions with impact, effort, dependencies, risk, cost "
                   "and hours; score and quadrant update as you type.",
    "guide.step5": "5. Launch and steer: weekly 30-minute points, monthly 1-hour reviews, "
                   "quarterly committees (Rituals sheet); owners update the month sheets.",
    "guide.step6": "6. Industrialise and review: the Review sheet closes the year and "
                   "prepares the next one.",
    "guide.legend": "Colours",
    "guide.input": "Yellow: cells to type in", "guide.formula": "Blue-grey: formulas, "
                   "do not type over them",
    "guide.green": "Green: on track, done, quick win", "guide.amber": "Amber: watch, "
                   "in progress, major project",
    "guide.red": "Red: alert, blocked, drop",
    "guide.sheets": "What each sheet is for",
    "guide.for.settings": "The plan's parameters, people, channels and commercial moments; "
                          "everything else follows them.",
    "guide.for.diagnostic": "The starting point on the four axes, and the audit checklist.",
    "guide.for.objectives": "The year's objectives and key results, each linked to a KPI.",
    "guide.for.kpis": "12 to 20 KPIs: baseline, target, one actual a month; progress and "
                      "status are computed.",
    "guide.for.workstreams": "The 6 to 10 workstreams: owner, scope, deliverables, dates, "
                             "budget.",
    "guide.for.actions": "The backlog: every action with its scores, cost, hours, month, "
                         "rank and the Recalculate priorities button.",
    "guide.for.months": "One sheet per month: the month's actions, where owners update "
                        "status, results, actual spend and notes every week.",
    "guide.for.roadmap": "The year at a glance: the actions across the 12 months.",
    "guide.for.budget": "The budget split, the innovation reserve, planned against spent "
                        "by month and by channel.",
    "guide.for.risks": "The risk register, starting with the five digital debts.",
    "guide.for.raci": "Who is Responsible, Accountable, Consulted and Informed per "
                      "workstream.",
    "guide.for.rituals": "The dates of every weekly point, monthly review, quarterly "
                         "committee and all-hands.",
    "guide.for.dashboard": "Budget consumed, actions by status and month, KPIs against "
                           "target and the alert signals.",
    "guide.for.review": "The year-end review: objectives reached, gaps, lessons, what "
                        "carries over.",
    "guide.tip": "You may rename sheets, and add rows in the blank rows of each table; keep "
                 "the table headers as they are. To print a sheet, use File ▸ Print: every "
                 "sheet is set up to print on A4.",
    # printed pages: header (company, sheet, plan) and footer (&P: the page of the sheet)
    "print.header": "Digital roadmap {year}", "print.page": "Page &P",
}
