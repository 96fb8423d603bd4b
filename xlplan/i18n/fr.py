"""Libellés français de tout ce qu'un utilisateur lit dans le classeur."""

LABELS = {
    "sheet.guide": "Guide", "sheet.settings": "Paramètres", "sheet.diagnostic": "Diagnostic",
    "sheet.objectives": "Objectifs", "sheet.kpis": "KPI", "sheet.workstreams": "Chantiers",
    "sheet.actions": "Actions", "sheet.roadmap": "Feuille de route", "sheet.budget": "Budget",
    "sheet.risks": "Risques", "sheet.raci": "RACI", "sheet.rituals": "Rituels",
    "sheet.dashboard": "Tableau de bord", "sheet.review": "Bilan",
    "months_full": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                    "août", "septembre", "octobre", "novembre", "décembre"],
    "months": ["Janv", "Févr", "Mars", "Avr", "Mai", "Juin", "Juil", "Août", "Sept", "Oct",
               "Nov", "Déc"],
    "status.not_started": "À faire", "status.in_progress": "En cours",
    "status.blocked": "Bloqué", "status.done": "Terminé", "status.abandoned": "Abandonné",
    "quadrant.quick_win": "Gain rapide", "quadrant.major_project": "Projet structurant",
    "quadrant.fill_in": "Appoint", "quadrant.drop": "À écarter",
    "bucket.long_term": "Moyen et long terme", "bucket.quick_results": "Résultats rapides",
    "bucket.optimisation": "Optimisation et imprévus",
    "group.acquisition": "Acquisition", "group.conversion": "Conversion",
    "group.retention": "Rétention", "group.service": "Qualité de service",
    "role.sponsor": "Sponsor", "role.pilot": "Pilote", "role.owner": "Responsable",
    "direction.up": "Hausse", "direction.down": "Baisse",
    "yes": "Oui", "no": "Non",
    "rag.green": "Vert", "rag.amber": "Orange", "rag.red": "Rouge", "rag.none": "Pas de donnée",
    "risk.open": "Ouvert", "risk.closed": "Clos",
    "ritual.weekly": "Point hebdomadaire", "ritual.monthly": "Revue mensuelle",
    "ritual.quarterly": "Comité trimestriel", "ritual.allhands": "Point d'information",
    "ritual.weekly.format": "5 min de météo, 15 min sur les actions de la semaine "
                            "(réalisées, en cours, bloquées), 10 min de résolution",
    "ritual.monthly.format": "KPI du mois, actions du mois suivant, arbitrages budgétaires ; "
                             "compte-rendu d'une page sous 24 h",
    "ritual.quarterly.format": "Résultats face aux objectifs annuels, réorientations, "
                               "priorités du trimestre suivant",
    "ritual.allhands.format": "Partager les succès, expliquer les orientations, recueillir "
                              "les remontées terrain",
    "ritual.weekly.who": "Équipe opérationnelle", "ritual.monthly.who": "Sponsor, pilote, "
    "responsables", "ritual.quarterly.who": "Sponsor, pilote, responsables",
    "ritual.allhands.who": "Tout le personnel",
    "axis.business": "Business", "axis.acquisition": "Acquisition",
    "axis.conversion": "Conversion", "axis.data": "Data et outils",
    "area.technical": "Technique", "area.competition": "Concurrence",
    "area.journeys": "Parcours clients", "area.resources": "Ressources internes",
    "settings.title": "Paramètres", "settings.general": "Général",
    "settings.company": "Entreprise", "settings.year": "Année du plan",
    "settings.start_month": "Mois de départ (1-12)", "settings.language": "Langue",
    "settings.currency": "Symbole monétaire", "settings.maturity": "Maturité digitale",
    "settings.business_model": "Modèle économique",
    "settings.annual_budget": "Budget digital annuel",
    "settings.hours_per_week": "Heures internes par semaine",
    "settings.capacity": "Heures internes par mois",
    "settings.wip_limit": "Limite d'actions en cours",
    "settings.plan_start": "Début du plan", "settings.plan_end": "Fin du plan",
    "settings.as_of": "Plan à la date du (le bouton met le jour du clic)",
    "settings.current_month": "Mois en cours du plan (13 : année finie)",
    "settings.scoring": "Notation", "settings.weight_impact": "Poids de l'impact",
    "settings.weight_effort": "Poids de l'effort (faible effort = bonne note)",
    "settings.weight_risk": "Poids du risque (faible risque = bonne note)",
    "settings.dependency_penalty": "Points retirés par dépendance",
    "settings.impact_high": "Impact fort à partir de",
    "settings.effort_high": "Effort élevé à partir de",
    "settings.thresholds": "Seuils de la méthode",
    "settings.channel_limit": "Alerte si un canal apporte plus de",
    "settings.innovation_reserve": "Réserve d'innovation (10-15 %)",
    "settings.ritual_weekday": "Jour des rituels (1 = lundi)",
    "settings.ws_min": "Chantiers, au moins", "settings.ws_max": "Chantiers, au plus",
    "settings.kpi_min": "KPI, au moins", "settings.kpi_max": "KPI, au plus",
    "settings.people": "Personnes", "settings.channels": "Canaux",
    "settings.moments": "Temps forts commerciaux",
    "settings.lists": "Listes (utilisées par les menus déroulants)",
    "settings.months": "Mois du plan",
    "col.name": "Nom", "col.role": "Rôle", "col.channel": "Canal", "col.moment": "Temps fort",
    "col.month": "Mois", "col.status": "Statut", "col.quadrant": "Quadrant",
    "col.bucket": "Enveloppe", "col.score": "Note", "col.yesno": "Oui/Non", "col.rag": "Météo",
    "col.raci": "RACI", "col.group": "Famille", "col.direction": "Sens",
    "col.index": "N°", "col.start": "Début",
    "maturity.beginner": "débutante", "maturity.intermediate": "intermédiaire",
    "maturity.mature": "mature",
    "actions.title": "Actions — le backlog priorisé",
    "actions.id": "Id", "actions.action": "Action", "actions.workstream": "Chantier",
    "actions.channel": "Canal", "actions.owner": "Responsable", "actions.impact": "Impact",
    "actions.effort": "Effort", "actions.dependencies": "Dépend de", "actions.risk": "Risque",
    "actions.cost": "Coût", "actions.hours": "Heures", "actions.bucket": "Enveloppe",
    "actions.month": "Mois", "actions.pinned": "Figée", "actions.moment": "Avant le temps fort",
    "actions.status": "Statut", "actions.score": "Note", "actions.quadrant": "Quadrant",
    "actions.rank": "Rang", "actions.kpi": "KPI lié", "actions.reason": "Pourquoi ici",
    "actions.recalculated": "Dernier recalcul",
    "actions.origin": "Prévue d'abord", "actions.carried": "Années reportées",
    "actions.late_since": "En retard depuis",
    "button.recalculate": "Recalculer les priorités",
    "actions.note": "Impact, effort et risque de 1 à 5. Le statut se met à jour dans les "
                    "feuilles mensuelles. Les lignes vides du bas accueillent de nouvelles "
                    "actions.",
    "month.focus": "Priorité du mois", "month.rituals": "Rituels du mois",
    "month.results": "Résultats", "month.spend": "Dépense réelle", "month.notes": "Notes",
    "month.planned_cost": "Coût prévu", "month.planned_hours": "Heures prévues",
    "month.budget": "Budget prévu", "month.actual": "Dépensé", "month.hours": "Heures prévues",
    "month.capacity": "Capacité (h)", "month.done": "Terminées", "month.actions": "Actions",
    "month.weekly": "Points hebdomadaires", "month.review": "Revue mensuelle le",
    "month.note": "Les responsables mettent à jour statut, résultats et dépenses chaque "
                  "semaine.",
    "kpis.title": "KPI — un tableau de bord stable de 12 à 20 indicateurs",
    "kpis.id": "Id", "kpis.name": "KPI", "kpis.group": "Famille", "kpis.unit": "Unité",
    "kpis.direction": "Sens", "kpis.baseline": "Référence", "kpis.target": "Cible",
    "kpis.last": "Dernier réel", "kpis.months": "Mois renseignés",
    "kpis.progress": "Progression", "kpis.status": "Météo",
    "kpis.note": "Saisissez le réel de chaque mois. Progression = (dernier − référence) / "
                 "(cible − référence) ; la météo la compare à la part de l'année écoulée.",
    "ws.title": "Chantiers — 6 à 10, chacun avec un responsable",
    "ws.id": "Id", "ws.name": "Chantier", "ws.owner": "Responsable", "ws.scope": "Périmètre",
    "ws.deliverables": "Livrables", "ws.success": "Critères de succès",
    "ws.start": "Mois de début", "ws.end": "Mois de fin", "ws.budget": "Budget",
    "ws.planned": "Coût prévu", "ws.actions": "Actions", "ws.done": "Terminées",
    "obj.title": "Objectifs — OKR reliés aux KPI",
    "obj.id": "Id", "obj.objective": "Objectif", "obj.kr": "Résultat clé",
    "obj.quarter": "Trimestre", "obj.kpi": "KPI lié", "obj.progress": "Progression du KPI",
    "obj.status": "Météo du KPI",
    "diag.title": "Diagnostic — la référence avant le plan",
    "diag.axis": "Axe", "diag.metric": "Mesure", "diag.example": "Exemple de constat",
    "diag.baseline": "Référence", "diag.unit": "Unité", "diag.source": "Source",
    "diag.audit": "Check-list d'audit (2 à 4 semaines)", "diag.area": "Domaine",
    "diag.item": "Vérification", "diag.done": "Fait", "diag.finding": "Constat",
    "budget.title": "Budget — répartition, prévu et réel",
    "budget.bucket": "Enveloppe", "budget.share": "Part", "budget.amount": "Alloué",
    "budget.planned": "Prévu", "budget.actual": "Dépensé", "budget.variance": "Écart",
    "budget.total": "Total", "budget.reserve": "dont réserve d'innovation",
    "budget.by_month": "Par mois", "budget.month": "Mois", "budget.budget": "Budget",
    "budget.cumulative": "Dépensé cumulé", "budget.by_channel": "Par canal",
    "budget.channel": "Canal", "budget.results": "Résultats (leads ou ventes)",
    "budget.results_share": "Part des résultats", "budget.cost_per_result": "Coût par résultat",
    "budget.split_check": "Total de la répartition (doit faire 100 %)",
    "risks.title": "Risques — les cinq dettes digitales et au-delà",
    "risks.id": "Id", "risks.risk": "Risque", "risks.category": "Catégorie",
    "risks.probability": "Probabilité", "risks.impact": "Impact",
    "risks.criticality": "Criticité", "risks.mitigation": "Prévention",
    "risks.owner": "Responsable", "risks.review": "Prochaine revue", "risks.status": "Statut",
    "debt.channel": "Dépendance à un canal", "debt.technical": "Dette technique et de tracking",
    "debt.content": "Dette de contenus", "debt.reputation": "Dette de réputation",
    "debt.data": "Dette de données",
    "raci.title": "RACI — Responsable, Approbateur, Consulté, Informé",
    "raci.item": "Chantier", "raci.a_count": "Nombre de A", "raci.r_count": "Nombre de R",
    "raci.check": "Contrôle", "raci.ok": "OK", "raci.bad": "Il faut un seul A et au moins un R",
    "raci.overall": "Feuille de route dans son ensemble",
    "rituals.title": "Rituels — le rythme de l'exécution",
    "rituals.date": "Date", "rituals.ritual": "Rituel", "rituals.minutes": "Minutes",
    "rituals.who": "Participants", "rituals.format": "Format", "rituals.held": "Tenu",
    "roadmap.title": "Feuille de route — actions par chantier et par mois",
    "roadmap.workstream": "Chantier", "roadmap.phase": "Phase",
    "roadmap.total": "Tous les chantiers",
    "phase.1": "90 jours : stabiliser, gains rapides", "phase.2": "180 jours : industrialiser",
    "phase.3": "365 jours : consolider",
    "dash.title": "Tableau de bord", "dash.budget": "Budget", "dash.annual": "Budget annuel",
    "dash.planned": "Prévu", "dash.spent": "Dépensé", "dash.consumed": "Consommé",
    "dash.actions": "Actions par statut et par mois", "dash.month": "Mois",
    "dash.kpis": "KPI face aux cibles", "dash.alerts": "Signaux d'alerte",
    "dash.signal": "Signal", "dash.value": "Valeur", "dash.flag": "Alerte",
    "alert.wip": "Actions en cours au-delà de la limite",
    "alert.delivery": "Beaucoup d'actions en cours, peu de livraisons",
    "alert.channel": "Un canal apporte plus que la limite des résultats",
    "alert.overspend": "Dépenses au-delà du budget à date",
    "alert.kpi_red": "KPI au rouge",
    "alert.blocked": "Actions bloquées",
    "alert.unowned": "Actions sans responsable",
    "dash.not_done": "Ce qui ne sera pas fait (à écarter, abandonnées)",
    "dash.not_done_hint": "Feuille Actions : filtrer Quadrant sur À écarter, Statut sur Abandonné",
    "late": "En retard",
    "actions.late": "En retard",
    "alert.late": "Actions en retard (non terminées, mois clos)",
    "month.late": "Actions en retard",
    "dash.chart_budget": "Budget prévu et dépensé par mois",
    "dash.chart_status": "Actions par statut et par mois",
    "dash.chart_kpi": "Progression des KPI", "dash.chart_matrix": "Matrice impact / effort",
    "dash.total": "Total",
    "review.title": "Bilan — la rétrospective de l'année",
    "review.objectives": "Objectifs", "review.reached": "Atteint",
    "review.kpis_reached": "KPI à la cible ou au-delà", "review.delivery": "Livraison",
    "review.delivered": "Actions livrées", "review.planned": "Actions planifiées",
    "review.carried": "Actions ouvertes à reporter", "review.spent": "Budget dépensé",
    "review.questions": "Questions du bilan (une dizaine de jours avec toutes les parties "
                        "prenantes)",
    "review.q1": "Quelles actions ont surperformé, et pourquoi ?",
    "review.q2": "Lesquelles ont déçu, et pourquoi ?",
    "review.q3": "Quels écarts subsistent entre objectifs et résultats ?",
    "review.q4": "Qu'avons-nous appris sur nos canaux et notre exécution ?",
    "review.q5": "Que retenir pour la feuille de route de l'année 2 ?",
    "sheet.record": "Année {year}",
    "record.title": "L'année {year} : ce qui a été livré, ce qui est reporté",
    "record.note": "Écrit par xlplan rollover depuis le classeur de l'an dernier. Les "
                   "propositions restent des propositions : reportez une cible dans KPI, ou "
                   "un transfert de budget dans votre plan, une fois validés.",
    "record.objectives": "Objectifs", "record.kpis": "KPI : atteints ou non, nouvelles bases",
    "record.by_month": "Livraison et budget par mois",
    "record.by_workstream": "Livraison par chantier",
    "record.channels": "Canaux : résultats par euro dépensé, proposition de budget",
    "record.done": "Actions livrées", "record.abandoned": "Actions abandonnées",
    "record.carried": "Actions reportées", "record.questions": "Les questions du bilan",
    "record.objective": "Objectif", "record.kpi": "KPI", "record.progress": "Avancement",
    "record.reached": "Atteint", "record.unit": "Unité", "record.baseline": "Base",
    "record.target": "Cible", "record.last": "Dernière valeur",
    "record.new_baseline": "Nouvelle base", "record.proposal": "Cible proposée",
    "record.basis": "Fondement", "record.month": "Mois", "record.planned": "Prévues",
    "record.delivered": "Livrées", "record.cost": "Coût prévu", "record.spent": "Dépensé",
    "record.workstream": "Chantier", "record.status": "Statut", "record.open": "continue",
    "record.closed": "clos", "record.channel": "Canal", "record.results": "Résultats",
    "record.per_euro": "Résultats par euro", "record.id": "Id",
    "record.action": "Action", "record.notes": "Notes", "record.origin": "Prévue d'abord",
    "record.times": "Années reportées", "record.question": "Question",
    "record.share": "Part des résultats", "record.trend": "Tendance de ses KPI",
    "record.history": "Historique",
    "history.dependency_met": "{id} livrée en {year}",
    "history.dependency_abandoned": "{id} abandonnée en {year}, n'est plus une dépendance : "
                                    "vérifier que l'action garde son sens",
    "history.was_in_progress": "était {status} en fin d'année",
    "record.answer": "Réponse",
    "review.answer": "Réponse",
    "guide.title": "Mode d'emploi du classeur",
    "guide.intro": "Une feuille de route digitale sur 12 mois : une feuille par mois avec les "
                   "actions planifiées, leur statut, leur responsable et les résultats. "
                   "Chaque chiffre est une formule vivante : modifiez une cellule jaune, "
                   "tout ce qui en dépend se met à jour.",
    "guide.start": "Par où commencer",
    "guide.start1": "1. Paramètres : entreprise, année, premier mois, budget annuel, heures "
                    "internes par semaine, les personnes (sponsor, pilote, responsables), "
                    "les canaux et les temps forts commerciaux.",
    "guide.start2": "2. Diagnostic : où vous en êtes aujourd'hui sur les quatre axes ; "
                    "Objectifs et KPI : ce que vous visez, chaque KPI avec sa référence et "
                    "sa cible.",
    "guide.start3": "3. Chantiers et Actions : le plan proposé ici est à vous, modifiez-le. "
                    "Donnez à chaque action un responsable, un impact, un effort, un risque, "
                    "un coût et des heures, puis cliquez sur Recalculer les priorités dans "
                    "la feuille Actions.",
    "guide.start4": "4. Ensuite, suivez le rituel ci-dessous ; le Tableau de bord montre où "
                    "vous en êtes.",
    "guide.routine": "Votre rituel",
    "guide.weekly.when": "Chaque semaine — 30 min",
    "guide.weekly": "Point hebdomadaire sur la feuille du mois en cours : chaque responsable "
                    "met à jour le statut de ses actions (Terminé, En cours, Bloqué) et note "
                    "les résultats ; décidez qui débloque quoi cette semaine.",
    "guide.monthly.when": "Chaque mois — 1 h",
    "guide.monthly": "Revue mensuelle : saisissez les réels du mois dans KPI et la dépense "
                     "réelle sur la feuille du mois, lisez les signaux d'alerte du Tableau "
                     "de bord, arrêtez les actions du mois suivant et cliquez sur Recalculer "
                     "les priorités. Diffusez la synthèse sous 24 heures.",
    "guide.quarterly.when": "Chaque trimestre — 2 h",
    "guide.quarterly": "Comité trimestriel avec le sponsor : objectifs et KPI face aux "
                       "cibles, budget par enveloppe, registre des risques et priorités du "
                       "trimestre suivant. La feuille Rituels date chaque réunion de "
                       "l'année.",
    "guide.button": "Le bouton Recalculer les priorités",
    "guide.button.what": "Ce qu'il fait",
    "guide.button.text": "Il classe les actions ouvertes et donne un mois à chacune de "
                         "celles qui ne sont ni terminées ni figées, dans la limite des "
                         "heures du mois, du budget, des dépendances et du nombre d'actions "
                         "en cours ; la raison de chaque choix s'inscrit dans Pourquoi ici. "
                         "Les actions changent de feuille mensuelle avec leur statut, leurs "
                         "résultats et leur dépense.",
    "guide.enable.when": "Activer les macros",
    "guide.enable": "Le bouton est une macro. Dans Excel, cliquez sur Activer le contenu "
                    "dans la barre jaune à la première ouverture. Sur Mac, Excel pose la "
                    "question à l'ouverture : cliquez sur Activer les macros. Dans "
                    "LibreOffice : Outils ▸ Options ▸ Sécurité ▸ Sécurité des macros ▸ "
                    "Moyen, puis répondez Activer les macros.",
    "guide.unblock.when": "Un fichier reçu par internet ou e-mail",
    "guide.unblock": "Windows bloque les macros d'un fichier téléchargé (barre rouge : "
                     "Microsoft a bloqué les macros). Fermez le fichier, clic droit dessus "
                     "dans le dossier ▸ Propriétés ▸ cochez Débloquer ▸ OK, puis rouvrez-le "
                     "et cliquez sur Activer le contenu.",
    "guide.nomacros.when": "Sans les macros",
    "guide.nomacros": "Tout le reste est fait de formules vivantes et marche sans macros, "
                      "y compris dans Excel pour le web (qui n'exécute aucune macro) : notes, "
                      "quadrants, totaux, statut des KPI, le Tableau de bord et ses alertes "
                      "se mettent à jour à la saisie. Seuls les rangs, les mois proposés et "
                      "leurs raisons attendent le bouton ; d'ici là, changez le mois d'une "
                      "action à la main dans Actions.",
    "guide.steps": "La méthode en six étapes",
    "guide.step1": "1. Diagnostic chiffré et référence : remplir la feuille Diagnostic "
                   "(4 axes).",
    "guide.step2": "2. Objectifs et KPI : les OKR dans Objectifs, 12 à 20 KPI avec "
                   "référence et cible.",
    "guide.step3": "3. Chantiers : 6 à 10 chantiers avec responsables, livrables et "
                   "critères de succès.",
    "guide.step4": "4. Feuille de route : lister les actions avec impact, effort, "
                   "dépendances, risque, coût et heures ; note et quadrant se calculent "
                   "à la saisie.",
    "guide.step5": "5. Lancement et pilotage : point hebdomadaire de 30 minutes, revue "
                   "mensuelle d'une heure, comité trimestriel (feuille Rituels) ; les "
                   "responsables tiennent les feuilles mensuelles.",
    "guide.step6": "6. Industrialisation et bilan : la feuille Bilan clôt l'année et "
                   "prépare la suivante.",
    "guide.legend": "Couleurs",
    "guide.input": "Jaune : cellules à saisir", "guide.formula": "Bleu-gris : formules, "
                   "ne pas écraser",
    "guide.green": "Vert : dans les temps, terminé, gain rapide",
    "guide.amber": "Orange : à surveiller, en cours, projet majeur",
    "guide.red": "Rouge : alerte, bloqué, à abandonner",
    "guide.sheets": "À quoi sert chaque feuille",
    "guide.for.settings": "Les paramètres du plan, les personnes, les canaux et les temps "
                          "forts ; tout le reste en découle.",
    "guide.for.diagnostic": "Le point de départ sur les quatre axes, et la liste d'audit.",
    "guide.for.objectives": "Les objectifs de l'année et leurs résultats clés, chacun relié "
                            "à un KPI.",
    "guide.for.kpis": "12 à 20 KPI : référence, cible, un réel par mois ; progression et "
                      "statut sont calculés.",
    "guide.for.workstreams": "Les 6 à 10 chantiers : responsable, périmètre, livrables, "
                             "dates, budget.",
    "guide.for.actions": "Le portefeuille d'actions : notes, coût, heures, mois, rang et le "
                         "bouton Recalculer les priorités.",
    "guide.for.months": "Une feuille par mois : les actions du mois, où les responsables "
                        "mettent à jour chaque semaine statut, résultats, dépense réelle et "
                        "notes.",
    "guide.for.roadmap": "L'année d'un coup d'œil : les actions sur les 12 mois.",
    "guide.for.budget": "La répartition du budget, la réserve d'innovation, le prévu face "
                        "au dépensé par mois et par canal.",
    "guide.for.risks": "Le registre des risques, à commencer par les cinq dettes "
                       "digitales.",
    "guide.for.raci": "Qui est Responsable, Approbateur, Consulté et Informé par chantier.",
    "guide.for.rituals": "Les dates de chaque point hebdomadaire, revue mensuelle, comité "
                         "trimestriel et réunion d'équipe.",
    "guide.for.dashboard": "Budget consommé, actions par statut et par mois, KPI face aux "
                           "cibles et signaux d'alerte.",
    "guide.for.review": "Le bilan de fin d'année : objectifs atteints, écarts, "
                        "enseignements, ce qui est reporté.",
    "guide.tip": "Vous pouvez renommer les feuilles et ajouter des lignes dans les lignes "
                 "vides de chaque tableau ; gardez les en-têtes tels quels. Pour imprimer "
                 "une feuille : Fichier ▸ Imprimer ; chaque feuille est prête pour l'A4.",
    # printed pages: header (company, sheet, plan) and footer (&P: the page of the sheet)
    "print.header": "Feuille de route digitale {year}", "print.page": "Page &P",
}
