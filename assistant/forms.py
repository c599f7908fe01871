"""How questions and sentences are worded: the patterns the answer rules read ("why ...?", "how many ...?",
a sentence giving a reason, a letter's opening) and the words a question and a report use for one thing."""
from __future__ import annotations

import re
from typing import Callable

from ingest.metadata import MONTHS as MONTH_NAMES
from vectorstore.bm25_index import tokenize
from vectorstore.query_scope import (ASKS_WHEN, CARRYING, CHILDRENS_HOME, ESCALATED, FAR_AWAY, IN_CARE, IN_PERSON,
                                     IN_THE_WAY, LOOKED_AT, MONTH_OF_YEAR, TURN_AROUND, UNALLOCATED, WHO_INSPECTED,
                                     WHO_WROTE)

# Words nearly every passage shares: they say nothing about which sentence answers.
GENERIC = frozenset(tokenize(
    "medway ofsted council local authority children child children's services service inspection inspectors "
    "inspected report visit focused monitoring social care work"))
QUESTION_WORDS = frozenset(tokenize("many much big large long proportion percentage number share figure average "
                                    "time according say said find found made carried done undertaken conducted"))
NUMBER_Q = re.compile(r"\bhow (many|much|long|big|large)\b|\bwhat (proportion|percentage|number|share|rate|figure)\b|"
                      r"\bwhat [a-z]+ figures?\b|"  # "what caseload figures did ... report?"
                      r"\bwhat (was|is|were|are) (the|its|their|[a-z]+['’]s) (?:(?:current|latest|overall) )?"
                      r"(proportion|percentage|number|share|rate|"
                      r"figure|total)\b|\bper (1,?000|10,?000|100)\b|"  # "what was Medway's rate of ... per 10,000?"
                      r"\b(percent|percentage|average|budget|vacancy rate)\b|"  # "what weekly allowance ...?": a sum
                      r"\bwhat (?:(?:weekly|monthly|annual|yearly|daily|basic) )?(?:allowances?|fees?|salar(?:y|ies)|"
                      r"wages?|payments?)\b", re.IGNORECASE)
MONEY_Q = re.compile(r"\b(money|funding|funds?|budgets?|spend|spending|spent|costs?|investment|invested|savings|"
                     r"allowances?|fees?|salar(?:y|ies)|wages?|payments?)\b|"
                     r"\bpays?\b(?!\s+(?:attention|regard|tribute))|£",
                     re.IGNORECASE)
SHARE_OF = re.compile(r"\bhow much of\b|\bwhat (share|proportion|percentage|part)\b", re.IGNORECASE)  # of a budget: a %
MONEY = re.compile(r"£\s?\d|\d\s?(?:m|bn|k)\b|\b(million|billion|pounds)\b", re.IGNORECASE)
SECOND_QUESTION = re.compile(r",?\s+and\s+(?=(?:how|what|when|who|why|where|which|whether|was|were|is|are|did|does|do|"
                             r"has|have)\b)", re.IGNORECASE)
# "..., and how ...?", "...? Who ...?" (not "...? (the question before)", a follow-up read with its predecessor)
TWO_QUESTIONS = re.compile(rf"{SECOND_QUESTION.pattern}|(?<=\?)\s+(?=[^\s(])", re.IGNORECASE)
OCCASION = re.compile(r"(?<=\w),?\s+when\s+", re.IGNORECASE)  # a clause naming the occasion, not the thing asked about
LEADING_OCCASION = re.compile(r"^\s*(?:when|after|before|at|during)\b[^,?]{3,120},\s*"  # "When ..., what ...?"
                              r"(?=(?:what|which|how|who|why|where|when|did|does|do|is|are|was|were|has|have)\b)",
                              re.IGNORECASE)
# a clause giving the question's context: ", given the pandemic"
GIVEN = re.compile(r",\s+(?:given|considering|bearing in mind)\b", re.IGNORECASE)
OCCASION_NAMED = re.compile(r"\b(ofsted|inspect\w*|visit\w*|commissioner|review\w*|report|monitor\w*|wrote)\b",
                            re.IGNORECASE)
DATE_Q = re.compile(ASKS_WHEN, re.IGNORECASE)
FUTURE_Q = re.compile(r"(^|,)\s*when (will|is|are|should|would)\b|"  # "when will the next one be?"
                      r"\bwhen (did|does|do) \w+(?: \w+){0,4} (expect|anticipate|plan)\b", re.IGNORECASE)
FUTURE = re.compile(r"\b(will|expect\w*|anticipat\w*|planned|due|scheduled|next)\b", re.IGNORECASE)
# When the next inspection or visit is due: an answer to when-next questions only, not to what was found
SCHEDULE = re.compile(r"\bnext\b[^.]{0,60}\b(inspection|visit)|\b(re-?inspection|inspection|visit)\b[^.]{0,60}\b"
                      r"(will be|is expected|are expected|is due|is planned)\b", re.IGNORECASE)
ASKS_AHEAD = re.compile(r"\b(next|expect\w*|future|due|plann\w+|anticipat\w+|upcoming|re-?inspection)\b", re.IGNORECASE)
SPAN = re.compile(r"\b(within|in) (about |approximately |around )?\w+ (years?|months?|weeks?)\b", re.IGNORECASE)
# ("how did managers explain the high number ...?", "what explains ...?" ask for a reason too)
WHY_Q = re.compile(r"(?:^|[,;:]\s*)why\b|\bwhat (held|caused|led|stopped|prevented)\b|\bwhat explain\w*\b|"
                   r"\bhow (?:did|do|does|would|could) [^?]{0,40}?\bexplain\b|"
                   r"\bwhat (?:was|were|is|are) the reasons?\b", re.IGNORECASE)
# How a sentence gives a reason: "due to staff sickness", "a lack of community resources means that ..."
CAUSE = re.compile(r"^As (?:this|it|there|these|they|the \w+) (?:was|were|is|are|had|has)\b|"
                   r"\b(because|due to|as a result|result(ed|s|ing)? (of|in|from)|reasons?|owing to|caused|lack of|"
                   r"led to|leading to|means that|meaning that|therefore|difficult|problematic|impact(ed|s)? (of|on)|"
                   r"(hamper|hinder|imped|compound)(ed|s|ing)?|barriers?|makes? it|made it|contribut(ed|es|ing) to|"
                   r"builds? in delay|caus(es|ing))\b",
                   re.IGNORECASE)
SELF_SUMMARY = re.compile(r"\bThis (letter|report) (summarises|provides a summary of) the findings\b", re.IGNORECASE)
# a question naming a report as what says it ("what did the 2019 inspection find?"), not only as a time
AS_SOURCE = re.compile(r"\b(say|says|said|find|finds|found|report\w*|describ\w*|according|judg\w*|conclu\w*|think|"
                       r"thought|rat(e|ed)|grade\w*|not(e|ed)|comment\w*|highlight\w*|identif\w*|recommend\w*|"
                       r"view|make of|made of|flag\w*|criticis\w*|prais\w*|concern\w*|worr\w*)\b", re.IGNORECASE)
OPENING = re.compile(rf"{SELF_SUMMARY.pattern}|"
                     r"(\binspectors|\bspecifically,? they|^they) (also )?(looked at|considered|evaluated|reviewed)\b",
                     re.IGNORECASE)  # ("... in one of the hubs. They reviewed the local authority's performance ...")
LOOKED_AT_Q = re.compile(LOOKED_AT, re.IGNORECASE)
# "the February 2019 front door visit", "the November 2025 children in care visit": which visit, not what is asked
DESCRIBED_VISIT = re.compile(r"\b(?:19|20)\d\d\s+((?:(?!and\b|or\b|to\b)[\w'’-]+\s+){1,4}?)"
                             r"(?:focused\s+|monitoring\s+)?visits?\b", re.IGNORECASE)
# a when-question naming a visit by what it was: "when did the focused visit that was done remotely take place?",
# "when were inspectors last on site for a focused visit about children in care?"
WHICH_VISIT = re.compile(r"\b(?:visit|inspection)\s+(?:that|which|where|when|in which|at which|about|on|into|"
                         r"looking at|focused on|focusing on)\b", re.IGNORECASE)
# a letter's opening that dates its visit: "This letter summarises the findings of a focused visit ... on 25 and
# 26 May 2021", "Inspection dates: 14 September to 8 October 2015"
DATED_OPENING = re.compile(rf"{SELF_SUMMARY.pattern}|\binspection dates?\b", re.IGNORECASE)
# A question asking for a grade ("what overall grade did Ofsted give ...?"): a sentence without one does not answer.
# Not "how was that risk rated?": a council's risk register rates risks, not services.
GRADE_Q = re.compile(r"\bwhat (?:overall |ofsted )?(?:grades?|ratings?)\b|\bhow (was|were|had)\b[^?]{0,60}\bgraded\b|"
                     r"\bhow did (?:ofsted|inspectors|they)\s+(?:judge|grade)\b", re.IGNORECASE)
GRADE_WORD = re.compile(r"\b(outstanding|good|requires? improvement|inadequate|adequate|not judged)\b", re.IGNORECASE)
# a grade, or a sentence saying what was graded (not "a good move": a word of praise before its noun)
GRADE = re.compile(rf"(?<!\ba )(?<!\ban ){GRADE_WORD.pattern}|\bgraded?\b", re.IGNORECASE)
# a heading that is a judgement: "The Local Safeguarding Children Board requires improvement to be good"
GRADED_HEADING = re.compile(r"^[A-Z][^.:;?]{10,120}\s(?:(?:is|are|was|were)\s+(?:outstanding|good|inadequate|adequate)|"
                            r"requires improvement(?: to be good)?)$")
WHERE_Q = re.compile(r"^\s*where\b|\baddress\b", re.IGNORECASE)
# the colophon closing an Ofsted report ("Ofsted ... regulates and inspects ...", "It assesses council children's
# services ...", "This publication is available at ..."): about Ofsted, never about the council it inspected
COLOPHON = re.compile(r"\bregulates and inspects to achieve excellence\b|\bIt assesses council children['’]s services\b|"
                      r"\bThis (?:publication|report|letter) (?:is|will be) (?:available|published)\b|"
                      r"©\s*Crown copyright|\bInterested in our work\b|\bin a different format\b|"
                      r"\bOfsted produces this report\b|"  # "... under its power to combine reports"
                      r"\bsend you a copy of the guidance\b", re.IGNORECASE)
# a council paper's formalities: "There are no legal implications arising from this report.", "The Committee is
# asked to note the report." (its financial implications can hold figures, and stay)
FORMALITY = re.compile(r"\bthere are no [a-z ]{0,30}implications\b|"
                       r"\bis asked to (?:note|consider|comment on) the report\b|"
                       r"\bis leading Ofsted['’]s work into how\b",  # the 2020-21 letters' national preface
                       re.IGNORECASE)
ABOUT_FORMALITY = re.compile(r"\bimplications?\b|\brecommend\w*\b|\basked to\b", re.IGNORECASE)
CONTENTS_ENTRY = re.compile(r"\b[a-z]+ \d{1,3} (?=[A-Z])")  # "... what they mean 2 Service information 3 Overall ..."
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")  # "ME4 4TR": a letter's address block
# (after a clause naming the source or time: "According to the 2024 report, who ...")
WHO_Q = re.compile(r"^\s*(?:(?:and|so|but)\s+)?"
                   r"(?:(?:according to|in|at|during|after|following|by|from)\b[^,?]{0,80},\s*)?"
                   r"(who|which (of (the |his |her )?)?(majesty['’]s )?inspectors?|which hmis?|"
                   r"which (senior )?(leaders?|people|persons?|officers?|officials?|directors?|councillors?)|"
                   r"which (organi[sz]ations?|bodies|agencies|partners))\b|"
                   r"\bwhat (was|is|were|are) the names? of\b", re.IGNORECASE)
# what Ofsted itself said, and another source named as saying it ("according to the commissioner's report")
OFSTED_VIEW = re.compile(r"\bofsted(?:['’]s)? (?:view|views|verdict|opinion|assessment|reports|inspections)\b|"
                         r"\bdid ofsted (?:say|find|think)\b|\baccording to ofsted\b", re.IGNORECASE)
OTHER_SOURCE = re.compile(r"\b(?:commissioner|council['’]s|scrutiny|committee|cabinet|news|update|paper)\b",
                          re.IGNORECASE)
# "Who was going to chair it?": "The DCS in Oxfordshire has agreed to be the independent chair" names the one who
# does it by their post
WHO_DOES = re.compile(r"^\s*who\s+(?:(?:was|is|were|are)\s+(?:(?:going|lined\s+up|due|set|expected|asked|chosen|"
                      r"invited|named)\s+)?to\s+|will\s+|would\s+|did\s+)?"  # "who was lined up to chair it?"
                      r"(?!(?:is|was|were|are|has|had|have|did|does|do)\b)(?P<verb>[a-z]+)\b", re.IGNORECASE)
TAKES_ROLE = re.compile(r"^(?P<who>.*?)\b(?:agreed to be|will be|would be|became|appointed as|appointed to be|"
                        r"acts? as|acted as|serves? as|served as)\s+(?:the |an? )?(?P<role>(?:[\w-]+ ){0,2}[\w-]+)")
# "So who is helping them get support?": "the help and support provided by 'navigators'" names who, by what they are
WHO_ACTS = re.compile(r"^\s*(?:(?:and|so|but)\s+)?who\s+(?:(?:is|are|was|were)\s+(?P<ing>[a-z]+ing)|(?P<verb>"
                      r"helps|helped|supports|supported|provides|provided|offers|offered|delivers|delivered))\b",
                      re.IGNORECASE)
AGENT = re.compile(r"\b(?:provided|delivered|offered|given|led|run|supported|helped)\s+by\b")
# "who is responsible for commissioning SEND services?": a body answers ("Medway Council and the Kent and Medway
# Integrated Care Board (ICB) are responsible for ..."), not only a person
BODY_Q = re.compile(r"\b(?:who|which (?:organi[sz]ations?|bodies|agencies|partners)) (?:is|was|are|were) "
                    r"(?:responsible|in charge|accountable)\b|"
                    r"\b(?:who|which (?:organi[sz]ations?|bodies|agencies|partners)) (?:runs?|ran|commissions?|"
                    r"commissioned|funds?|funded|oversees?|oversaw)\b", re.IGNORECASE)
BODY = re.compile(r"\b[A-Z][\w'’]*(?:\s+(?:and |of |for |the )*[A-Z][\w'’]*)*\s+(?:Council|Board|Trust|Partnership|"
                  r"Group|Department|Agency|Authority|Forum|Panel|Committee)\b")
# what a sentence says a body does, for it to answer who is responsible ("the MASH" named is not who runs it)
ANSWERS_FOR = re.compile(r"\b(responsib\w*|accountab\w*|in charge|commission\w*|fund\w*|overs\w+|run\w*|lead\w*)\b",
                         re.IGNORECASE)
INSPECTOR_COUNT = re.compile(r"^\s*how many (?:of the )?(?:inspectors|hmis?|her majesty['’]s inspectors)\b",
                             re.IGNORECASE)
WHO_INSPECTED_Q = re.compile(WHO_INSPECTED, re.IGNORECASE)  # who did it: read with how reports name inspectors
AUTHOR_LINE = re.compile(r"\s*(?:author|report (?:from|by)|written by|prepared by)\s*:", re.IGNORECASE)
WHO_WROTE_Q = re.compile(WHO_WROTE, re.IGNORECASE)  # who wrote a paper: read with how papers name their author
ROLE_Q = re.compile(r"^\s*who (?:is|was|were|are) the (?:current |present |new |then )?([a-z' ]+?)(?: \([^)]*\))? "
                    r"(?:for|of|at|in|on|when|who|that)\b", re.IGNORECASE)  # "the current lead member (cabinet member) for"
ROLES = {"lead inspector": ["reporting inspector"]}  # what older reports call the role (2013: "Reporting inspector")
HOW_MANY = re.compile(r"\bhow many (?:of (?:the|their|its|these|those|[a-z]+['’]s) )?((?:[a-z'-]+ ?){1,3})",
                      re.IGNORECASE)
ELIDED = re.compile(r"(?:were|was|are|is|did|do|does|had|have|has|of them)\b", re.IGNORECASE)  # "how many were ..."
# "a good number of care leavers ... when they turn 18" counts none of them; "a large number of children (98 ..." does
SOME = frozenset("a good small large significant increasing growing high low considerable greater".split())
PEOPLE = frozenset(tokenize("children child young people"))  # what a count of children may call them
# a sentence whose figure counts what the sentence before it named: "This rose from 14 out of 24 to 17 out of 26."
# ("This report includes ..." speaks of the document, not of the sentence before it)
ANAPHOR = re.compile(r"\s*(?:(?:this|these|it|they|that)\b(?!\s+(?:report|letter|publication|document|summary|inspection|"
                     r"visit)\b)|the (?:number|figure|total|proportion|rate)\b)", re.IGNORECASE)
INCLUDES = re.compile(r"\s*(?:this|these|they|it) (?:includes?|included|comprises?|comprised|involves?|involved|"
                      r"consists?|consisted)\b", re.IGNORECASE)  # a sentence giving what the one before it names
LEADS_IN = re.compile(r":\s*$|\bthe following\b[^.]{0,40}\.?\s*$", re.IGNORECASE)  # a line a list follows
# "The report sets out several areas where we must concentrate our efforts.": the paragraph after it names them
PROMISES = re.compile(r"\b(?:sets?|setting) out (?:several|a number of|some|a few|three|four|five|six) "
                      r"(?:areas|priorities|actions|points|issues|recommendations|things)\b", re.IGNORECASE)
LIST_Q = re.compile(r"\b(what|which) (were|are) (the|some)\b|\bareas?\b|\bimprove(?!d)\w*\b|\brecommend\w*\b|\blist\b|"
                    r"\btopics\b|\bweaknesses\b|\bstrengths\b|\bjudgements\b", re.IGNORECASE)
MONTHS = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
BETWEEN = re.compile(r"\b(?:between|from)\b[^?]{0,40}?\b((?:19|20)\d\d)\b[^?]{0,60}?\b(?:and|to|until)\b[^?]{0,40}?"
                     r"\b((?:19|20)\d\d)\b", re.IGNORECASE)
BETWEEN_TWO = re.compile(r"\bbetween the ((?:19|20)\d\d) and (?:the )?((?:19|20)\d\d) (?:full )?inspections\b",
                         re.IGNORECASE)
SINCE = re.compile(r"\b(?:since|after|following)\b[^?]{0,30}?\b((?:19|20)\d\d)\b|"  # "since 2019"
                   r"\bfrom\b[^?]{0,40}?\b((?:19|20)\d\d)\b[^?]{0,60}?\b(?:to|until)\s+(?:the\s+)?(?:latest|most recent|"
                   r"present|now|today|current)\b|"  # "from the 2019 inspection through to the latest visits"
                   r"\b((?:19|20)\d\d)\b[^?]{0,30}?\bonwards\b", re.IGNORECASE)  # "from 2019 onwards"
EXPECTED = re.compile(r"\b(?:will|expect\w*|anticipat\w*|planned|due to|scheduled|likely)\b", re.IGNORECASE)
AFTER_MONTH = re.compile(rf"\(after {MONTHS} ((?:19|20)\d\d):", re.IGNORECASE)  # a follow-up's "the next one"
LAST_YEAR = 2049  # the last year YEAR reads
PART_OF_YEAR = re.compile(r"\b(early|mid|late|spring|summer|autumn|winter)[- ](?:of )?((?:19|20)\d\d)\b",
                          re.IGNORECASE)  # "late 2025", "the spring 2025 visit"
# each with the month after it: a report dated December describes the autumn its author spent on it
PARTS = {"early": MONTH_NAMES[:5], "mid": MONTH_NAMES[4:9], "late": MONTH_NAMES[8:], "spring": MONTH_NAMES[2:6],
         "summer": MONTH_NAMES[5:9], "autumn": MONTH_NAMES[8:], "winter": MONTH_NAMES[:3] + MONTH_NAMES[11:]}
MONTH_YEAR = MONTH_OF_YEAR  # "May 2022": the month and its year
HOW_LONG_Q = re.compile(r"\bhow long\b", re.IGNORECASE)
# "did she think the council needed an alternative delivery model?": what the writer concluded ("In my view ...",
# "... but I recommend a further review"), before the remit she was given ("The report must also consider ...")
VIEW_Q = re.compile(r"\b(?:did|does|do)\s+(?:she|he|they|the\s+(?:[\w-]+\s+){0,2}commissioner)\s+"
                    r"(?:think|believe|feel|consider|conclude|recommend)\b|"
                    r"\b(?:in\s+)?(?:her|his|the\s+commissioner's)\s+view\b", re.IGNORECASE)
OWN_VIEW = re.compile(r"\bI\s+(?:recommend|believe|consider|think|agree|have\s+concluded|conclude|"
                      r"am\s+(?:not\s+)?(?:confident|satisfied|assured|convinced|clear))\b|"
                      r"\bin\s+my\s+(?:view|opinion|judgement)\b", re.IGNORECASE)
TOO_LONG = re.compile(r"\btoo long\b|\b(?:long|lengthy|excessive)\s+(?:waits?|waiting|delays?)\b", re.IGNORECASE)
HAS_DATE = re.compile(rf"\b{MONTHS}\b|\b(19|20)\d\d\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b")
HAS_NUMBER = re.compile(r"(?<![\w/])(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)?|£\s?\d|"
                        r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                        r"half|third|quarter|dozen|hundred)\b", re.IGNORECASE)
# A person's name: two capitalised words, neither a title or a word these documents capitalise for other reasons
# ("His Majesty", "Assistant Director", "Improvement Board", "The Council" are not names).
NAME_WORD = r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?"  # "McLaughlin", "O'Neill", "Smith-Jones"
NAME_PAIR = re.compile(rf"\b({NAME_WORD})\s+({NAME_WORD})\b")
NOT_NAMES = frozenset("""
the this that these those in on at of for and to a an his her their our its majesty majesty's majesty’s
council councils board plan director directors assistant deputy chief executive social care young people early help
child children children's children’s protection services service monitoring visit visits local authority authorities
improvement improving quality assurance looked after first response statutory direction leader leadership area manager
managers safeguarding corporate parenting delivery mental health community special projects education inspector
inspectors inspection ofsted lead member commissioner commission secretary state government department partnership
send adult needs assessment joint strategic focused focussed full report letter team teams unit hub house road street
principal senior head office officer cabinet portfolio holder committee overview scrutiny virtual school college
national university trust nhs clinical commissioning group integrated partners partner families family court
key findings main what how
""".split()) | frozenset(MONTH_NAMES)
# how a follow-up relates to the answer before it, not a topic of its own: "Was anything still a concern?", "Has that
# got any better since?", "Did they find the same thing?"
RELATING = frozenset(tokenize("anything something still better worse improve improved change changed same thing happen "
                              "next else concern problem problems issue issues hold held compare compared one view way "
                              "got raised"))
# "when was the commissioner appointed?", "when did the centre open?": a date answers only with the event it dates
# (word stems, as `tokenize` gives them): "Cabinet approved the move ... in December 2017" does not say it opened
EVENTS = {"appoint": "appoint post join start recruit", "join": "join appoint start post",
          "open": "open launch establish start began", "launch": "launch open establish start began introduc",
          "establish": "establish creat form launch start set", "introduc": "introduc launch start implement",
          "start": "start began begin commenc launch open appoint join introduc establish set creat",
          "close": "close closur ceas", "replac": "replac succeed", "publish": "publish", "meet": "meet met",
          "met": "meet met", "arriv": "arriv appoint post join start"}
# "When did the 2024 inspection start?": the inspection is what started, not "... the director who led it through
# the 2015 inspection take up the job?"
INSPECTION_DID = re.compile(r"\bwhen\s+(?:exactly\s+)?(?:did|was|were|does|do|will|is)\s+(?:the\s+|that\s+|this\s+)?"
                            r"(?:[\w'’-]+\s+){0,3}(?:inspection|visit)s?\b", re.IGNORECASE)
INSPECTORS_THERE = re.compile(r"\binspectors?\s+(?:(?:were|was|actually)\s+){0,2}(?:on[- ]site|there|visiting|"
                              r"in the (?:office|council|authority))\b", re.IGNORECASE)
# "when were inspectors on the focused visit ...?": its dates (read only in a when-question: not "what did inspectors
# on the visit find?")
INSPECTORS_ON = re.compile(r"\binspectors?\s+(?:(?:were|was)\s+)?on the (?:[\w'’-]+\s+){0,2}(?:visit|inspection)\b",
                           re.IGNORECASE)
# "... the focused visit that was published in January 2026?": what the visit is, not the event asked about
DESCRIBED = re.compile(r"(?<!\bit )\b(?:that|which|who)\s+(?:was|were|is|are|had been|has been)\s+[^,?]*",
                       re.IGNORECASE)
EXPECTED_THING = re.compile(r"\bexpect(?:ed|s|ing)?\s+(?:(?:ofsted|the|its|their|a|an|next|full|further|another)"
                            r"(?:['’]s)?\s+)*([a-z][\w-]+)", re.IGNORECASE)
TOOK_UP = re.compile(r"\b(?:take|takes|took|taken|taking) (?:up|over)\b", re.IGNORECASE)  # "take up the job": start it
SCOPE_WORDS = re.compile(rf"\b(?:{MONTHS}|spring|summer|autumn|winter|(?:19|20)\d\d)\b", re.IGNORECASE)
# "Inspection dates: 15 July", "Lead inspector: A Name"; not a sentence ("The make-up of the council is: 32 ...")
LABELLED = re.compile(r"^[^:]{3,40}(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere):\s*\S")
# words that relate or stress, not name a topic: "Was that within the target?", "actually carrying" (not "yet",
# "even" or "back": "not yet open", "Aut Even", "going back home")
FILLER = frozenset(tokenize("within across among around towards upon also however whether actually really "
                            "exactly"))
THINKING = re.compile(r"\b(?:think|thinks|thought)\b|"  # lower case: a verb of the question's frame
                      r"(?<=['’]s )(?:view|views|verdict|opinion)\s+of\b|"
                      r"(?<=s['’] )(?:view|views|verdict|opinion)\s+of\b")
# ("how did Ofsted's view of ... change?", "inspectors' view of": whose view, not the children's views)
# How questions say it -> how the documents say it (stemmed): "who led" -> "lead inspector"
SAME = {"led": "lead", "rate": "judg", "grade": "judg", "judgment": "judg"}
EmbedFn = Callable[[list[str]], list[list[float]]]
IN_CARE_RE = re.compile(IN_CARE, re.IGNORECASE)
CHILDRENS_HOME_RE = re.compile(CHILDRENS_HOME, re.IGNORECASE)
UNALLOCATED_RE = re.compile(UNALLOCATED, re.IGNORECASE)
CARRYING_RE = re.compile(CARRYING, re.IGNORECASE)
IN_PERSON_RE = re.compile(IN_PERSON, re.IGNORECASE)
ESCALATED_RE = re.compile(ESCALATED, re.IGNORECASE)
POSITIONS = re.compile(r"\b(permanent|vacant|temporary|agency|substantive|interim|funded)\s+positions?\b",
                       re.IGNORECASE)
SEND_REPORT = re.compile(r"\b(?:area\s+)?send\s+(?:full\s+)?inspections?\b|\barea\s+send\b", re.IGNORECASE)
# "did the police have anyone based there?": "the full-time deployment of a police sergeant in the MASH"
BASED = re.compile(r"\b(?:based|located|co-located|deploy(?:ed|ment|ments)?|seconded|secondments?)\b", re.IGNORECASE)
TERM = re.compile(r"\b(long|short|medium)[- ]term\b", re.IGNORECASE)  # "long-term matched": one word, not "long"
FIRST = re.compile(r"\bfirst\b", re.IGNORECASE)  # "first visits" are "initial visits"
EXTRA = re.compile(r"\bextra\b", re.IGNORECASE)  # "how much extra funding?": reports write "additional funding"
MONEY_WORD = re.compile(r"\b(?:money|cash)\b", re.IGNORECASE)  # "how much money was put in?": reports write "funding"
AWAITING = re.compile(r"\bawait(?:s|ed|ing)?\b", re.IGNORECASE)  # "families awaiting assessment" wait for it
CAME_DOWN = re.compile(r"\b(?:come|came|gone|went|coming|going) down\b", re.IGNORECASE)  # "has turnover come down?"
# "what got in the way of the plan?": what hampered it ("hindered", "held back", "impeded": one word)
IN_THE_WAY_RE = re.compile(IN_THE_WAY + r"|\bgotten in the way\b|\bhinder(?:s|ed|ing)?\b|"
                           r"\bimped(?:e|es|ed|ing)\b", re.IGNORECASE)
IN_PLACE = re.compile(r"\b(?:take|takes|took|taken|taking) (?:its|their|his|her|the) place\b", re.IGNORECASE)
TURN_AROUND_RE = re.compile(TURN_AROUND, re.IGNORECASE)
FAR_AWAY_RE = re.compile(FAR_AWAY, re.IGNORECASE)  # "a long way from", "out of area": one word, as reports vary it
WORDED = [(IN_PLACE, "replace"), (EXTRA, "additional"), (FIRST, "initial"), (TERM, r"\1term"), (BASED, " based "),
          (MONEY_WORD, "funding"), (AWAITING, "waiting"), (CAME_DOWN, "reduced"),
          (IN_THE_WAY_RE, "hampered"), (TURN_AROUND_RE, "capacity to improve"),
          (FAR_AWAY_RE, " distance ")]  # ("will take its place": replaces)
TIMELINESS = re.compile(r"\btimeliness\b", re.IGNORECASE)  # read as "timely", whose stem is "time"


def terms_of(text: str) -> list[str]:
    """The words that weigh in a sentence or question: "children in care" and "looked after children" read alike
    (both words of the first are in every passage; "looked after" is what older reports write)."""
    text = UNALLOCATED_RE.sub(" unallocated ", IN_CARE_RE.sub(" looked after children ", text))
    text = CARRYING_RE.sub(" caseloads ", text)  # "carrying 40 children": a caseload
    text = INSPECTORS_THERE.sub(" inspection dates ", text)  # "when were inspectors on site?": the dates, not remote
    text = IN_PERSON_RE.sub(" remote ", text)  # "did they come into the office?": "by remote means" answers
    text = ESCALATED_RE.sub(" escalated ", text)  # "inspectors brought to the attention of ...": escalated
    text = POSITIONS.sub(r"\1 posts", text)  # "75% of staff were in permanent positions": posts
    for pattern, said in WORDED:  # the reports' word for what a question may word otherwise
        text = pattern.sub(said, text)
    text = TIMELINESS.sub("timely", text)  # "were assessments done on time?": "the timeliness of assessments"
    return tokenize(CHILDRENS_HOME_RE.sub(" home ", text))
