"""The articles' 12-month plan as editable suggestions, in English and French.

Texts are (English, French) pairs; numbers are the articles' where they give one
(a 1,000-a-month paid test for three months, 4 SEO articles a month from month 4,
8 to 12 contents a month in the third quarter, repetitive tasks from 15 h to 3 h a week,
an innovation reserve of 10 to 15 %, a 6-8 week web redesign in month 7, ten days of
year-2 planning).
"""
from __future__ import annotations

from ..model import (KPI, Action, AuditItem, DiagnosticItem, Moment, Objective, Person,
                     Plan, Risk, Settings, Workstream)

PEOPLE = [("Claire Martin", "sponsor"), ("Hugo Bernard", "pilot"), ("Léa Petit", "owner"),
          ("Karim Haddad", "owner"), ("Sophie Laurent", "owner")]
CHANNELS = ["SEO", "Content", "Google Ads", "Meta Ads", "LinkedIn", "Emailing", "Website",
            "Local", "Social"]
MOMENTS = [(("Spring sales", "Soldes de printemps"), 4),
           (("Trade fair", "Salon professionnel"), 10),
           (("Year-end season", "Fêtes de fin d'année"), 12)]

# id, (en, fr), owner index, start, end, budget
WORKSTREAMS = [
    ("W1", ("Steering & governance", "Pilotage et gouvernance"), 1, 1, 12, 0,
     ("Diagnostic, objectives, rituals, annual review",
      "Diagnostic, objectifs, rituels, bilan annuel"),
     ("Baseline, OKRs, RACI, monthly minutes", "Référence, OKR, RACI, comptes-rendus"),
     ("Decisions taken every month", "Des décisions prises chaque mois")),
    ("W2", ("Tracking & data", "Tracking et data"), 3, 1, 8, 2000,
     ("Analytics, tags, lead source, CRM data", "Analytics, tags, source des leads, données CRM"),
     ("Reliable GA4 events, clean CRM", "Événements GA4 fiables, CRM propre"),
     ("Same figures in every source", "Les mêmes chiffres dans toutes les sources")),
    ("W3", ("Conversion & website", "Conversion et site"), 2, 3, 10, 12000,
     ("Strategic pages, funnel, mobile", "Pages stratégiques, tunnel, mobile"),
     ("Redesigned pages, mobile fixes, tests", "Pages refondues, corrections mobile, tests"),
     ("+15 % conversion rate", "+15 % de taux de conversion")),
    ("W4", ("Content & SEO", "Contenus et SEO"), 4, 4, 12, 6000,
     ("Priority search intents, editorial calendar", "Intentions prioritaires, calendrier éditorial"),
     ("4 then 8-12 contents a month", "4 puis 8 à 12 contenus par mois"),
     ("Organic share of traffic up", "Part organique du trafic en hausse")),
    ("W5", ("Paid acquisition", "Acquisition payante"), 2, 1, 10, 8000,
     ("Test, then multichannel campaigns steered by margin",
      "Test, puis campagnes multicanales pilotées par la marge"),
     ("Campaign structure, unified tracking", "Structure de campagnes, tracking unifié"),
     ("Cost per lead down", "Coût par lead en baisse")),
    ("W6", ("CRM & automation", "CRM et automatisation"), 3, 2, 9, 7500,
     ("Lead nurturing, retention, repetitive tasks", "Nurturing, rétention, tâches répétitives"),
     ("Automated sequences, CRM in use", "Séquences automatisées, CRM utilisé"),
     ("15 h a week of tasks down to 3 h", "15 h de tâches par semaine ramenées à 3 h")),
    ("W7", ("Brand & reputation", "Notoriété et réputation"), 4, 1, 12, 1500,
     ("Reviews, case studies, local presence", "Avis, cas clients, présence locale"),
     ("Business listings, review programme", "Fiches établissement, programme d'avis"),
     ("Rating 4.5 or more", "Note de 4,5 ou plus")),
    ("W8", ("Skills & innovation", "Compétences et innovation"), 1, 3, 12, 3000,
     ("Training (10 % of project time), experiments", "Formation (10 % du temps), expérimentations"),
     ("Workshops, one tested innovation", "Ateliers, une innovation testée"),
     ("Team autonomous on core tools", "Équipe autonome sur les outils clés")),
]

# id, (en, fr), workstream, channel, owner index, impact, effort, risk, cost, hours,
# bucket, month, dependencies, kpi, moment index or None
ACTIONS = [
    ("A01", ("Digital audit: website, SEO, mobile, security, competition, journeys",
             "Audit digital : site, SEO, mobile, sécurité, concurrence, parcours"),
     "W1", "Website", 1, 5, 3, 1, 0, 40, "long_term", 1, "", "K01", None),
    ("A02", ("Measurable objectives, KPI baseline and dashboard",
             "Objectifs mesurables, référence des KPI et tableau de bord"),
     "W1", "Website", 1, 5, 3, 1, 0, 16, "long_term", 2, "A01", "K03", None),
    ("A03", ("RACI and rituals calendar agreed with the sponsor",
             "RACI et calendrier des rituels validés avec le sponsor"),
     "W1", "Website", 0, 3, 1, 1, 0, 6, "long_term", 1, "", "", None),
    ("A04", ("Optimise the Google Business Profile of each outlet",
             "Optimiser les fiches Google Business Profile des points de vente"),
     "W7", "Local", 3, 4, 1, 1, 0, 8, "quick_results", 1, "", "K13", None),
    ("A05", ("Paid test on the flagship offer, month 1 of 3",
             "Test payant sur l'offre phare, mois 1 sur 3"),
     "W5", "Google Ads", 1, 4, 2, 2, 1000, 8, "quick_results", 1, "", "K04", None),
    ("A06", ("Paid test on the flagship offer, month 2 of 3",
             "Test payant sur l'offre phare, mois 2 sur 3"),
     "W5", "Google Ads", 1, 3, 1, 2, 1000, 4, "quick_results", 2, "A05", "K04", None),
    ("A07", ("Paid test on the flagship offer, month 3 of 3",
             "Test payant sur l'offre phare, mois 3 sur 3"),
     "W5", "Google Ads", 1, 3, 1, 2, 1000, 4, "quick_results", 3, "A06", "K04", None),
    ("A08", ("Fix tracking: GA4 events, tags, lead source",
             "Fiabiliser le tracking : événements GA4, tags, source des leads"),
     "W2", "Website", 3, 5, 3, 2, 1500, 24, "long_term", 2, "A01", "K06", None),
    ("A09", ("Automate follow-up emails (abandoned carts, quotes)",
             "Automatiser les relances e-mail (paniers abandonnés, devis)"),
     "W6", "Emailing", 2, 4, 2, 2, 300, 16, "quick_results", 2, "", "K07", None),
    ("A10", ("3 to 5 personas and their buying journeys",
             "3 à 5 personas et leurs parcours d'achat"),
     "W1", "Content", 3, 3, 2, 1, 0, 16, "long_term", 2, "A01", "", None),
    ("A11", ("Rewrite product pages with storytelling",
             "Refondre les fiches produits avec du storytelling"),
     "W3", "Website", 3, 4, 3, 2, 1200, 30, "quick_results", 3, "A10", "K07", 0),
    ("A12", ("Team training: GA4, ad formats, content (10 % of project time)",
             "Formation de l'équipe : GA4, formats publicitaires, contenus (10 % du temps)"),
     "W8", "", 0, 3, 2, 1, 1000, 20, "long_term", 3, "", "", None),
    ("A13", ("Content strategy: 4 SEO articles a month",
             "Stratégie de contenu : 4 articles SEO par mois"),
     "W4", "SEO", 4, 4, 3, 2, 2400, 40, "long_term", 4, "A10", "K02", None),
    ("A14", ("Multichannel campaign (Google, Meta, LinkedIn) with unified tracking",
             "Campagne multicanale (Google, Meta, LinkedIn) avec tracking unifié"),
     "W5", "Meta Ads", 2, 4, 4, 3, 4500, 30, "quick_results", 5, "A08", "K03", None),
    ("A15", ("Marketing automation to nurture leads",
             "Marketing automation pour nourrir les leads"),
     "W6", "Emailing", 2, 4, 4, 3, 2500, 40, "quick_results", 6, "A09", "K11", None),
    ("A16", ("Redesign the newsletter template",
             "Refondre le gabarit de la newsletter"),
     "W6", "Emailing", 4, 2, 1, 1, 200, 6, "optimisation", 6, "", "K12", None),
    ("A17", ("Website redesign for three times the traffic (6-8 weeks)",
             "Refonte du site pour un trafic multiplié par trois (6 à 8 semaines)"),
     "W3", "Website", 2, 5, 5, 4, 7000, 60, "long_term", 7, "A01,A08", "K07", None),
    ("A18", ("Implement a CRM to centralise customer data",
             "Mettre en place un CRM pour centraliser les données clients"),
     "W6", "Website", 3, 4, 4, 3, 3000, 40, "long_term", 8, "A08", "K06", None),
    ("A19", ("Scale content to 8-12 pieces a month (cases, videos, infographics)",
             "Passer à 8-12 contenus par mois (cas clients, vidéos, infographies)"),
     "W4", "Content", 3, 4, 3, 2, 2400, 40, "long_term", 8, "A13", "K02", 1),
    ("A20", ("Automate repetitive tasks: 15 h down to 3 h a week",
             "Automatiser les tâches répétitives : de 15 h à 3 h par semaine"),
     "W6", "Emailing", 2, 3, 2, 1, 500, 16, "optimisation", 9, "A18", "K15", None),
    ("A21", ("Reallocate paid budget by cost per acquisition",
             "Réallouer le budget payant selon le coût d'acquisition"),
     "W5", "Google Ads", 1, 3, 1, 1, 0, 6, "optimisation", 9, "A14", "K04", None),
    ("A22", ("Mobile experience audit and fixes",
             "Audit et corrections de l'expérience mobile"),
     "W3", "Website", 2, 4, 3, 2, 2000, 24, "optimisation", 9, "A17", "K08", None),
    ("A23", ("Conversion tests on strategic pages (A/B)",
             "Tests de conversion sur les pages stratégiques (A/B)"),
     "W3", "Website", 3, 4, 3, 2, 800, 20, "optimisation", 10, "A17", "K07", None),
    ("A24", ("Customer reviews and case studies programme",
             "Programme d'avis clients et de cas clients"),
     "W7", "Social", 4, 3, 2, 1, 1500, 16, "long_term", 9, "", "K13", 1),
    ("A25", ("Innovation test: generative AI for content production",
             "Test d'innovation : IA générative pour la production de contenus"),
     "W8", "Content", 1, 2, 2, 3, 2000, 12, "optimisation", 10, "A13", "", None),
    ("A26", ("Annual review: objectives reached, gaps, lessons",
             "Bilan annuel : objectifs atteints, écarts, apprentissages"),
     "W1", "Website", 1, 4, 3, 1, 0, 24, "long_term", 11, "", "", None),
    ("A27", ("Year-2 roadmap: ten days with all stakeholders",
             "Feuille de route année 2 : dix jours avec toutes les parties prenantes"),
     "W1", "Website", 0, 4, 3, 1, 0, 32, "long_term", 12, "A26", "", None),
    ("A28", ("Open an account on every new social network",
             "Ouvrir un compte sur chaque nouveau réseau social"),
     "W7", "Social", 4, 1, 3, 2, 0, 20, "optimisation", None, "", "", None),
]

FOCUS = [
    ("Diagnostic, objectives and first quick wins", "Diagnostic, objectifs et premiers gains rapides"),
    ("Quick wins and proof of concept", "Gains rapides et preuve de concept"),
    ("Quick wins measured; decide what to amplify", "Gains rapides mesurés ; décider quoi amplifier"),
    ("Content strategy: 4 SEO articles a month", "Stratégie de contenu : 4 articles SEO par mois"),
    ("Multichannel acquisition with unified tracking", "Acquisition multicanale avec tracking unifié"),
    ("Marketing automation", "Marketing automation"),
    ("Infrastructure: website, CRM", "Infrastructures : site, CRM"),
    ("Industrialise: 8-12 contents a month, automation", "Industrialiser : 8-12 contenus par mois, automatisation"),
    ("Optimisation: reallocate to what works", "Optimisation : réallouer vers ce qui marche"),
    ("Optimisation: mobile and conversion", "Optimisation : mobile et conversion"),
    ("Annual review", "Bilan annuel"),
    ("Year-2 roadmap", "Feuille de route de l'année 2"),
]

# id, (en, fr), group, unit, direction, baseline, target
KPIS_COMMON = [
    ("K01", ("Website sessions a month", "Sessions du site par mois"), "acquisition", "#", "up", 4000, 6000),
    ("K02", ("Organic share of traffic", "Part organique du trafic"), "acquisition", "%", "up", 0.35, 0.45),
    ("K03", ("Qualified leads a month", "Leads qualifiés par mois"), "acquisition", "#", "up", 40, 60),
    ("K04", ("Cost per lead", "Coût par lead"), "acquisition", "€", "down", 60, 45),
    ("K05", ("Share of the top channel", "Part du premier canal"), "acquisition", "%", "down", 0.55, 0.45),
    ("K06", ("Leads without a source", "Leads sans source renseignée"), "acquisition", "%", "down", 0.30, 0.05),
    ("K07", ("Conversion rate", "Taux de conversion"), "conversion", "%", "up", 0.015, 0.01725),
    ("K08", ("Mobile conversion rate", "Taux de conversion mobile"), "conversion", "%", "up", 0.008, 0.012),
    ("K09", ("Lead response time (hours)", "Délai de contact d'un lead (heures)"), "conversion", "h", "down", 48, 24),
    ("K10", ("Repeat purchase rate", "Taux de réachat"), "retention", "%", "up", 0.20, 0.25),
    ("K11", ("Nurtured leads converted", "Leads nourris convertis"), "retention", "%", "up", 0.05, 0.08),
    ("K12", ("Email open rate", "Taux d'ouverture des e-mails"), "retention", "%", "up", 0.20, 0.28),
    ("K13", ("Average review rating", "Note moyenne des avis"), "service", "/5", "up", 4.1, 4.5),
    ("K14", ("Mobile page load time (s)", "Temps de chargement mobile (s)"), "service", "s", "down", 4.5, 2.5),
    ("K15", ("Request handling time (hours)", "Temps de traitement des demandes (heures)"), "service", "h", "down", 10, 7),
]

# per business model: extra KPIs replacing some common ones, and objectives
MODEL_KPIS = {
    "ecommerce": [
        ("K09", ("Return rate", "Taux de retour"), "conversion", "%", "down", 0.12, 0.09),
        ("K11", ("Digital margin", "Marge digitale"), "retention", "€", "up", 20000, 22000),
        ("K16", ("Average order value", "Panier moyen"), "conversion", "€", "up", 65, 70),
    ],
    "b2b": [
        ("K10", ("Lead-to-opportunity rate", "Taux de transformation lead-opportunité"), "conversion", "%", "up", 0.20, 0.23),
        ("K16", ("Leads from LinkedIn", "Leads issus de LinkedIn"), "acquisition", "#", "up", 8, 15),
    ],
    "saas": [
        ("K10", ("Monthly churn", "Attrition mensuelle"), "retention", "%", "down", 0.04, 0.03),
        ("K11", ("Activation rate", "Taux d'activation"), "retention", "%", "up", 0.35, 0.45),
        ("K16", ("Customer acquisition cost", "Coût d'acquisition client"), "acquisition", "€", "down", 400, 320),
    ],
}

OBJECTIVES = {
    "generic": [
        (("Generate 200 more qualified leads a quarter through digital",
          "Générer 200 leads qualifiés de plus par trimestre via le digital"),
         ("Qualified leads reach 60 a month", "Les leads qualifiés atteignent 60 par mois"), "Q2", "K03"),
        (("Improve the conversion rate by 15 %", "Améliorer le taux de conversion de 15 %"),
         ("Conversion rate at 1.73 %", "Taux de conversion à 1,73 %"), "Q3", "K07"),
        (("Cut request handling time by 30 % with automation",
          "Réduire de 30 % le temps de traitement des demandes par l'automatisation"),
         ("Handling time at 7 hours", "Temps de traitement à 7 heures"), "Q3", "K15"),
        (("Depend less on a single channel", "Dépendre moins d'un seul canal"),
         ("Top channel below 45 % of traffic", "Premier canal sous 45 % du trafic"), "Q4", "K05"),
    ],
    "ecommerce": [
        (("Increase digital margin by 10 % in 6 months", "Augmenter la marge digitale de 10 % en 6 mois"),
         ("Digital margin at 22,000 a month", "Marge digitale à 22 000 par mois"), "Q2", "K11"),
        (("Reduce the return rate by 3 points", "Réduire le taux de retour de 3 points"),
         ("Return rate at 9 %", "Taux de retour à 9 %"), "Q3", "K09"),
        (("Improve mobile conversion by 0.3 point", "Améliorer la conversion mobile de 0,3 point"),
         ("Mobile conversion at 1.1 % or more", "Conversion mobile à 1,1 % ou plus"), "Q4", "K08"),
    ],
    "b2b": [
        (("Increase qualified leads by 25 %", "Augmenter de 25 % le volume de leads qualifiés"),
         ("50 qualified leads a month", "50 leads qualifiés par mois"), "Q2", "K03"),
        (("Contact every lead within 24 hours", "Contacter chaque lead en moins de 24 heures"),
         ("Response time at 24 hours", "Délai de contact à 24 heures"), "Q2", "K09"),
        (("Raise lead-to-opportunity conversion by 15 %",
          "Augmenter de 15 % la transformation lead-opportunité"),
         ("Lead-to-opportunity at 23 %", "Transformation lead-opportunité à 23 %"), "Q4", "K10"),
    ],
    "saas": [
        (("Reduce churn by 1 point", "Réduire l'attrition de 1 point"),
         ("Monthly churn at 3 %", "Attrition mensuelle à 3 %"), "Q3", "K10"),
        (("Increase activation", "Augmenter le taux d'activation"),
         ("Activation at 45 %", "Activation à 45 %"), "Q2", "K11"),
        (("Lower acquisition cost on priority segments",
          "Réduire le coût d'acquisition sur les segments prioritaires"),
         ("CAC at 320", "CAC à 320"), "Q4", "K16"),
    ],
}

# per business model: an action of its own
MODEL_ACTIONS = {
    "ecommerce": ("A29", ("Simplify checkout and returns policy pages",
                          "Simplifier le tunnel de paiement et la page retours"),
                  "W3", "Website", 2, 4, 3, 2, 900, 16, "quick_results", 3, "A08", "K09", 0),
    "b2b": ("A29", ("LinkedIn content and lead-gen forms for decision makers",
                    "Contenus LinkedIn et formulaires de leads pour les décideurs"),
            "W4", "LinkedIn", 3, 4, 3, 2, 1200, 20, "quick_results", 5, "A10", "K16", 1),
    "saas": ("A29", ("Onboarding email sequence to raise activation",
                     "Séquence d'onboarding par e-mail pour augmenter l'activation"),
             "W6", "Emailing", 2, 4, 3, 2, 600, 20, "quick_results", 4, "A09", "K11", None),
}

RISKS = [
    ("R01", ("70 % of sales depend on one platform", "70 % des ventes dépendent d'une seule plateforme"),
     "channel", 3, 4, ("Develop organic and a second paid channel; alert above the limit",
                       "Développer l'organique et un second canal payant ; alerte au-delà du seuil"), 1, 3),
    ("R02", ("Slow site, unstable CMS, incomplete tracking",
             "Site lent, CMS instable, tracking incomplet"),
     "technical", 3, 4, ("Tracking checks each month; performance budget; documentation",
                         "Contrôle mensuel du tracking ; budget de performance ; documentation"), 2, 3),
    ("R03", ("Too many weak contents dilute credibility", "Trop de contenus faibles diluent la crédibilité"),
     "content", 2, 3, ("Editorial quality bar; prune or update weak pages",
                       "Exigence éditoriale ; élaguer ou mettre à jour les pages faibles"), 3, 6),
    ("R04", ("Negative reviews and a vague promise raise paid costs",
             "Avis négatifs et promesse floue renchérissent le payant"),
     "reputation", 2, 4, ("Review programme; answer every review within 48 h",
                          "Programme d'avis ; répondre à chaque avis sous 48 h"), 3, 6),
    ("R05", ("Non-compliant data and unclear consent (GDPR)",
             "Données non conformes et consentement flou (RGPD)"),
     "data", 2, 5, ("Consent audit; data register; CRM deduplication",
                    "Audit du consentement ; registre des données ; dédoublonnage CRM"), 2, 3),
]

DIAGNOSTIC = [
    ("business", ("Digital revenue", "Chiffre d'affaires digital"), ("", ""), "€"),
    ("business", ("Share of digital in total sales", "Part du digital dans les ventes"), ("", ""), "%"),
    ("business", ("Qualified leads a month", "Leads qualifiés par mois"), ("", ""), "#"),
    ("acquisition", ("Share of traffic from the top channel", "Part du trafic du premier canal"),
     ("55 % of traffic comes from one channel", "55 % du trafic vient d'un seul canal"), "%"),
    ("acquisition", ("Cost per lead, change over 6 months", "Évolution du coût par lead sur 6 mois"),
     ("Cost per lead up 18 % in 6 months", "Le coût par lead a augmenté de 18 % en 6 mois"), "%"),
    ("conversion", ("Mobile vs desktop conversion", "Conversion mobile vs desktop"),
     ("Mobile converts half as well as desktop", "Le mobile convertit deux fois moins que le desktop"), "ratio"),
    ("conversion", ("Abandonment rate", "Taux d'abandon"), ("", ""), "%"),
    ("data", ("Leads without a source", "Leads sans source renseignée"),
     ("30 % of leads have no source", "30 % des leads n'ont pas de source renseignée"), "%"),
    ("data", ("Duplicate records in the CRM", "Doublons dans le CRM"), ("", ""), "%"),
]

AUDIT = [
    ("technical", ("Website performance, SEO, mobile experience, data security",
                   "Performance du site, référencement, expérience mobile, sécurité des données")),
    ("competition", ("Sector best practices and room to stand out",
                     "Bonnes pratiques du secteur et opportunités de différenciation")),
    ("journeys", ("Current customer journeys: friction and conversion points",
                  "Parcours clients actuels : points de friction et de conversion")),
    ("resources", ("Skills, realistic budget, existing tools",
                   "Compétences disponibles, budget réaliste, outils existants")),
]


def _pick(pair, lang):
    return pair[0] if lang == "en" else pair[1]


def blank_plan(settings: Settings) -> Plan:
    """A workbook skeleton: people and channels to start from, no sample content."""
    lang = settings.language
    return Plan(settings=settings,
                people=[Person(n, r) for n, r in PEOPLE[:2]],
                channels=list(CHANNELS),
                risks=[_risk(r, lang, PEOPLE) for r in RISKS],
                diagnostic=_diagnostic(lang),
                audit=[AuditItem(a, _pick(t, lang)) for a, t in AUDIT])


def _risk(row, lang, people):
    rid, title, cat, p, i, mit, owner, review = row
    return Risk(rid, _pick(title, lang), cat, p, i, _pick(mit, lang), people[owner][0], review)


def _diagnostic(lang):
    return [DiagnosticItem(axis, _pick(m, lang), _pick(ex, lang), None, unit)
            for axis, m, ex, unit in DIAGNOSTIC]


def _before_moments(actions: list[Action], moments: list[Moment], start: int) -> None:
    """Plan each action tied to a commercial moment as long before the moment as in a
    January plan (its month there is written for a January start), whatever the start
    month: moments are calendar months. When that month is before the plan, or before
    the action's dependencies end, it takes the first month after them that is still
    before the moment, or else prepares the moment's next occurrence, in the plan's last
    month (where the scheduler looks too)."""
    when = {m.name: m.month for m in moments}
    month_of = {a.id: a.month for a in actions}
    for a in actions:
        if not a.moment or not a.month:
            continue
        lead = when[a.moment] - a.month  # months ahead of the moment, January start
        moment_at = (when[a.moment] - start) % 12 + 1  # the moment's plan month
        first = max([month_of[d] + 1 for d in a.dependency_ids if month_of.get(d)],
                    default=1)
        month = max(first, moment_at - lead)
        a.month = month if month < moment_at else 12
        month_of[a.id] = a.month


def sample_plan(settings: Settings) -> Plan:
    """The articles' 12-month plan for the settings' business model and language."""
    lang, model = settings.language, settings.business_model
    people = [Person(n, r) for n, r in PEOPLE]
    names = [p.name for p in people]
    moments = [Moment(_pick(t, lang), m) for t, m in MOMENTS]
    workstreams = [Workstream(wid, _pick(name, lang), names[o], _pick(scope, lang),
                              _pick(deliv, lang), _pick(succ, lang), s, e, b)
                   for wid, name, o, s, e, b, scope, deliv, succ in WORKSTREAMS]
    ws_name = {w.id: w.name for w in workstreams}
    rows = list(ACTIONS)
    if model in MODEL_ACTIONS:
        rows.append(MODEL_ACTIONS[model])
    actions = []
    for (aid, title, ws, channel, owner, imp, eff, risk, cost, hours, bucket, month, deps,
         kpi, moment) in rows:
        actions.append(Action(aid, _pick(title, lang), ws_name[ws], channel, names[owner],
                              imp, eff, deps, risk, cost, hours, bucket, month,
                              moment=moments[moment].name if moment is not None else "",
                              kpi=kpi))
    _before_moments(actions, moments, settings.start_month)
    kpi_rows = {k[0]: k for k in KPIS_COMMON}
    for row in MODEL_KPIS.get(model, []):
        kpi_rows[row[0]] = row
    kpis = [KPI(kid, _pick(name, lang), group, unit, direction, base, target)
            for kid, name, group, unit, direction, base, target in
            sorted(kpi_rows.values())]
    kpi_name = {k.id: k.name for k in kpis}
    for a in actions:
        a.kpi = kpi_name.get(a.kpi, "")
    objectives = [Objective(f"O{i}", _pick(o, lang), _pick(kr, lang), q, kpi_name[k])
                  for i, (o, kr, q, k) in enumerate(OBJECTIVES[model], start=1)]
    return Plan(settings=settings, people=people, channels=list(CHANNELS), moments=moments,
                workstreams=workstreams, actions=actions, kpis=kpis, objectives=objectives,
                risks=[_risk(r, lang, PEOPLE) for r in RISKS],
                diagnostic=_diagnostic(lang),
                audit=[AuditItem(a, _pick(t, lang)) for a, t in AUDIT],
                month_focus=[_pick(f, lang) for f in FOCUS])
