"""Invented wording the layouts draw on: places, topics, tasks, decisions, resolutions.

Every phrase is generic committee language written for this generator.
"""

from __future__ import annotations

PLACE_STEMS = ("Ash Bram Cald Dun Elder Fern Glen Hart Kings Lang Mer Nor Oak Pen Ross Sil Thorn Wex "
               "Yarn Bel Corr Drum Fal Gil").split()
PLACE_ENDS = "moor shire dale wick vale mere field holm".split()
COMPASS = ("", "North ", "South ", "East ", "West ", "Mid ")

ROOMS = ("Orchard Room", "Oak Room", "Beech Suite", "Harbour Room", "Cedar Room", "Willow Suite",
         "Training Room 2", "Boardroom")
TOWNS = ("Eastbridge", "Northtown", "Millford", "Kingsholm", "Westbury", "Fairhaven")

TOPICS = ("vehicle leasing", "custody refurbishment", "digital evidence management", "estates disposal",
          "fleet telematics", "uniform supply", "overtime controls", "officer wellbeing",
          "body worn video", "drone capability", "control room staffing", "recruitment pipeline",
          "neighbourhood patrol hours", "rural crime", "call answering times", "forensic backlog",
          "mobile data devices", "training needs", "volunteer numbers", "cyber resilience")

#: "<rank> <name> to <task> <topic>" (new actions)
TASKS = ("produce a costed options paper on", "review the plans for", "brief district commanders on",
         "liaise with the Head of Estates on", "report back on", "draft a business case for",
         "circulate a summary of")

#: what a board decided ("Decision:" blocks)
DECISIONS = ("Chief officers approved the procurement plan for {t}.",
             "Chief officers agreed to adopt option two for {t} from next quarter.",
             "The chief constable approved the revised policy on {t}.",
             "Chief officers endorsed the proposed approach to {t}.",
             "Chief officers requested a quarterly report on {t}.")

#: status words written after "Action NN/YY - " and the status each means
UPDATE_STATUSES = (("CLOSED", "closed"), ("discharged", "closed"), ("completed", "closed"),
                   ("carried forward", "carried_forward"), ("ongoing", "open"))

PCC_BOARDS = ("Performance and Delivery Board", "Finance and Scrutiny Board", "Accountability Board")
PCC_SECTIONS = ("Performance", "Finance", "People", "Estates", "Collaboration", "Victims Services",
                "Police and Crime Plan Delivery")

PANEL_REPORTS = ("Commissioner's Annual Report {y}/{y1}", "Proposed Precept {y1}/{y2}",
                 "Complaints Annual Report", "Police and Crime Plan Update", "Victims Strategy",
                 "Estates Strategy Update", "Future Work Programme")
PANEL_NOTES = ("The Commissioner introduced the report and summarised the main points.",
               "Members asked about response times in rural areas.",
               "The Chief Executive explained the timetable for the next stage of work.",
               "Members welcomed the report and asked for more detail on costs.")
PANEL_RESOLUTIONS = ("RESOLVED that the Panel note the report.",
                     "RESOLVED that the Panel note the report and make the comments above.",
                     "RESOLVED to note the report and to receive a further update at a future meeting.",
                     "RESOLVED that the Panel support the proposals in the report.")
COUNCILS = ("Borough Council", "District Council", "City Council")
