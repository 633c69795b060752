"""Counted by hand from the Plymouth BME Code consultation table (shared/seeds/003_5c4ecf7e5c4628fe.txt).

Conventions used while counting (the same ones the consultation YAML follows):
- A row is a comment unless it is a heading ("1. Introduction", "Anything missing / general comments")
  or one of the draft Code's own numbered paragraphs (with their bullet-list continuation rows).
- The "General comments for this section; ..." rows are comments on the section. In section 4 the
  heading-like row "General comments for this section;" and the "Clarify which 3 rd sector
  undertakings ..." row under it are ONE comment.
- A comment split by a page break (a blank line in the text) is one comment ("... never been" /
  "consulted."; "... The ability to maintain the" / "sectors independence is key").
- COMMENTS_PER_SECTION counts the rows sitting under each section heading ("1".."4"). The rows under
  "Anything missing / general comments" (after 4.10) are whole-document comments, counted apart in
  GENERAL_COMMENTS; two of them cite paragraphs ("Section 2 states ..." and "Infrastructure/
  Commissioning-is item 3.3 ...").
- A response is shared when it says "As above", when consecutive comments carry the identical
  response text, or (once) when the response cell beside "This definition excludes ..." runs on
  across the page break beside "What BME lead groups ...".
"""

COMMENTS_PER_SECTION = {"1": 27, "2": 41, "3": 35, "4": 26}
GENERAL_COMMENTS = 24
TOTAL_COMMENTS = 153  # == sum(COMMENTS_PER_SECTION.values()) + GENERAL_COMMENTS
PENDING_PER_SECTION = {"1": 15, "2": 6, "3": 10, "4": 1, "general": 0}
PENDING_COMMENTS = 32
RESPONDED_COMMENTS = 121
TOTAL_RESPONSES = 108

# Responses that answer more than one comment: opening words of the response -> comments it answers.
SHARED_RESPONSES = {
    "this definition is the one used": 2,  # 1.3, runs on beside the next comment
    "agree, but difficult to know": 2,  # 2.1, second comment answered "As above"
    "issue for wider monitoring": 2,  # 2.6
    "this code will be the commitment": 2,  # 2.8
    "big issue which code couldn't": 4,  # 3.6
    "nothing to stop separate groups forming": 6,  # first 4.7
    "disability outside code's remit": 2,  # general, second comment answered "As above"
}

COMMENT_OPENINGS = [
    # 1. Introduction
    "general comments for this section",
    "no recognition of multiple issues",
    "eia's need to be more",
    "as long as directors have",
    "missing start equalities and diversity",
    "does this need to include",
    # under 1.3
    "education and training of non-bme",
    "this definition excludes some of",
    "what bme lead groups by",
    "needs rewording as it implies",
    "this could be a goal",
    "what is trying to be",
    "depends on core purpose / competency",
    "how many organisations will this",
    "is there a need to",
    "too prescriptive a definition",
    "who are the bme groups",
    "could it be phrased to",
    "will this encourage inappropriate board",
    "do not understand the reason",
    "excludes other bme community as",
    "we (rec) do not agree",
    "bswn is very bristol orientated",
    "currently definition 75%? importance",
    "bswn group definition is too",
    "definition is too high to",
    "need to evidence through action",
    # 2. Joint Undertakings: 2.1
    "big + support and implement",
    "achievable if all committed to",
    "support is a very open",
    # 2.2
    "all can contribute but unrealistic",
    "where is it written that",
    "race relations and culture awareness",
    "big + training excellent commitment",
    "implement training to integrate into",
    "identify who needs training and",
    # 2.3
    "big + like independence part",
    "is this in the core",
    "particularly difficult for private sector",
    "achievable if whichever body provides",
    "more recognition of private sector",
    "should be a principle across",
    "3rd sector orgs don't have",
    "difficult to achieve, risk to",
    # 2.4
    "apply this to code to",
    "better training and commitment to",
    "achievable – incorporated or sit",
    # 2.5
    "add functions and communicate which",
    "eia's are a good idea",
    "achievable, who will do this?",
    # 2.6
    "monitor impact of bme within",
    "who will monitor? should involve",
    "how and who if various",
    "and any other relevant strategy",
    # 2.7
    "big + as a need",
    "2.3+2.7 – fine to define",
    "add commitment to allow mentees",
    "this should also leave it",
    "2.7 + 2.8 – improvements in",
    "2.7 +2.8 – do the lsp",
    "is there something to support",
    "one organisation rep? how many",
    "need to differentiate between a",
    "include words “effective and transparent”",
    # 2.8
    "current arrangements do not reflect",
    "aim of drawing from large",
    "how is this going to",
    "need to link to 2.7",
    # 3. Public Sector Undertakings
    "general comments for this section",
    # 3.1
    "big + public sector needs",
    "needs an appointed person within",
    "have volunteer orgs got resources",
    '"bme led" too narrow, need',
    "ensure minimum standards of diversity",
    # 3.2
    "all partners that feed into",
    "totally agree, however issues of",
    # 3.3
    "big + ensuring contract adequately",
    "make sure bme groups do",
    "lose 'appropriate' and 'bme led'",
    "yes, however needs improvements",
    "multi agency process for joint",
    "second bullet point - this",
    # 3.4
    "3 rd sector orgs with focus",
    "why do single group issues",
    "multi agency commissioning will tackle",
    "infrastructure orgs should not be",
    "recognise cost implications both to",
    "positive efforts to counter smaller",
    "challenging the assumption that no",
    "may be appropriate at this",
    "delivering orgs must be equipped",
    "don’t lose the good stuff",
    "services delivery through smaller groups",
    # 3.5
    "open, honest and timely way",
    "how would this feed into",
    # 3.6
    "in what context? contract available",
    "fund english language training",
    "how are we involving esol",
    "issues with cost, capacity and",
    "needs consistent and co-ordinated approach",
    # 3.7
    "complaints system, must loop back",
    "change open with transparent",
    "can we have a complaints",
    # 4. Third Sector Undertakings
    "general comments for this section",
    # 4.1
    "directory / central info should",
    "central info point need, suggest",
    "central info centre needs with",
    "needs linking with 3.1 otherwise",
    # 4.2
    "where will info come from?",
    "delete, puts a ceiling on",
    "this feels as if it",
    # 4.4
    "not just the needs of",
    "how can this be ensured?",
    "need commissioning group",
    "again this should apply across",
    # 4.5
    "ensuring elected and appointed community",
    "4.5 + 4.6 – should be",
    "they should not be just",
    # 4.7 (first)
    "partnership arrangements should encourage and",
    "ok as long as not",
    "need more info to assess",
    "clarify whether covered by legislation",
    "3 rd sector to undertake",
    "people should have choice not",
    "agree, reword 'form consortium to",
    'would this be a "stop',
    "who would decide which orgs",
    # 4.7 (second, "4.7a")
    "new asr grouping model of",
    # 4.9
    "raise awareness about volunteering opportunity",
    # Anything missing / general comments
    "gap – nothing relation to",
    "disability + bme groups need",
    "need something in code to",
    "language used alienates the target",
    "difficult to comment on much",
    "missing – provision on up-to-date",
    "all undertakings should be joint",
    "have the employment quality issues",
    "how do we monitor and",
    "definition of bme? – does",
    "section 2 states ‘private’ sector",
    "please define ‘mainstreaming’",
    "how will smaller orgs be",
    "missing – change title from",
    "evidence on which codes are",
    "remove – the word ‘appropriate’",
    "lack of evidence base for",
    "a mapping of existing arrangements",
    "all undertakings should apply to",
    "missing set of indicators /",
    "wider consultation, not rely on",
    "infrastructure/commissioning-is item 3.3,first bullet",
    "3 year minimum contracts in",
    "need to capture what works well",
]

# Every numbered paragraph of the draft Code. The source numbers two paragraphs "4.7"; the second
# ("Respond to the needs of service users ...") is "4.7a" in the data.
CODE_PARAGRAPHS = [
    "1.1",
    "1.2",
    "1.3",
    "2.1",
    "2.2",
    "2.3",
    "2.4",
    "2.5",
    "2.6",
    "2.7",
    "2.8",
    "3.1",
    "3.2",
    "3.3",
    "3.4",
    "3.5",
    "3.6",
    "3.7",
    "3.8",
    "4.1",
    "4.2",
    "4.3",
    "4.4",
    "4.5",
    "4.6",
    "4.7",
    "4.7a",
    "4.8",
    "4.9",
    "4.10",
]
